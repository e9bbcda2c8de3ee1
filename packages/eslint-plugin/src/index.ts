import { createRequire } from 'node:module';
import { findRule } from '@nvcf-keylint/core';
import type { ESLint, Linter } from 'eslint';
import { manifestLanguage } from './manifest-language.js';
import { CODE_RULE_IDS, MANIFEST_RULE_IDS, rules } from './rules.js';

/** Set by the bundler (the bundle has no package.json beside it). */
declare const __NVCF_KEYLINT_VERSION__: string | undefined;

const { name, version } =
  typeof __NVCF_KEYLINT_VERSION__ === 'string'
    ? { name: '@nvcf-keylint/eslint-plugin', version: __NVCF_KEYLINT_VERSION__ }
    : (createRequire(import.meta.url)('../package.json') as { name: string; version: string });

export const PLUGIN_NAME = 'nvcf-keylint';

// typescript-eslint's rule type and ESLint's describe the same objects differently.
const plugin: ESLint.Plugin & { configs: Record<string, Linter.Config> } = {
  meta: { name, version },
  rules: rules as unknown as ESLint.Plugin['rules'],
  languages: { manifest: manifestLanguage as unknown as NonNullable<ESLint.Plugin['languages']>[string] },
  configs: {},
};

/** Every code rule at its default severity (errors; warnings for unknown-key and undocumented-combination). */
const recommended: Linter.Config & { rules: Linter.RulesRecord } = {
  name: `${PLUGIN_NAME}/recommended`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: Object.fromEntries(
    CODE_RULE_IDS.map((id) => [`${PLUGIN_NAME}/${id}`, findRule(id)?.meta.defaultSeverity === 'warning' ? 'warn' : 'error']),
  ) as Linter.RulesRecord,
};
plugin.configs.recommended = recommended;

const severity = (id: string) => (findRule(id)?.meta.defaultSeverity === 'warning' ? 'warn' : 'error');

/** Key manifests, linted by `eslint` itself through the plugin's manifest language. */
const manifests: Linter.Config & { rules: Linter.RulesRecord } = {
  name: `${PLUGIN_NAME}/manifests`,
  files: ['**/nvcf-keys.{yaml,yml,json}', '**/*.nvcf-keys.{yaml,yml,json}'],
  plugins: { [PLUGIN_NAME]: plugin },
  language: `${PLUGIN_NAME}/manifest`,
  rules: Object.fromEntries(MANIFEST_RULE_IDS.map((id) => [`${PLUGIN_NAME}/${id}`, severity(id)])) as Linter.RulesRecord,
};
plugin.configs.manifests = manifests;

export default plugin;
export { plugin, recommended, manifests, CODE_RULE_IDS, MANIFEST_RULE_IDS };
export { manifestLanguage } from './manifest-language.js';
export { readSettings, type NvcfSettings, type WrapperSpec } from './settings.js';
export { collectCodeFacts } from './detect/index.js';
export { collectedFacts } from './analysis.js';
