import { at } from './locate.js';
import { keyNeeds } from './needs.js';
import { defineRule } from './rule.js';
import { usagesByKey } from './usage-judgement.js';

export const unusedScope = defineRule({
  meta: {
    id: 'unused-scope',
    type: 'suggestion',
    description: 'Warn about scopes that no declared action and no call of the key needs',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unused: "Key '{{key}}' has {{scope}}, which nothing it is for needs ({{what}}); a key should hold only the scopes it uses.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Service Keys' },
  },
  check(context) {
    const { catalogue, facts } = context;
    const { byKey } = usagesByKey(facts);
    for (const manifest of facts.manifests) {
      for (const key of manifest.keys) {
        const usages = byKey.get(key) ?? [];
        const needs = keyNeeds(catalogue, key, usages);
        if (needs.all.length === 0 || needs.incomplete) continue;
        const needed = new Set(needs.all.flatMap((a) => a.requiredScopes));
        const what = [
          ...(needs.declared.length > 0 ? [`declared actions: ${needs.declared.map((a) => a.id).join(', ')}`] : []),
          ...(usages.length > 0 ? [`${usages.length} call${usages.length === 1 ? '' : 's'}`] : []),
        ];
        for (const entry of key.scopes ?? []) {
          if (!catalogue.scope(entry.value) || needed.has(entry.value)) continue;
          context.report({ messageId: 'unused', data: { key: key.name, scope: entry.value, what: what.join('; ') }, location: at(manifest.file, entry.range) });
        }
      }
    }
  },
});
