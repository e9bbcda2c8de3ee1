/**
 * As an editor runs it: one long-lived ESLint instance, `lintText` on a buffer, and a manifest on
 * disk that changes between calls.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-editor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = join(dir, 'nvcf-keys.yaml');
const writeManifest = (scopes: string, when: number) => {
  writeFileSync(manifest, `version: 1\nkeys:\n  ci-deployer:\n    env: [NGC_CLI_API_KEY]\n    scopes: [${scopes}]\n    resource:\n      type: All Functions\n`);
  // Distinct modification times, as successive saves have.
  utimesSync(manifest, when, when);
};

const code = `import { execSync } from 'node:child_process';
export function deploy(target: string) {
  execSync(\`ngc cf function deploy create --deployment-specification gpu:L40S_1x \${target}\`);
}
`;

const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, ...plugin.configs.recommended }],
});

const lintBuffer = async () => {
  const [result] = await eslint.lintText(code, { filePath: join(dir, 'src', 'deploy.ts') });
  return result?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`) ?? [];
};

describe('in an editor', () => {
  it('reports against the manifest as it is on disk', async () => {
    writeManifest('Deploy Function', 1_700_000_000);
    expect(await lintBuffer()).toEqual([
      "3:3 nvcf-keylint/missing-scope Key 'ci-deployer' lacks the List Functions scope, which deploy-function requires.",
    ]);
  });

  it('sees the manifest change without restarting', async () => {
    writeManifest('Deploy Function, List Functions', 1_700_000_100);
    expect(await lintBuffer()).toEqual([]);
  });

  it('gives one clear diagnostic when the manifest breaks, and recovers', async () => {
    writeFileSync(manifest, 'version: 1\nkeys:\n  ci-deployer: [\n');
    utimesSync(manifest, 1_700_000_200, 1_700_000_200);
    const messages = await lintBuffer();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^3:3 nvcf-keylint\/unknown-key The key manifest .*nvcf-keys\.yaml cannot be read \(Parsing error: /);
    writeManifest('Deploy Function', 1_700_000_300);
    expect(await lintBuffer()).toHaveLength(1);
  });
});
