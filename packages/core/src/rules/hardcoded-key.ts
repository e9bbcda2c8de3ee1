import { at } from './locate.js';
import { defineRule } from './rule.js';

export const hardcodedKey = defineRule({
  meta: {
    id: 'hardcoded-key',
    type: 'problem',
    description: 'Disallow NGC key material (nvapi-…) written into manifests, code and CI files',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      hardcoded:
        'Key material (nvapi-…) is written here: revoke this key, keep keys in a secret store and refer to them by environment variable or CI secret name.',
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Service Keys' },
  },
  check(context) {
    for (const manifest of context.facts.manifests) {
      for (const range of manifest.secrets) context.report({ messageId: 'hardcoded', data: {}, location: at(manifest.file, range) });
    }
    for (const secret of context.facts.secrets) {
      context.report({ messageId: 'hardcoded', data: {}, location: at(secret.file, secret.range) });
    }
  },
});
