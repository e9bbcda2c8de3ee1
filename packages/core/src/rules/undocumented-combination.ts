import { listPhrase } from '../phrases.js';
import { judgeKey } from './key-judgement.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';
import { reportUsageProblems } from './usage-judgement.js';

export const undocumentedCombination = defineRule({
  meta: {
    id: 'undocumented-combination',
    type: 'suggestion',
    description: 'Warn about scope and resource-type combinations the Service Keys page does not document',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      scopeUndocumented:
        "The Service Keys page does not say whether {{scope}} works with resource type {{resourceType}} (key '{{key}}'); it documents {{supported}}.",
      scopeNoRow:
        "The Service Keys page does not say which resource types {{scope}} works with (key '{{key}}' uses {{resourceType}}).",
      actionUndocumented:
        "The Service Keys page does not say whether {{action}} works with resource type {{resourceType}} (key '{{key}}'); it documents {{supported}}.",
      actionNoRow:
        "The Service Keys page does not say which resource types {{action}} works with (key '{{key}}' uses {{resourceType}}).",
      versionUnknown:
        "Key '{{key}}' is limited to {{allowed}}; the Service Keys page does not say whether it works for a call that names no version of {{target}}.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Scope Requirements' },
  },
  check(context) {
    const { catalogue } = context;
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        const judgement = judgeKey(catalogue, key);
        if (!judgement) continue;
        const resourceType = judgement.access.resourceType;
        for (const { entry, scope, verdict } of judgement.scopes) {
          if (verdict !== 'undocumented') continue;
          const supported = catalogue.supportedTypesOf({ kind: 'scope', scope });
          context.report({
            messageId: supported.length === 0 ? 'scopeNoRow' : 'scopeUndocumented',
            data: { key: key.name, scope: scope.name, resourceType, supported: listPhrase(supported, 'or') },
            location: at(manifest.file, entry.range),
          });
        }
        for (const { entry, problem, explainedByScope } of judgement.actions) {
          if (problem?.ruleId !== 'undocumented-combination' || explainedByScope) continue;
          context.report({
            messageId: problem.messageId as 'actionUndocumented' | 'actionNoRow',
            data: problem.data,
            location: at(manifest.file, entry.range),
          });
        }
      }
    }
    reportUsageProblems(catalogue, context.facts, 'undocumented-combination', (problem, { usage, related }) => {
      context.report({ messageId: problem.messageId as 'actionUndocumented' | 'actionNoRow' | 'versionUnknown', data: problem.data, location: at(usage.file, usage.range), related });
    });
  },
});
