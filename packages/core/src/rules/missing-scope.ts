import { intendedAction, keyAccessFromSpec, missingScopeProblem, missingScopes } from '../access.js';
import type { Action } from '../catalogue/index.js';
import type { KeySpec } from '../facts.js';
import type { ManifestFix } from '../finding.js';
import { scopePhrase } from '../phrases.js';
import { at } from './locate.js';
import { defineRule } from './rule.js';
import { reportUsageProblems, usagesByKey } from './usage-judgement.js';

function addScopes(key: KeySpec, scopes: string[]): ManifestFix {
  return { kind: 'add-items', file: key.file, key: key.name, field: 'scopes', items: scopes };
}

export const missingScope = defineRule({
  meta: {
    id: 'missing-scope',
    type: 'problem',
    description: 'Require every key to hold all the scopes its actions need',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      missingScopes: "Key '{{key}}' lacks {{missing}}, which {{action}} requires.",
      scopeAlone: "Key '{{key}}' has {{scope}}, but {{action}} also requires {{missing}}; without it the key gets 403.",
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Troubleshooting', note: 'Scope is missing for the action' },
  },
  check(context) {
    const { catalogue } = context;
    const { byKey } = usagesByKey(context.facts);
    for (const manifest of context.facts.manifests) {
      for (const key of manifest.keys) {
        const access = keyAccessFromSpec(catalogue, key);
        if (!access) continue;
        if (key.actions !== null) {
          for (const entry of key.actions) {
            // A misspelt action with one obvious reading counts as that action, as scopes do.
            const action = intendedAction(catalogue, entry.value);
            const problem = action && missingScopeProblem(access, action);
            if (problem) {
              context.report({ messageId: 'missingScopes', data: problem.data, location: at(manifest.file, entry.range), fix: addScopes(key, missingScopes(access, action as Action)) });
            }
          }
          continue;
        }
        // Calls that use the key say what it is for; each is reported where it is made.
        if (byKey.has(key)) continue;
        // No declared purpose: a scope is only useful through an action whose scopes are all present
        // (Deploy Function is useless without List Functions). Name the nearest such action.
        for (const entry of key.scopes ?? []) {
          const scope = catalogue.scope(entry.value);
          if (!scope) continue;
          const candidates = catalogue
            .actionsRequiring(scope.name)
            .filter((a) => catalogue.actionVerdict(a, access.resourceType) !== 'unsupported');
          if (candidates.length === 0 || candidates.some((a) => missingScopes(access, a).length === 0)) continue;
          const nearest = candidates.reduce<Action>((best, a) =>
            missingScopes(access, a).length < missingScopes(access, best).length ? a : best,
          candidates[0] as Action);
          context.report({
            messageId: 'scopeAlone',
            data: { key: key.name, scope: scope.name, action: nearest.id, missing: scopePhrase(missingScopes(access, nearest)) },
            location: at(manifest.file, entry.range),
            fix: addScopes(key, missingScopes(access, nearest)),
          });
        }
      }
    }
    reportUsageProblems(catalogue, context.facts, 'missing-scope', (problem, { usage, related, key }) => {
      const action = catalogue.action(usage.action);
      const access = keyAccessFromSpec(catalogue, key);
      const fix = action && access ? addScopes(key, missingScopes(access, action)) : undefined;
      context.report({ messageId: 'missingScopes', data: problem.data, location: at(usage.file, usage.range), related, ...(fix ? { fix } : {}) });
    });
  },
});
