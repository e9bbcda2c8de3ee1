import { keyAccessFromSpec, missingScopes } from '../access.js';
import { listPhrase } from '../phrases.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';
import { usagesByKey } from './usage-judgement.js';

export const unusedKey = defineRule({
  meta: {
    id: 'unused-key',
    type: 'suggestion',
    description: 'Warn about declared keys that no NVCF call of the project uses',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unused:
        "Key '{{key}}' is carried by {{credentials}}, but no NVCF call in this project uses it; remove it, or it is used where nvcf-keylint does not look.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Service Keys' },
  },
  check(context) {
    const { catalogue, facts } = context;
    // A manifest-only repository declares keys that are used elsewhere: say nothing there.
    if (facts.usages.length === 0) return;
    const { byKey, unresolved } = usagesByKey(facts);
    for (const manifest of facts.manifests) {
      for (const key of manifest.keys) {
        if (key.env.length === 0 || byKey.has(key)) continue;
        // A call whose key cannot be known might be this key's, if the key could make it.
        const access = keyAccessFromSpec(catalogue, key);
        const couldBeUsed = unresolved.some((u) => {
          const action = catalogue.action(u.action);
          return action !== undefined && access !== undefined && missingScopes(access, action).length === 0;
        });
        if (couldBeUsed) continue;
        context.report({
          messageId: 'unused',
          data: { key: key.name, credentials: listPhrase(key.env.map((e) => e.value), 'or') },
          location: at(manifest.file, key.range),
        });
      }
    }
  },
});
