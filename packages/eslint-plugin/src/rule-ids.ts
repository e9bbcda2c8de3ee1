/** The rules that apply to code, alphabetically. */
export const CODE_RULE_IDS = [
  'function-out-of-scope',
  'hardcoded-key',
  'missing-scope',
  'undocumented-combination',
  'unknown-key',
  'unsupported-resource-type',
] as const;

/** The rules that apply to a manifest on its own (the project-wide ones need the CLI). */
export const MANIFEST_RULE_IDS = [
  'duplicate-credential',
  'hardcoded-key',
  'manifest-schema',
  'missing-scope',
  'undocumented-combination',
  'unknown-action',
  'unknown-scope',
  'unsupported-resource-type',
  'unused-scope',
] as const;
