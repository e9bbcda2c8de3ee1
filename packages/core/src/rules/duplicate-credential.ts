import type { KeySpec, Located } from '../facts.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';

export const duplicateCredential = defineRule({
  meta: {
    id: 'duplicate-credential',
    type: 'problem',
    description: 'Disallow two keys claiming the same environment variable or CI secret',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      duplicate:
        "'{{credential}}' is claimed by key '{{key}}' and already by key '{{other}}'; one credential carries one key, so calls through it cannot be checked.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Service Keys' },
  },
  check(context) {
    const first = new Map<string, { key: KeySpec; entry: Located<string> }>();
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        for (const entry of key.env) {
          const earlier = first.get(entry.value);
          if (!earlier) {
            first.set(entry.value, { key, entry });
            continue;
          }
          // The same key listing a name twice is a schema problem, not two keys.
          if (earlier.key === key) continue;
          context.report({
            messageId: 'duplicate',
            data: { credential: entry.value, key: key.name, other: earlier.key.name },
            location: at(manifest.file, entry.range),
            related: [
              { message: `Key '${earlier.key.name}' claims it here.`, location: at(earlier.key.file, earlier.entry.range) },
            ],
          });
        }
      }
    }
  },
});
