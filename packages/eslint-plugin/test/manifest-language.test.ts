/**
 * `eslint` itself lints key manifests through the plugin's manifest language, with the same rule
 * ids, messages and positions as the nvcf-keylint CLI.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lint } from '@nvcf-keylint/core';
import { readManifestText } from '@nvcf-keylint/manifest';
import plugin from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/broken-keys/', import.meta.url));

const eslint = (cwd: string) => new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.manifests as never] });

describe('the manifest language', () => {
  it('reports what the engine reports for a manifest, at the same places', async () => {
    const [result] = await eslint(example).lintFiles(['nvcf-keys.yaml']);
    const file = `${example}nvcf-keys.yaml`;
    const expected = lint({ manifests: [readManifestText(file, readFileSync(file, 'utf8'))], usages: [], secrets: [] })
      .filter((f) => f.ruleId !== null && f.ruleId !== 'duplicate-credential')
      .map((f) => [`nvcf-keylint/${f.ruleId}`, f.location.line, f.location.column, f.message]);
    const actual = result?.messages.filter((m) => m.ruleId !== 'nvcf-keylint/duplicate-credential').map((m) => [m.ruleId, m.line, m.column, m.message]);
    expect(actual).toEqual(expected);
    expect(result?.messages.map((m) => m.ruleId)).toContain('nvcf-keylint/duplicate-credential');
  });

  it('reports a manifest that cannot be read as a parsing error', async () => {
    const [result] = await eslint(example).lintText('version: 1\nkeys: [\n', { filePath: `${example}x.nvcf-keys.yaml` });
    expect(result?.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, line: 3, message: expect.stringMatching(/^Parsing error: /) })]);
  });

  it('honours suppression comments', async () => {
    const text = 'version: 1\nkeys:\n  r:\n    # nvcf-keylint-disable-next-line unsupported-resource-type -- moving to All Entity\n    scopes: [GPU Capacity]\n    resource: { type: All Functions }\n';
    const [result] = await eslint(example).lintText(text, { filePath: `${example}y.nvcf-keys.yaml` });
    expect(result?.messages).toEqual([]);
  });

  it('applies only to manifests', () => {
    expect(plugin.configs.manifests?.files).toEqual(['**/nvcf-keys.{yaml,yml,json}', '**/*.nvcf-keys.{yaml,yml,json}']);
  });
});
