import { createRequire } from 'node:module';
import { findRule } from '@nvcf-keylint/core';
import type { ESLint, Linter } from 'eslint';
import { CODE_RULE_IDS, rules } from './rules.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const PLUGIN_NAME = 'nvcf-keylint';

// typescript-eslint's rule type and ESLint's describe the same objects differently.
const plugin: ESLint.Plugin & { configs: Record<string, Linter.Config> } = {
  meta: { name, version },
  rules: rules as unknown as ESLint.Plugin['rules'],
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

export default plugin;
export { plugin, recommended, CODE_RULE_IDS };
export { readSettings, type NvcfSettings, type WrapperSpec } from './settings.js';
export { collectCodeFacts } from './detect/index.js';
export { collectedFacts } from './analysis.js';
