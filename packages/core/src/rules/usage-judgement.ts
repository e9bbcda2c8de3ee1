import { evaluateAccess, keyAccessFromSpec, type AccessProblem } from '../access.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Facts, KeySpec, ManifestFacts, Usage } from '../facts.js';
import type { RelatedLocation } from '../finding.js';
import { at } from './locate.js';

export interface UsageJudgement {
  usage: Usage;
  /** The manifest key whose `env` lists the usage's credential. */
  key: KeySpec;
  problems: AccessProblem[];
  related: RelatedLocation[];
}

const cache = new WeakMap<Facts, UsageJudgement[]>();

const credentialCache = new WeakMap<ManifestFacts, ReadonlyMap<string, KeySpec>>();

/**
 * Credential name -> the manifest key whose `env` lists it (the first claim wins). Several rules
 * ask for it on every lint. With one manifest, the usual case, it is kept per manifest, which the
 * ESLint plugin shares across files: keyed per file's facts instead, a 5,000-key manifest's map
 * stayed alive with every file's facts the CLI collects (bench target 5 went from 0.5 to 1.2 GB).
 */
export function keysByCredential(facts: Facts): ReadonlyMap<string, KeySpec> {
  const only = facts.manifests.length === 1 ? facts.manifests[0] : undefined;
  const cached = only && credentialCache.get(only);
  if (cached) return cached;
  const byName = new Map<string, KeySpec>();
  for (const manifest of facts.manifests) {
    for (const key of manifest.keys) {
      for (const env of key.env) if (!byName.has(env.value)) byName.set(env.value, key);
    }
  }
  if (only) credentialCache.set(only, byName);
  return byName;
}

/** The key a usage's first declared credential names. */
export function resolveCredential(usage: Usage, byName: ReadonlyMap<string, KeySpec>): KeySpec | undefined {
  for (const name of usage.credentials) {
    const key = byName.get(name);
    if (key) return key;
  }
  return undefined;
}

/**
 * Every usage whose credential resolves to a manifest key, with the reasons that key would be
 * denied. Usages whose credential or key cannot be resolved are left out: nothing is guessed.
 * Computed once per set of facts; several rules read it.
 */
export function judgeUsages(catalogue: Catalogue, facts: Facts): UsageJudgement[] {
  const cached = cache.get(facts);
  if (cached) return cached;
  const byName = keysByCredential(facts);
  const judgements: UsageJudgement[] = [];
  for (const usage of facts.usages) {
    const action = catalogue.action(usage.action);
    const key = resolveCredential(usage, byName);
    const access = key && keyAccessFromSpec(catalogue, key);
    if (!action || !key || !access) continue;
    judgements.push({
      usage,
      key,
      problems: evaluateAccess(catalogue, access, action, usage.target),
      related: [{ message: `Key '${key.name}' is declared here.`, location: at(key.file, key.range) }],
    });
  }
  cache.set(facts, judgements);
  return judgements;
}

/** Reports, for one rule, the problems of every resolved usage. */
export function reportUsageProblems(
  catalogue: Catalogue,
  facts: Facts,
  ruleId: AccessProblem['ruleId'],
  report: (problem: AccessProblem, judgement: UsageJudgement) => void,
): void {
  for (const judgement of judgeUsages(catalogue, facts)) {
    for (const problem of judgement.problems) if (problem.ruleId === ruleId) report(problem, judgement);
  }
}

/** The usages each manifest key is resolved to, and the usages whose credential is unknown. */
export function usagesByKey(facts: Facts): { byKey: Map<KeySpec, Usage[]>; unresolved: Usage[] } {
  const byName = keysByCredential(facts);
  const byKey = new Map<KeySpec, Usage[]>();
  const unresolved: Usage[] = [];
  for (const usage of facts.usages) {
    const key = resolveCredential(usage, byName);
    if (!key) {
      if (usage.credentials.length === 0) unresolved.push(usage);
      continue;
    }
    const list = byKey.get(key) ?? [];
    list.push(usage);
    byKey.set(key, list);
  }
  return { byKey, unresolved };
}
