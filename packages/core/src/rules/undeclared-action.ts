import { at } from './locate.js';
import { defineRule } from './rule.js';
import { usagesByKey } from './usage-judgement.js';

export const undeclaredAction = defineRule({
  meta: {
    id: 'undeclared-action',
    type: 'suggestion',
    description: "Warn when code uses a key for an action its declared actions do not list",
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      undeclared: "Key '{{key}}' is used for {{action}}, which its declared actions do not list; add it to `actions` so the manifest says what the key is for.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Scope Requirements' },
  },
  check(context) {
    const { catalogue, facts } = context;
    const { byKey } = usagesByKey(facts);
    for (const [key, usages] of byKey) {
      if (key.actions === null) continue;
      const declared = new Set(key.actions.map((a) => a.value));
      const reported = new Set<string>();
      for (const usage of usages) {
        if (declared.has(usage.action) || reported.has(usage.action) || !catalogue.action(usage.action)) continue;
        reported.add(usage.action);
        context.report({
          messageId: 'undeclared',
          data: { key: key.name, action: usage.action },
          location: at(key.file, key.range),
          related: [{ message: `Used for ${usage.action} here.`, location: at(usage.file, usage.range) }],
          fix: { kind: 'add-items', file: key.file, key: key.name, field: 'actions', items: [usage.action] },
        });
      }
    }
  },
});
