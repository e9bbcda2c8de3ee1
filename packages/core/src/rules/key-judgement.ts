import { keyAccessFromSpec, resourceTypeProblem, type AccessProblem, type KeyAccess } from '../access.js';
import type { Action, Catalogue, Scope, Verdict } from '../catalogue/index.js';
import type { KeySpec, Located } from '../facts.js';

export interface ScopeJudgement {
  entry: Located<string>;
  scope: Scope;
  verdict: Verdict;
}

export interface ActionJudgement {
  entry: Located<string>;
  action: Action;
  /** The resource-type problem of the declared action, if any. */
  problem: AccessProblem | undefined;
  /** A scope the action requires already has a finding of the same kind: do not say it twice. */
  explainedByScope: boolean;
}

export interface KeyJudgement {
  access: KeyAccess;
  scopes: ScopeJudgement[];
  actions: ActionJudgement[];
}

/** How a manifest key's scopes and declared actions fare under its resource type. */
export function judgeKey(catalogue: Catalogue, key: KeySpec): KeyJudgement | undefined {
  const access = keyAccessFromSpec(catalogue, key);
  if (access === undefined) return undefined;
  const scopes: ScopeJudgement[] = [];
  for (const entry of key.scopes ?? []) {
    const scope = catalogue.scope(entry.value);
    if (scope) scopes.push({ entry, scope, verdict: catalogue.scopeVerdict(scope, access.resourceType) });
  }
  const actions: ActionJudgement[] = [];
  for (const entry of key.actions ?? []) {
    const action = catalogue.action(entry.value);
    if (!action) continue;
    const problem = resourceTypeProblem(catalogue, access, action);
    const verdict = catalogue.actionVerdict(action, access.resourceType);
    const explainedByScope = scopes.some((s) => s.verdict === verdict && action.requiredScopes.includes(s.scope.name));
    actions.push({ entry, action, problem, explainedByScope });
  }
  return { access, scopes, actions };
}
