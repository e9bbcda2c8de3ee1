/**
 * bundle/ (what the pre-commit hook and the GitHub Action run) is built from the current sources:
 * rebuilt here and compared file by file. Run `pnpm bundle` after changing the code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { bundle } from '../scripts/bundle.mjs';
import { ROOT } from './support/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

it('bundle/ is up to date with the sources (run `pnpm bundle`)', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'nvcf-keylint-bundle-'));
  try {
    await bundle(fresh);
    const committed = join(ROOT, 'bundle');
    expect(files(committed)).toEqual(files(fresh));
    for (const file of files(fresh)) {
      expect(readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))), relative(ROOT, join(committed, file))).toBe(true);
    }
    expect(statSync(join(committed, 'nvcf-keylint.mjs')).mode & 0o111).not.toBe(0);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}, 120_000);
