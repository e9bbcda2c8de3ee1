import { listPhrase } from '../phrases.js';
import { judgeKey } from './key-judgement.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';
import { reportUsageProblems } from './usage-judgement.js';

export const unsupportedResourceType = defineRule({
  meta: {
    id: 'unsupported-resource-type',
    type: 'problem',
    description: "Disallow scopes and actions that the key's resource type does not support",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      scopeUnsupported:
        "Key '{{key}}' has {{scope}}, which does not work with resource type {{resourceType}} (403); it needs {{supported}}.",
      actionUnsupported:
        "Key '{{key}}' has resource type {{resourceType}}, which {{action}} does not support (403); use {{supported}}.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Troubleshooting', note: 'Resource type is incompatible with the scope' },
  },
  check(context) {
    const { catalogue } = context;
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        const judgement = judgeKey(catalogue, key);
        if (!judgement) continue;
        const resourceType = judgement.access.resourceType;
        for (const { entry, scope, verdict } of judgement.scopes) {
          if (verdict !== 'unsupported') continue;
          const supported = catalogue.supportedTypesOf({ kind: 'scope', scope });
          context.report({
            messageId: 'scopeUnsupported',
            data: { key: key.name, scope: scope.name, resourceType, supported: listPhrase(supported, 'or') },
            location: at(manifest.file, entry.range),
          });
        }
        for (const { entry, problem, explainedByScope } of judgement.actions) {
          if (problem?.ruleId !== 'unsupported-resource-type' || explainedByScope) continue;
          context.report({ messageId: 'actionUnsupported', data: problem.data, location: at(manifest.file, entry.range) });
        }
      }
    }
    reportUsageProblems(catalogue, context.facts, 'unsupported-resource-type', (problem, { usage, related }) => {
      context.report({ messageId: 'actionUnsupported', data: problem.data, location: at(usage.file, usage.range), related });
    });
  },
});
