/**
 * Derived files and how to make them. `pnpm generate` writes them; a test fails when the checked-in
 * copies differ, so the catalogue and what is derived from it cannot drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';
import { Catalogue } from '../packages/core/src/catalogue/catalogue.js';
import type { CatalogueData } from '../packages/core/src/catalogue/types.js';
import { rules } from '../packages/core/src/rules/index.js';
import { buildManifestSchema } from '../packages/manifest/src/schema.js';
import { buildConfigSchema } from '../packages/cli/src/config-schema.js';
import { renderDoc } from './doc-examples.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Reads `rules/catalogue.yaml` and checks it against `rules/catalogue.schema.json`. */
export function readCatalogueSource(): CatalogueData {
  const data: unknown = parse(readFileSync(`${root}rules/catalogue.yaml`, 'utf8'));
  const schema = JSON.parse(readFileSync(`${root}rules/catalogue.schema.json`, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (!validate(data)) throw new Error(`rules/catalogue.yaml does not match its schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  return data as CatalogueData;
}

/** The README's rule table, between its markers. */
export function renderReadme(readme: string): string {
  const table = [
    '| rule | default | description |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.meta.id}\`](rules/docs/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.description}. |`),
  ].join('\n');
  return readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
}

/** Rule docs and the README, with their generated parts brought up to date. */
export async function renderDocs(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of readdirSync(`${root}rules/docs`).filter((f) => f.endsWith('.md')).sort()) {
    files.set(`rules/docs/${name}`, await renderDoc(readFileSync(`${root}rules/docs/${name}`, 'utf8')));
  }
  files.set('README.md', renderReadme(readFileSync(`${root}README.md`, 'utf8')));
  return files;
}

/**
 * The manifest validator, compiled ahead of time with ajv's standalone code: compiling the schema
 * at every start cost more than reading a manifest. Same options as a runtime compile would use.
 */
export function renderManifestValidator(catalogue: Catalogue): string {
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
    verbose: true,
    keywords: ['enumDescriptions'],
    code: { source: true, esm: true },
  });
  const code = (standaloneCode as unknown as (a: Ajv, v: unknown) => string)(ajv, ajv.compile(buildManifestSchema(catalogue)));
  // ajv's ESM output still requires its runtime helpers; import them instead.
  const helpers = [...new Set([...code.matchAll(/require\("ajv\/dist\/runtime\/(\w+)"\)/g)].map((m) => m[1] as string))];
  const body = code.replace(/^"use strict";/, '').replace(/require\("ajv\/dist\/runtime\/(\w+)"\)/g, '__ajvRuntime_$1');
  // CommonJS interop differs between Node, bundlers and test runners: find the function either way.
  const imports = helpers
    .map((h) => `import * as __ajvRuntimeModule_${h} from 'ajv/dist/runtime/${h}.js';\nconst __ajvRuntime_${h} = { default: __ajvFunction(__ajvRuntimeModule_${h}) };`)
    .join('\n');
  const unwrap = 'function __ajvFunction(m) { for (const c of [m, m.default, m.default?.default]) if (typeof c === "function") return c; throw new Error("ajv runtime helper not found"); }';
  return `// Generated from rules/catalogue.yaml by \`pnpm generate\` (ajv standalone). Do not edit.\n// @ts-nocheck\n/* eslint-disable */\n${unwrap}\n${imports}\n${body}\n`;
}

/** Path (relative to the repository) -> content. */
export function renderGeneratedFiles(): Map<string, string> {
  const data = readCatalogueSource();
  const catalogue = new Catalogue(data); // throws if the data is inconsistent
  const banner = '// Generated from rules/catalogue.yaml by `pnpm generate`. Do not edit.\n';
  return new Map([
    [
      'packages/core/src/catalogue/catalogue.generated.ts',
      `${banner}import type { CatalogueData } from './types.js';\n\nexport const catalogueData: CatalogueData = ${JSON.stringify(data, null, 2)};\n`,
    ],
    ['rules/nvcf-keys.schema.json', `${JSON.stringify(buildManifestSchema(catalogue), null, 2)}\n`],
    ['packages/manifest/src/manifest-validator.generated.ts', renderManifestValidator(catalogue)],
    ['rules/nvcf-keylint.config.schema.json', `${JSON.stringify(buildConfigSchema(rules, catalogue), null, 2)}\n`],
    // The published package's copies, for editors: node_modules/nvcf-keylint/schema/...
    ['packages/cli/schema/nvcf-keys.schema.json', `${JSON.stringify(buildManifestSchema(catalogue), null, 2)}\n`],
    ['packages/cli/schema/nvcf-keylint.config.schema.json', `${JSON.stringify(buildConfigSchema(rules, catalogue), null, 2)}\n`],
  ]);
}
