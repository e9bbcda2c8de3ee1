/**
 * A reusable GitHub workflow judged with the secret each caller in the repository passes it,
 * whether the whole repository is linted or only the reusable workflow.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runCli, STACK_TRACE } from './support/cli.js';

const MANIFEST = [
  'version: 1',
  'keys:',
  '  deployer:',
  '    env: [DEPLOY_KEY]',
  '    scopes: [Deploy Function, List Functions]',
  '    resource: { type: All Functions }',
  '  invoker:',
  '    env: [INVOKE_KEY]',
  '    scopes: [Invoke Function]',
  '    resource: { type: All Functions }',
  '',
].join('\n');
const REUSABLE = [
  'on:',
  '  workflow_call:',
  '    secrets:',
  '      NGC_KEY: { required: true }',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: ngc cf function deploy create fn-1:v1',
  '        env:',
  '          NGC_CLI_API_KEY: ${{ secrets.NGC_KEY }}',
  '',
].join('\n');
const caller = (secret: string) => ['on: push', 'jobs:', '  release:', '    uses: ./.github/workflows/deploy.yml', '    secrets:', `      NGC_KEY: \${{ secrets.${secret} }}`, ''].join('\n');

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function ciMessages(dir: string, args: string[]): Promise<string[]> {
  const run = await runCli(['--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(STACK_TRACE);
  return (JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>)
    .filter((r) => !r.filePath.endsWith('nvcf-keys.yaml'))
    .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)} ${m.ruleId}: ${m.message}`));
}

describe('reusable GitHub workflows', () => {
  it('are judged with the secret each caller passes', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': MANIFEST, '.github/workflows/deploy.yml': REUSABLE, '.github/workflows/release.yml': caller('INVOKE_KEY') });
    cleanup = project.cleanup;
    const expected = [".github/workflows/deploy.yml missing-scope: Key 'invoker' lacks the Deploy Function and List Functions scopes, which deploy-function requires."];
    expect(await ciMessages(project.dir, [])).toEqual(expected);
    // Only the reusable workflow named: its callers are still read.
    expect(await ciMessages(project.dir, ['.github/workflows/deploy.yml', 'nvcf-keys.yaml'])).toEqual(expected);
    // A caller that passes the right key: clean; the cache notices the caller changed.
    expect(await ciMessages(project.dir, ['--cache'])).toEqual(expected);
    writeFileSync(join(project.dir, '.github/workflows/release.yml'), caller('DEPLOY_KEY'));
    expect(await ciMessages(project.dir, ['--cache'])).toEqual([]);
  });
});
