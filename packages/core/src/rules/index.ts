import { duplicateCredential } from './duplicate-credential.js';
import { functionOutOfScope } from './function-out-of-scope.js';
import { hardcodedKey } from './hardcoded-key.js';
import { manifestSchema } from './manifest-schema.js';
import { missingScope } from './missing-scope.js';
import type { Rule } from './rule.js';
import { undocumentedCombination } from './undocumented-combination.js';
import { unknownAction } from './unknown-action.js';
import { unknownKey } from './unknown-key.js';
import { unknownScope } from './unknown-scope.js';
import { unsupportedResourceType } from './unsupported-resource-type.js';

/** Every rule, alphabetically by id. Explicit on purpose: adding a rule is a reviewed change. */
export const rules: readonly Rule[] = [
  duplicateCredential,
  functionOutOfScope,
  hardcodedKey,
  manifestSchema,
  missingScope,
  undocumentedCombination,
  unknownAction,
  unknownKey,
  unknownScope,
  unsupportedResourceType,
] as Rule[];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export { defineRule, ruleDocsUrl, REPOSITORY_URL } from './rule.js';
export type { Rule, RuleMeta, RuleContext, ReportDescriptor } from './rule.js';
export type { ManifestSchemaMessageId } from './manifest-schema.js';
export {
  duplicateCredential,
  functionOutOfScope,
  hardcodedKey,
  manifestSchema,
  missingScope,
  undocumentedCombination,
  unknownAction,
  unknownKey,
  unknownScope,
  unsupportedResourceType,
};
