import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../src/index.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A file beside the fixture manifest: the rules find it as the nearest nvcf-keys.yaml. */
export const FILE = fileURLToPath(new URL('./fixtures/keys/src/client.ts', import.meta.url));
export const JS_FILE = fileURLToPath(new URL('./fixtures/keys/src/client.js', import.meta.url));
/** A file no manifest is above (the repository has none at its root). */
export const NO_MANIFEST_FILE = fileURLToPath(new URL('./fixtures/no-manifest/src/client.ts', import.meta.url));
export const MANIFEST = fileURLToPath(new URL('./fixtures/keys/nvcf-keys.yaml', import.meta.url));

export const ruleTester = new RuleTester({
  languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
});

export function rule(id: string) {
  const found = plugin.rules?.[id];
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

export const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const VERSION = '0b2ff2ad-7ac4-4d2e-8f3a-4b0d6e1c2f11';
