/**
 * Derived files and how to make them. `pnpm generate` writes them; a test fails when the checked-in
 * copies differ, so the catalogue and what is derived from it cannot drift.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { Catalogue } from '../packages/core/src/catalogue/catalogue.js';
import type { CatalogueData } from '../packages/core/src/catalogue/types.js';
import { buildManifestSchema } from '../packages/manifest/src/schema.js';

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
  ]);
}
