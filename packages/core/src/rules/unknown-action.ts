import { suggestAction } from '../access.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';

export const unknownAction = defineRule({
  meta: {
    id: 'unknown-action',
    type: 'problem',
    description: 'Disallow declared actions that nvcf-keylint does not know',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      unknownAction: "'{{action}}' is not a known NVCF action; the actions are {{known}}.",
      unknownActionSuggest: "'{{action}}' is not a known NVCF action. Did you mean '{{suggestion}}'?",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Scope Requirements' },
  },
  check(context) {
    const { catalogue } = context;
    const known = catalogue.actions.map((a) => a.id).join(', ');
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        for (const action of key.actions ?? []) {
          if (catalogue.action(action.value) !== undefined) continue;
          const suggestion = suggestAction(catalogue, action.value);
          context.report({
            messageId: suggestion ? 'unknownActionSuggest' : 'unknownAction',
            data: { action: action.value, suggestion: suggestion?.value ?? '', known },
            location: at(manifest.file, action.range),
            ...(suggestion?.obvious ? { fix: { kind: 'replace-item' as const, file: manifest.file, range: action.range, text: suggestion.value } } : {}),
          });
        }
      }
    }
  },
});
