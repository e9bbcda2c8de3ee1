/** Every rule, one line each, alphabetically by id. Explicit on purpose: adding a rule is a reviewed change. */
export { duplicateCredential } from './duplicate-credential.js';
export { functionOutOfScope } from './function-out-of-scope.js';
export { hardcodedKey } from './hardcoded-key.js';
export { manifestSchema } from './manifest-schema.js';
export { missingScope } from './missing-scope.js';
export { overbroadResource } from './overbroad-resource.js';
export { undeclaredAction } from './undeclared-action.js';
export { undocumentedCombination } from './undocumented-combination.js';
export { unknownAction } from './unknown-action.js';
export { unknownKey } from './unknown-key.js';
export { unknownScope } from './unknown-scope.js';
export { unsupportedResourceType } from './unsupported-resource-type.js';
export { unusedKey } from './unused-key.js';
export { unusedScope } from './unused-scope.js';
