import { findKeyMaterial, findSuppressionDirectives, loadCatalogue, type Catalogue, type ManifestFacts } from '@nvcf-keylint/core';
import { decodeManifestBytes } from './decode.js';
import { extractKeys } from './extract.js';
import { parseManifestText } from './parse.js';
import { Positions } from './positions.js';
import { validateManifest } from './validate.js';

export interface ReadManifestOptions {
  catalogue?: Catalogue;
}

/** `.json` manifests are JSON; everything else is YAML. */
export function manifestFormat(file: string): 'yaml' | 'json' {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/** A manifest's bytes in, its facts out. Never throws on bad input: it describes it. */
export function readManifest(file: string, bytes: Uint8Array, options: ReadManifestOptions = {}): ManifestFacts {
  const decoded = decodeManifestBytes(bytes);
  if (!decoded.ok) {
    return { file, keys: [], fatal: { message: decoded.message, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }, schemaProblems: [], secrets: [] };
  }
  return readManifestText(file, decoded.text, options);
}

export function readManifestText(file: string, text: string, options: ReadManifestOptions = {}): ManifestFacts {
  const positions = new Positions(text);
  // Key material is found in the raw text, comments included, even when the file does not parse.
  const secrets = findKeyMaterial(text).map(({ start, end }) => positions.range(start, end));
  const parsed = parseManifestText(text, manifestFormat(file), positions);
  const suppressions = manifestFormat(file) === 'yaml' ? findSuppressionDirectives(file, text) : [];
  if (!parsed.ok) return { file, keys: [], fatal: parsed.fatal, schemaProblems: [], secrets, suppressions };
  const catalogue = options.catalogue ?? loadCatalogue();
  return {
    file,
    keys: extractKeys(parsed.document, file, positions, catalogue),
    fatal: null,
    schemaProblems: validateManifest(parsed.data, parsed.document, positions, catalogue),
    secrets,
    suppressions,
  };
}
