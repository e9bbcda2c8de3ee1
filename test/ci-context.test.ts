/**
 * CI files whose keys come from other files: a GitLab pipeline split over files (`.gitlab-ci.yml`
 * sets the key, the jobs live in the files it includes) and a reusable GitHub workflow (each
 * caller passes its own secret). Each file is judged with that context, whether the whole
 * repository is linted or only the file itself (as a pre-commit hook does).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runCli, STACK_TRACE } from './support/cli.js';

const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const MANIFEST = [
  'version: 1',
  'keys:',
  '  deployer:',
  '    env: [DEPLOY_KEY]',
  '    scopes: [Deploy Function, List Functions]',
  '    resource:',
  '      type: All Functions',
  '  reader:',
  '    env: [NGC_CLI_API_KEY]',
  '    scopes: [List Functions]',
  '    resource:',
  '      type: All Functions',
  '  invoker:',
  '    env: [INVOKE_KEY]',
  '    scopes: [Invoke Function]',
  '    resource:',
  '      type: All Functions',
  '',
].join('\n');
const DEPLOY_JOB = ['deploy:', '  script:', `    - ngc cf function deploy create ${FN}:v1 --deployment-specification a:b:c:1:1`, ''].join('\n');

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

function project(files: Record<string, string>): string {
  const made = makeProject({ 'nvcf-keys.yaml': MANIFEST, ...files });
  mkdirSync(join(made.dir, '.git'));
  cleanup = made.cleanup;
  return made.dir;
}

/** What the CLI reports on the CI files (the manifest's own findings are not the point here). */
async function messages(dir: string, args: string[]): Promise<Array<{ file: string; ruleId: string; message: string }>> {
  const run = await runCli(['--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(STACK_TRACE);
  return (JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>).flatMap((r) =>
    r.messages.map((m) => ({ file: r.filePath.slice(dir.length + 1), ruleId: m.ruleId, message: m.message })),
  ).filter((m) => m.file !== 'nvcf-keys.yaml');
}

describe('GitLab pipelines split over files', () => {
  it("judges an included file's jobs with the main file's global variables", async () => {
    const dir = project({
      '.gitlab-ci.yml': ['include:', "  - local: '/.gitlab/ci/*.yml'", 'variables:', '  NGC_CLI_API_KEY: $DEPLOY_KEY', ''].join('\n'),
      '.gitlab/ci/deploy.yml': DEPLOY_JOB,
    });
    expect(await messages(dir, [])).toEqual([]);
    // Only the included file named, as a pre-commit hook does: the main file is still read.
    expect(await messages(dir, ['.gitlab/ci/deploy.yml', 'nvcf-keys.yaml'])).toEqual([]);
  });

  it("re-reads a cached included file when the main file's variables change", async () => {
    const dir = project({
      '.gitlab-ci.yml': ['include: .gitlab/ci/deploy.yml', 'variables:', '  NGC_CLI_API_KEY: $DEPLOY_KEY', ''].join('\n'),
      '.gitlab/ci/deploy.yml': DEPLOY_JOB,
    });
    expect(await messages(dir, ['--cache'])).toEqual([]);
    writeFileSync(join(dir, '.gitlab-ci.yml'), ['include: .gitlab/ci/deploy.yml', 'variables:', '  NGC_CLI_API_KEY: $NGC_CLI_API_KEY', ''].join('\n'));
    expect((await messages(dir, ['--cache'])).map((m) => `${m.file} ${m.ruleId}`)).toEqual(['.gitlab/ci/deploy.yml missing-scope']);
  });

  it('lets the main file win over an included file, and an included file set the rest', async () => {
    const dir = project({
      '.gitlab-ci.yml': ['include: ci/vars.yml', 'variables:', '  NGC_CLI_API_KEY: $NGC_CLI_API_KEY', DEPLOY_JOB].join('\n'),
      'ci/vars.yml': ['variables:', '  NGC_CLI_API_KEY: $DEPLOY_KEY', '  FUNCTION_ID: fn-from-include', ''].join('\n'),
    });
    const found = await messages(dir, ['.gitlab-ci.yml', 'nvcf-keys.yaml']);
    expect(found.map((m) => m.message)).toEqual([
      "Key 'reader' lacks the Deploy Function scope, which deploy-function requires.",
    ]);
  });

  it('reads a file no pipeline includes on its own', async () => {
    const dir = project({
      '.gitlab-ci.yml': ['variables:', '  NGC_CLI_API_KEY: $DEPLOY_KEY', ''].join('\n'),
      'templates/deploy.gitlab-ci.yml': DEPLOY_JOB,
    });
    const found = await messages(dir, ['templates/deploy.gitlab-ci.yml', 'nvcf-keys.yaml']);
    expect(found.map((m) => m.ruleId)).toEqual(['missing-scope']);
  });

  it('survives include cycles, missing files, remote includes and symbolic links', async () => {
    const dir = project({
      '.gitlab-ci.yml': [
        'include:',
        '  - local: .gitlab/ci/*.yml',
        '  - local: ci/missing.yml',
        '  - remote: https://example.com/ci.yml',
        '  - template: Security/SAST.gitlab-ci.yml',
        '  - local: ../outside.yml',
        'variables:',
        '  NGC_CLI_API_KEY: $DEPLOY_KEY',
        '',
      ].join('\n'),
      '.gitlab/ci/a.yml': ['include:', '  - local: /.gitlab-ci.yml', '  - local: .gitlab/ci/a.yml', DEPLOY_JOB].join('\n'),
      'elsewhere.yml': ['variables:', '  OTHER: x', ''].join('\n'),
    });
    symlinkSync(join(dir, 'elsewhere.yml'), join(dir, '.gitlab/ci/linked.yml'));
    expect(await messages(dir, ['.gitlab/ci/a.yml', 'nvcf-keys.yaml'])).toEqual([]);
    expect(await messages(dir, [])).toEqual([]);
  });
});

describe('reusable GitHub workflows', () => {
  it('are judged with the secret each caller passes', async () => {
    const dir = project({ '.github/workflows/deploy.yml': REUSABLE, '.github/workflows/release.yml': caller('INVOKE_KEY') });
    const expected = [{ file: '.github/workflows/deploy.yml', ruleId: 'missing-scope', message: "Key 'invoker' lacks the Deploy Function and List Functions scopes, which deploy-function requires." }];
    expect(await messages(dir, [])).toEqual(expected);
    // Only the reusable workflow named: its callers are still read.
    expect(await messages(dir, ['.github/workflows/deploy.yml', 'nvcf-keys.yaml'])).toEqual(expected);
    // A caller that passes the right key: clean; the cache notices the caller changed.
    expect(await messages(dir, ['--cache'])).toEqual(expected);
    writeFileSync(join(dir, '.github/workflows/release.yml'), caller('DEPLOY_KEY'));
    expect(await messages(dir, ['--cache'])).toEqual([]);
  });
});

describe('composite actions', () => {
  it('are judged with the inputs each step of the repository passes them', async () => {
    const action = [
      'inputs:',
      '  api-key: { required: true }',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - shell: bash',
      '      run: ngc cf function deploy create fn-1:v1',
      '      env:',
      '        NGC_CLI_API_KEY: ${{ inputs.api-key }}',
      '',
    ].join('\n');
    const workflow = (secret: string) => ['on: push', 'jobs:', '  release:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: ./.github/actions/deploy', '        with:', `          api-key: \${{ secrets.${secret} }}`, ''].join('\n');
    const dir = project({ '.github/actions/deploy/action.yml': action, '.github/workflows/release.yml': workflow('INVOKE_KEY') });
    const expected = [{ file: '.github/actions/deploy/action.yml', ruleId: 'missing-scope', message: "Key 'invoker' lacks the Deploy Function and List Functions scopes, which deploy-function requires." }];
    expect(await messages(dir, [])).toEqual(expected);
    expect(await messages(dir, ['.github/actions/deploy/action.yml', 'nvcf-keys.yaml'])).toEqual(expected);
    writeFileSync(join(dir, '.github/workflows/release.yml'), workflow('DEPLOY_KEY'));
    expect(await messages(dir, [])).toEqual([]);
  });
});
