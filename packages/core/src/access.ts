import type { Action, Catalogue } from './catalogue/index.js';
import type { KeySpec, UsageTarget } from './facts.js';
import { listPhrase, scopePhrase } from './phrases.js';
import { suggest, type Suggestion } from './suggest.js';

/** What the engine needs to know of a key to judge one call. */
export interface KeyAccess {
  name: string;
  scopes: ReadonlySet<string>;
  resourceType: string;
  functions: readonly string[];
}

/** One reason a call would be denied, or might be: a rule, its message and the data it fills. */
export interface AccessProblem {
  ruleId: 'missing-scope' | 'unsupported-resource-type' | 'undocumented-combination' | 'function-out-of-scope';
  messageId: string;
  data: Record<string, string>;
  /** What to change, in one sentence. */
  fix: string;
}

export function missingScopes(key: KeyAccess, action: Action): string[] {
  return action.requiredScopes.filter((s) => !key.scopes.has(s));
}

export function missingScopeProblem(key: KeyAccess, action: Action): AccessProblem | undefined {
  const missing = missingScopes(key, action);
  if (missing.length === 0) return undefined;
  return {
    ruleId: 'missing-scope',
    messageId: 'missingScopes',
    data: { key: key.name, action: action.id, missing: scopePhrase(missing) },
    fix: `Add ${listPhrase(missing)} to key '${key.name}' at org.ngc.nvidia.com/service-keys (or create a key that has ${missing.length === 1 ? 'it' : 'them'}), then update the manifest.`,
  };
}

export function resourceTypeProblem(catalogue: Catalogue, key: KeyAccess, action: Action): AccessProblem | undefined {
  const verdict = catalogue.actionVerdict(action, key.resourceType);
  const supported = catalogue.supportedTypesOf({ kind: 'action', action });
  const data = { key: key.name, action: action.id, resourceType: key.resourceType, supported: listPhrase(supported, 'or') };
  if (verdict === 'unsupported') {
    return {
      ruleId: 'unsupported-resource-type',
      messageId: 'actionUnsupported',
      data,
      fix: `Use a key whose resource type is ${listPhrase(supported, 'or')}.`,
    };
  }
  if (verdict === 'undocumented') {
    return supported.length === 0
      ? {
          ruleId: 'undocumented-combination',
          messageId: 'actionNoRow',
          data,
          fix: 'Nothing to change for certain: the Service Keys page does not document this action; test the key before relying on it.',
        }
      : {
          ruleId: 'undocumented-combination',
          messageId: 'actionUndocumented',
          data,
          fix: `To stay on documented ground, use a key whose resource type is ${listPhrase(supported, 'or')}.`,
        };
  }
  return undefined;
}

/** A Function or Function Versions key works only for the functions (versions) it lists. */
export function functionCoverageProblem(catalogue: Catalogue, key: KeyAccess, target: UsageTarget): AccessProblem | undefined {
  const list = catalogue.resourceType(key.resourceType)?.functionList ?? 'none';
  if (list === 'none') return undefined;
  const targetText = target.versionId === undefined ? target.functionId : `${target.functionId}:${target.versionId}`;
  const allowed = key.functions.length === 0 ? 'no functions' : listPhrase(key.functions, 'or');
  const data = { key: key.name, target: targetText, allowed, resourceType: key.resourceType };
  const outOfScope: AccessProblem = {
    ruleId: 'function-out-of-scope',
    messageId: 'notCovered',
    data,
    fix: `Add ${targetText} to key '${key.name}', or use a key with resource type All Functions for several functions.`,
  };
  if (list === 'function-ids') {
    return key.functions.includes(target.functionId) ? undefined : outOfScope;
  }
  const sameFunction = key.functions.filter((f) => f.split(':')[0] === target.functionId);
  if (target.versionId === undefined) {
    if (sameFunction.length === 0) return outOfScope;
    return {
      ruleId: 'undocumented-combination',
      messageId: 'versionUnknown',
      data,
      fix: `Name the version in the call, or use a key with resource type Function for ${target.functionId}.`,
    };
  }
  return sameFunction.includes(targetText) ? undefined : outOfScope;
}

/** Every reason, documented or not, why `key` might be denied `action` on `target`. */
export function evaluateAccess(
  catalogue: Catalogue,
  key: KeyAccess,
  action: Action,
  target?: UsageTarget,
): AccessProblem[] {
  const problems: AccessProblem[] = [];
  const missing = missingScopeProblem(key, action);
  if (missing) problems.push(missing);
  const type = resourceTypeProblem(catalogue, key, action);
  if (type) problems.push(type);
  if (target !== undefined && type?.ruleId !== 'unsupported-resource-type') {
    const coverage = functionCoverageProblem(catalogue, key, target);
    if (coverage) problems.push(coverage);
  }
  return problems;
}

/**
 * The access a manifest key grants, or `undefined` when its scopes or resource type are missing or
 * unknown (the manifest's own rules report that). A misspelt scope with one obvious reading counts
 * as that scope, so one typo is not reported twice.
 */
export function keyAccessFromSpec(catalogue: Catalogue, key: KeySpec): KeyAccess | undefined {
  if (key.scopes === null || key.resourceType === null) return undefined;
  if (catalogue.resourceType(key.resourceType.value) === undefined) return undefined;
  const scopes = new Set<string>();
  for (const { value } of key.scopes) {
    if (catalogue.scope(value) !== undefined) scopes.add(value);
    else {
      const intended = suggestScope(catalogue, value);
      if (intended?.obvious) scopes.add(intended.value);
    }
  }
  return { name: key.name, scopes, resourceType: key.resourceType.value, functions: key.functions.map((f) => f.value) };
}

export function suggestScope(catalogue: Catalogue, text: string): Suggestion | undefined {
  return suggest(
    text,
    catalogue.scopes.map((s) => ({ name: s.name, aliases: s.identifier === undefined ? [] : [s.identifier] })),
  );
}

export function suggestAction(catalogue: Catalogue, text: string): Suggestion | undefined {
  return suggest(
    text,
    catalogue.actions.map((a) => ({ name: a.id, aliases: [a.title, ...(a.matrixRow === null ? [] : [a.matrixRow])] })),
  );
}

/** A declared action as written, or the one it obviously means (`Deploy Function`, `deploy_function`). */
export function intendedAction(catalogue: Catalogue, text: string): Action | undefined {
  const exact = catalogue.action(text);
  if (exact) return exact;
  const suggestion = suggestAction(catalogue, text);
  return suggestion?.obvious ? catalogue.action(suggestion.value) : undefined;
}
