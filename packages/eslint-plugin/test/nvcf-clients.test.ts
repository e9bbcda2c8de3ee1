/**
 * Code shaped like real NVCF clients (invoke and poll, a release script driving the ngc CLI, an
 * axios client sharing a function, an SDK declared as wrappers): what nvcf-keylint finds in it is
 * pinned in findings.snap.txt beside the fixtures (regenerate with `pnpm test -- -u` and review).
 */
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../src/index.js';

const project = fileURLToPath(new URL('./fixtures/nvcf-clients/', import.meta.url));

it('finds what the keys of the fixture project cannot do', async () => {
  const eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,mjs}'],
        languageOptions: { parser: tsParser as never },
        ...plugin.configs.recommended,
        settings: {
          nvcf: {
            wrappers: {
              'client.functions.list': 'list-functions',
              'client.functionDeployment.functions.versions.retrieve': { action: 'deploy-function', functionId: 0, versionId: 1 },
            },
          },
        },
      },
    ],
  });
  const results = await eslint.lintFiles(['src', 'scripts']);
  const formatter = await eslint.loadFormatter('stylish');
  const text = (await formatter.format(results)).replaceAll(project, '<project>/');
  await expect(text).toMatchFileSnapshot('./fixtures/nvcf-clients/findings.snap.txt');
});
