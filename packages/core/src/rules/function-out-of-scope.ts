import { at } from './locate.js';
import { defineRule } from './rule.js';
import { reportUsageProblems } from './usage-judgement.js';

export const functionOutOfScope = defineRule({
  meta: {
    id: 'function-out-of-scope',
    type: 'problem',
    description: 'Disallow calls to functions that a Function or Function Versions key does not cover',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      notCovered: "Key '{{key}}' is limited to {{allowed}} ({{resourceType}}); a call for {{target}} gets 403.",
    },
    schema: [],
    source: {
      ref: 'service-keys',
      section: 'Troubleshooting',
      note: 'Key is scoped to a specific Function but the request targets a different function',
    },
  },
  check(context) {
    reportUsageProblems(context.catalogue, context.facts, 'function-out-of-scope', (problem, { usage, related }) => {
      context.report({ messageId: 'notCovered', data: problem.data, location: at(usage.file, usage.range), related });
    });
  },
});
