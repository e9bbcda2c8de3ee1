import * as all from './all.js';
import type { Rule } from './rule.js';

export * from './all.js';

/** Every rule (see all.ts), alphabetically by id. */
export const rules: readonly Rule[] = (Object.values(all) as Rule[]).sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export { defineRule, ruleDocsUrl, REPOSITORY_URL } from './rule.js';
export { keysByCredential, resolveCredential } from './usage-judgement.js';
export type { Rule, RuleMeta, RuleContext, ReportDescriptor } from './rule.js';
export type { ManifestSchemaMessageId } from './manifest-schema.js';
