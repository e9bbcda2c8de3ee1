/**
 * No false positives: ordinary code (fetch, axios, got, ky, undici, http, child_process, execa,
 * zx), including NVCF-adjacent code that is not an NVCF call (NGC registry, NIM endpoints, mocks,
 * logged URLs, a local function named fetch), must yield no finding at all.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const corpus = fileURLToPath(new URL('./fixtures/clean-corpus/', import.meta.url));
const files = readdirSync(corpus).filter((f) => /\.(m|c)?(j|t)sx?$/.test(f));

describe('the clean corpus', () => {
  it('has at least 50 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it('yields zero findings and parses everywhere', async () => {
    const eslint = new ESLint({
      cwd: corpus,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx}'],
          languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
          ...plugin.configs.recommended,
        },
      ],
    });
    const results = await eslint.lintFiles(files);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(problems).toEqual([]);
    expect(results).toHaveLength(files.length);
  });
});
