import { duplicateCredential } from './duplicate-credential.js';
import { functionOutOfScope } from './function-out-of-scope.js';
import { hardcodedKey } from './hardcoded-key.js';
import { manifestSchema } from './manifest-schema.js';
import { missingScope } from './missing-scope.js';
import { overbroadResource } from './overbroad-resource.js';
import type { Rule } from './rule.js';
import { undeclaredAction } from './undeclared-action.js';
import { undocumentedCombination } from './undocumented-combination.js';
import { unknownAction } from './unknown-action.js';
import { unknownKey } from './unknown-key.js';
import { unknownScope } from './unknown-scope.js';
import { unsupportedResourceType } from './unsupported-resource-type.js';
import { unusedKey } from './unused-key.js';
import { unusedScope } from './unused-scope.js';

/** Every rule, alphabetically by id. Explicit on purpose: adding a rule is a reviewed change. */
export const rules: readonly Rule[] = [
  duplicateCredential,
  functionOutOfScope,
  hardcodedKey,
  manifestSchema,
  missingScope,
  overbroadResource,
  undeclaredAction,
  undocumentedCombination,
  unknownAction,
  unknownKey,
  unknownScope,
  unsupportedResourceType,
  unusedKey,
  unusedScope,
] as Rule[];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export { defineRule, ruleDocsUrl, REPOSITORY_URL } from './rule.js';
export { keysByCredential, resolveCredential } from './usage-judgement.js';
export type { Rule, RuleMeta, RuleContext, ReportDescriptor } from './rule.js';
export type { ManifestSchemaMessageId } from './manifest-schema.js';
export {
  duplicateCredential,
  functionOutOfScope,
  hardcodedKey,
  manifestSchema,
  missingScope,
  overbroadResource,
  undeclaredAction,
  undocumentedCombination,
  unknownAction,
  unknownKey,
  unknownScope,
  unsupportedResourceType,
  unusedKey,
  unusedScope,
};
