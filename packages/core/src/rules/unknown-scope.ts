import { suggestScope } from '../access.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';

export const unknownScope = defineRule({
  meta: {
    id: 'unknown-scope',
    type: 'problem',
    description: 'Disallow scope names that are not NVCF Service Key scopes',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      unknownScope: "'{{scope}}' is not an NVCF Service Key scope; use a name from the Available Scopes table.",
      unknownScopeSuggest: "'{{scope}}' is not an NVCF Service Key scope. Did you mean '{{suggestion}}'?",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Available Scopes' },
  },
  check(context) {
    const { catalogue } = context;
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        for (const scope of key.scopes ?? []) {
          if (catalogue.scope(scope.value) !== undefined) continue;
          const suggestion = suggestScope(catalogue, scope.value);
          context.report({
            messageId: suggestion ? 'unknownScopeSuggest' : 'unknownScope',
            data: { scope: scope.value, suggestion: suggestion?.value ?? '' },
            location: at(manifest.file, scope.range),
            ...(suggestion?.obvious ? { fix: { kind: 'replace-item' as const, file: manifest.file, range: scope.range, text: suggestion.value } } : {}),
          });
        }
      }
    }
  },
});
