import { loadCatalogue } from '@nvcf-keylint/core';
import { describe, expect, it } from 'vitest';
import { configKind, githubWorkflowCalls, gitlabLocalIncludes, scanConfigFile, scanGithubActions, scanGitlabCi } from '../src/index.js';

const catalogue = loadCatalogue();
const scan = (file: string, text: string) => {
  const kind = configKind(file, text.split('\n')[0]);
  if (!kind) throw new Error(`not a config file: ${file}`);
  return scanConfigFile(file, new TextEncoder().encode(text), kind, catalogue);
};
const brief = (file: string, text: string) => scan(file, text).usages.map((u) => [u.action, u.credentials, `${u.range.line}:${u.range.column}`]);

describe('configKind', () => {
  it.each([
    ['.github/workflows/deploy.yml', 'github-actions'],
    ['repo/.github/workflows/ci.yaml', 'github-actions'],
    ['.github/actions/x/action.yml', 'github-actions'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['ci/deploy.gitlab-ci.yml', 'gitlab-ci'],
    ['.gitlab/ci/deploy.yml', 'gitlab-ci'],
    ['services/api/.gitlab/ci/jobs/test.yaml', 'gitlab-ci'],
    ['scripts/a.sh', 'shell'],
    ['a.bash', 'shell'],
    ['Makefile', 'makefile'],
    ['build/rules.mk', 'makefile'],
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.gpu', 'dockerfile'],
    ['gpu.Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
  ])('%s is %s', (file, kind) => {
    expect(configKind(file)).toBe(kind);
  });

  it('tells extensionless scripts by their shebang', () => {
    expect(configKind('bin/deploy', '#!/usr/bin/env bash')).toBe('shell');
    expect(configKind('bin/deploy', '#!/bin/sh -e')).toBe('shell');
    expect(configKind('bin/deploy', '#!/usr/bin/env python3')).toBeUndefined();
    expect(configKind('LICENSE', 'Apache License')).toBeUndefined();
    expect(configKind('values.yml')).toBeUndefined();
    expect(configKind('.gitlab/issue_templates/bug.yml')).toBeUndefined();
  });
});

describe('GitHub Actions', () => {
  it('layers env from workflow, job and step, with secrets, vars and env expressions', () => {
    const workflow = [
      'env:',
      '  BASE_KEY: ${{ secrets.PLATFORM }}',
      'jobs:',
      '  a:',
      '    env:',
      '      NGC_CLI_API_KEY: ${{ env.BASE_KEY }}',
      '    steps:',
      '      - run: ngc cf gpu ls',
      '      - env:',
      '          NGC_CLI_API_KEY: ${{ vars.OTHER }}',
      '        run: ngc cf gpu ls',
      `      - run: 'curl -H "Authorization: Bearer \${{ secrets.INVOKE }}" https://api.nvcf.nvidia.com/v2/nvcf/pexec/status/x'`,
      '      - shell: pwsh',
      '        run: ngc cf gpu ls',
      '',
    ].join('\n');
    expect(brief('.github/workflows/w.yml', workflow)).toEqual([
      ['read-gpu-capacity', ['PLATFORM', 'BASE_KEY', 'NGC_CLI_API_KEY'], '8:14'],
      ['read-gpu-capacity', ['OTHER', 'NGC_CLI_API_KEY'], '11:14'],
      ['invoke-function', ['INVOKE'], '12:15'],
    ]);
  });

  it('reads a literal matrix once per combination, include entries too', () => {
    const F1 = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    const F2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const file = [
      'jobs:',
      '  deploy:',
      '    strategy:',
      '      matrix:',
      `        function: [${F1}, ${F2}]`,
      '        gpu: [L40S]',
      '        include:',
      `          - function: ${F1}`,
      '            version: v1',
      `          - function: ${F2}`,
      '            version: v2',
      '          - function: not-a-dimension-value',
      '            gpu: H100',
      '            version: v9',
      '    env:',
      '      NGC_CLI_API_KEY: ${{ secrets.DEPLOY_KEY }}',
      '      FUNCTION_ID: ${{ matrix.function }}',
      '    steps:',
      '      - run: ngc cf function deploy create --deployment-specification GFN:${{ matrix.gpu }}:x:1:1 "$FUNCTION_ID:${{ matrix.version }}"',
      '      - run: echo ${{ matrix.gpu }} && ngc cf function list',
      '',
    ].join('\n');
    expect(scan('.github/workflows/deploy.yml', file).usages.map((u) => [u.action, u.credentials, u.target, `${u.range.line}:${u.range.column}`])).toEqual([
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: F1, versionId: 'v1' }, '19:14'],
      ['list-functions', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], undefined, '20:40'],
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: F2, versionId: 'v2' }, '19:14'],
      // An entry that matches no combination is one of its own.
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: 'not-a-dimension-value', versionId: 'v9' }, '19:14'],
    ]);
  });

  it('leaves a matrix it cannot read unknown', () => {
    const file = ['jobs:', '  j:', '    strategy:', '      matrix:', '        function: ${{ fromJSON(needs.plan.outputs.functions) }}', '    steps:', '      - run: ngc cf function info ${{ matrix.function }}:v1', ''].join('\n');
    expect(scan('.github/workflows/x.yml', file).usages.map((u) => [u.action, u.target])).toEqual([['get-function', undefined]]);
  });

  it('carries variables a step writes to $GITHUB_ENV into the steps after it', () => {
    const file = [
      'env:',
      '  NGC_API_KEY: ${{ secrets.WORKFLOW_KEY }}',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: ngc cf function list',
      '      - run: |',
      '          echo "NGC_CLI_API_KEY=${{ secrets.DEPLOY_KEY }}" >> "$GITHUB_ENV"',
      '          echo FUNCTION_ID=fn-1 >> $GITHUB_ENV',
      '          echo "NGC_API_KEY=${{ secrets.IGNORED }}" >> $GITHUB_ENV',
      '          ngc cf gpu ls',
      '      - run: |',
      '          ngc cf function deploy create "$FUNCTION_ID:v1"',
      '          curl -H "Authorization: Bearer $NGC_API_KEY" https://api.nvcf.nvidia.com/v2/nvcf/telemetries',
      '      - run: echo "$SETTINGS" | tee -a "$GITHUB_ENV"',
      '      - run: ngc cf cluster ls',
      '      - run: ngc cf cluster ls',
      '        env:',
      '          NGC_CLI_API_KEY: ${{ secrets.PLATFORM_KEY }}',
      '',
    ].join('\n');
    expect(scan('.github/workflows/deploy.yml', file).usages.map((u) => [u.action, u.credentials, u.target, `${u.range.line}`])).toEqual([
      ['list-functions', ['NGC_CLI_API_KEY', 'WORKFLOW_KEY', 'NGC_API_KEY'], undefined, '7'],
      // the step that writes the file does not see its own writes
      ['read-gpu-capacity', ['NGC_CLI_API_KEY', 'WORKFLOW_KEY', 'NGC_API_KEY'], undefined, '12'],
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: 'fn-1', versionId: 'v1' }, '14'],
      // set both by the workflow's env: and by $GITHUB_ENV: which wins is not documented
      ['manage-telemetry-endpoints', [], undefined, '15'],
      // after a write that cannot be read, only a step's own env: is known
      ['list-clusters', [], undefined, '17'],
      ['list-clusters', ['PLATFORM_KEY', 'NGC_CLI_API_KEY'], undefined, '18'],
    ]);
  });

  it('reads a reusable workflow once per call from this repository, with its secrets and inputs', () => {
    const called = [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      function_id: { type: string, required: true }',
      '    secrets:',
      '      NGC_KEY: { required: true }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      NGC_CLI_API_KEY: ${{ secrets.NGC_KEY }}',
      '    steps:',
      '      - run: ngc cf function deploy create "${{ inputs.function_id }}:v1"',
      '',
    ].join('\n');
    const caller = [
      'on: push',
      'jobs:',
      '  staging:',
      '    uses: ./.github/workflows/deploy.yml',
      '    with:',
      '      function_id: fn-staging',
      '    secrets:',
      '      NGC_KEY: ${{ secrets.STAGING_DEPLOY }}',
      '  production:',
      '    uses: ./.github/workflows/deploy.yml',
      '    with: { function_id: "${{ vars.PROD_FUNCTION }}" }',
      '    secrets: inherit',
      '  other:',
      '    uses: ./.github/workflows/other.yml',
      '  no-secrets:',
      '    uses: ./.github/workflows/deploy.yml',
      '    with: { function_id: fn-x }',
      '',
    ].join('\n');
    const calls = githubWorkflowCalls('.github/workflows/release.yml', caller, '.github/workflows/deploy.yml');
    expect(calls).toHaveLength(3);
    const facts = scanGithubActions('.github/workflows/deploy.yml', called, catalogue, calls);
    expect(facts.usages.map((u) => [u.action, u.credentials, u.target])).toEqual([
      ['deploy-function', ['STAGING_DEPLOY', 'NGC_KEY', 'NGC_CLI_API_KEY'], { functionId: 'fn-staging', versionId: 'v1' }],
      ['deploy-function', ['NGC_KEY', 'NGC_CLI_API_KEY'], undefined],
      // a call that passes no secrets: the secret is empty
      ['deploy-function', [], { functionId: 'fn-x', versionId: 'v1' }],
    ]);
    // Without its callers (called from another repository), as before: the secret by its own name.
    expect(scanGithubActions('.github/workflows/deploy.yml', called, catalogue).usages.map((u) => u.credentials)).toEqual([['NGC_KEY', 'NGC_CLI_API_KEY']]);
  });

  it('reads a composite action once per step of this repository that uses it, with its inputs', () => {
    const action = [
      'inputs:',
      '  ngc-api-key: { required: true }',
      '  function-id: { required: true }',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - shell: bash',
      '      env:',
      '        NGC_CLI_API_KEY: ${{ inputs.ngc-api-key }}',
      '      run: ngc cf function deploy create "${{ inputs.function-id }}:v1"',
      '',
    ].join('\n');
    const workflow = [
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: ./.github/actions/deploy',
      '        with:',
      '          ngc-api-key: ${{ secrets.DEPLOY_KEY }}',
      '          function-id: fn-1',
      '      - uses: ./.github/actions/deploy/',
      '        with: { ngc-api-key: "${{ steps.key.outputs.value }}" }',
      '',
    ].join('\n');
    const calls = githubWorkflowCalls('.github/workflows/deploy.yml', workflow, '.github/actions/deploy');
    expect(calls).toHaveLength(2);
    const facts = scanGithubActions('.github/actions/deploy/action.yml', action, catalogue, calls);
    expect(facts.usages.map((u) => [u.action, u.credentials, u.target])).toEqual([
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: 'fn-1', versionId: 'v1' }],
      ['deploy-function', [], undefined],
    ]);
    // Without its callers: the input's key cannot be known.
    expect(scanGithubActions('.github/actions/deploy/action.yml', action, catalogue).usages.map((u) => u.credentials)).toEqual([[]]);
  });

  it('scans composite actions', () => {
    expect(brief('action.yml', 'runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n        ngc cf cluster ls\n')).toEqual([
      ['list-clusters', ['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY'], '6:9'],
    ]);
  });
});

describe('GitLab CI', () => {
  it('runs before_script, script and after_script in one shell with variables', () => {
    const file = [
      'variables:',
      '  NGC_CLI_API_KEY: $NGC_DEPLOY',
      'default:',
      '  before_script:',
      '    - export EXTRA=1',
      'job:',
      '  variables:',
      '    FUNCTION_ID: fn-7',
      '  script:',
      '    - |',
      '      ngc cf function deploy remove \\',
      '        $FUNCTION_ID:v1',
      '',
    ].join('\n');
    expect(scan('.gitlab-ci.yml', file).usages.map((u) => [u.action, u.credentials, u.target, `${u.range.line}:${u.range.column}`])).toEqual([
      ['deploy-function', ['NGC_DEPLOY', 'NGC_CLI_API_KEY'], { functionId: 'fn-7', versionId: 'v1' }, '11:7'],
    ]);
  });
});

describe('URLs and headers kept in variables', () => {
  const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  it('a GitHub env value with an expression in it is read around the expression', () => {
    const file = [
      'jobs:',
      '  smoke:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      STATUS_URL: https://api.nvcf.nvidia.com/v2/nvcf/pexec/status/${{ needs.invoke.outputs.req }}',
      `      QUEUE_URL: https://api.nvcf.nvidia.com/v2/nvcf/queues/functions/${FN}`,
      '    steps:',
      '      - run: |',
      '          curl "$STATUS_URL" -H "Authorization: Bearer $TOKEN" && curl "$QUEUE_URL" -H "Authorization: Bearer $TOKEN"',
      '        env:',
      '          TOKEN: ${{ secrets.NVCF_INVOKE }}',
      '',
    ].join('\n');
    expect(scan('.github/workflows/smoke.yml', file).usages.map((u) => [u.action, u.credentials, u.target])).toEqual([
      ['invoke-function', ['NVCF_INVOKE', 'TOKEN'], undefined],
      ['get-queue-details', ['NVCF_INVOKE', 'TOKEN'], { functionId: FN }],
    ]);
  });

  it('a GitLab variable built from another is expanded as GitLab does', () => {
    const file = [
      'variables:',
      `  FUNCTION_ID: ${FN}`,
      '  NVCF: https://api.nvcf.nvidia.com/v2/nvcf',
      'invoke:',
      '  variables:',
      '    INVOKE_URL: ${NVCF}/pexec/functions/$FUNCTION_ID',
      '  script:',
      `    - 'curl -X POST "$INVOKE_URL" -H "Authorization: Bearer $NVCF_INVOKE" -d @body.json'`,
      '',
    ].join('\n');
    expect(scan('.gitlab-ci.yml', file).usages.map((u) => [u.action, u.credentials, u.target])).toEqual([
      ['invoke-function', ['NVCF_INVOKE'], { functionId: FN }],
    ]);
  });

  it('a Dockerfile ENV built from an ARG without a default keeps the rest of the URL', () => {
    const file = [
      'FROM curlimages/curl',
      'ARG FUNCTION_ID',
      'ARG NVCF_KEY',
      'ENV URL=https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FUNCTION_ID}',
      'RUN curl -X POST "$URL" -H "Authorization: Bearer $NVCF_KEY"',
      '',
    ].join('\n');
    expect(scan('Dockerfile', file).usages.map((u) => [u.action, u.credentials, u.target])).toEqual([['invoke-function', ['NVCF_KEY'], undefined]]);
  });
});

describe('GitLab CI variables referring to each other', () => {
  it('expand once all are known: order does not matter, a cycle is unknown, a name refers to the level below', () => {
    const file = [
      'variables:',
      '  NGC_CLI_API_KEY: $TEAM_KEY',
      '  TEAM_KEY: $DEPLOY_KEY',
      '  A: $B',
      '  B: $A',
      'deploy:',
      '  variables:',
      '    NGC_CLI_API_KEY: $NGC_CLI_API_KEY',
      '  script:',
      '    - ngc cf function list',
      'cycle:',
      '  variables:',
      '    NGC_CLI_API_KEY: $A',
      '  script:',
      '    - ngc cf gpu ls',
      '',
    ].join('\n');
    expect(scan('.gitlab-ci.yml', file).usages.map((u) => [u.action, u.credentials])).toEqual([
      ['list-functions', ['DEPLOY_KEY', 'TEAM_KEY', 'NGC_CLI_API_KEY']],
      ['read-gpu-capacity', []],
    ]);
  });

  it("are merged by name over a pipeline's files, the main file's winning", () => {
    const included = ['variables:', '  NGC_CLI_API_KEY: $INCLUDED_KEY', '  FUNCTION_ID: fn-included', 'deploy:', '  script:', '    - ngc cf function info $FUNCTION_ID:v1', ''].join('\n');
    const main = ['include: ci/deploy.yml', 'variables:', '  NGC_CLI_API_KEY: $MAIN_KEY', ''].join('\n');
    const pipeline = [{ file: 'ci/deploy.yml', text: included }, { file: '.gitlab-ci.yml', text: main }];
    const facts = scanGitlabCi('ci/deploy.yml', included, catalogue, pipeline);
    expect(facts.usages.map((u) => [u.action, u.credentials, u.target])).toEqual([['get-function', ['MAIN_KEY', 'NGC_CLI_API_KEY'], { functionId: 'fn-included', versionId: 'v1' }]]);
    expect(gitlabLocalIncludes('.gitlab-ci.yml', 'include:\n  - local: /a.yml\n  - b.yml\n  - remote: https://x/y.yml\n  - https://x/z.yml\n  - project: g/p\n    file: c.yml\n')).toEqual(['/a.yml', 'b.yml']);
    expect(gitlabLocalIncludes('.gitlab-ci.yml', 'include: { local: c.yml }')).toEqual(['c.yml']);
    expect(gitlabLocalIncludes('.gitlab-ci.yml', ': not yaml [')).toEqual([]);
  });
});

describe('GitLab CI jobs as GitLab assembles them', () => {
  const jobs = (text: string) => scan('.gitlab-ci.yml', text).usages.map((u) => [u.action, u.credentials, `${u.range.line}:${u.range.column}`]);

  it('reads extends (later entries win), !reference and merge keys; hidden jobs only through their users', () => {
    const file = [
      'variables:',
      '  NGC_CLI_API_KEY: $DEPLOY_KEY',
      '.list:',
      '  script:',
      '    - ngc cf function list',
      '.invoker:',
      '  variables:',
      '    NGC_CLI_API_KEY: $INVOKE_KEY',
      '.quota: &quota',
      '  variables:',
      '    NGC_CLI_API_KEY: $PLATFORM_KEY',
      '  script:',
      '    - ngc cf gpu quota',
      'deploy:',
      '  script:',
      '    - !reference [.list, script]',
      '    - ngc cf function deploy remove fn:v1',
      'list-as-invoker:',
      '  extends: [.list, .invoker]',
      'quota:',
      '  <<: *quota',
      '',
    ].join('\n');
    expect(jobs(file)).toEqual([
      ['list-functions', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '5:7'],
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '17:7'],
      ['list-functions', ['INVOKE_KEY', 'NGC_CLI_API_KEY'], '5:7'],
      ['read-gpu-quota', ['PLATFORM_KEY', 'NGC_CLI_API_KEY'], '13:7'],
    ]);
  });

  it('reports a template command once when several jobs run it with the same key', () => {
    const file = ['.list:', '  script:', '    - ngc cf function list', 'a:', '  extends: .list', 'b:', '  extends: .list', ''].join('\n');
    expect(jobs(file)).toEqual([['list-functions', ['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY'], '3:7']]);
  });

  it('leaves the key unknown when a job extends a template from another file', () => {
    const file = ['variables:', '  NGC_CLI_API_KEY: $DEPLOY_KEY', 'deploy:', '  extends: .from-an-include', '  script:', '    - ngc cf function list', ''].join('\n');
    expect(jobs(file)).toEqual([['list-functions', [], '6:7']]);
  });

  it('reads a bounded number of layers when extends lists fan out', () => {
    const lines = ['.t0:', '  script:', '    - ngc cf gpu ls'];
    // Ten levels of ten: 10^10 paths without a bound (the test would time out).
    for (let level = 1; level <= 10; level++) lines.push(`.t${level}:`, `  extends: [${Array.from({ length: 10 }, () => `.t${level - 1}`).join(', ')}]`);
    lines.push('job:', '  extends: .t10', '');
    expect(jobs(lines.join('\n'))).toEqual([['read-gpu-capacity', [], '3:7']]);
  });

  it('runs a parallel matrix once per combination, its values as variables', () => {
    const file = [
      'variables:',
      '  NGC_CLI_API_KEY: $DEPLOY_KEY',
      'deploy:',
      '  parallel:',
      '    matrix:',
      '      - FUNCTION_ID: [fn-a, fn-b]',
      '        VERSION_ID: v1',
      '      - FUNCTION_ID: fn-c',
      '        VERSION_ID: v7',
      '  script:',
      '    - ngc cf function deploy create --deployment-specification x:y:z:1:1 $FUNCTION_ID:$VERSION_ID',
      '    - ngc cf function list',
      '',
    ].join('\n');
    expect(scan('.gitlab-ci.yml', file).usages.map((u) => [u.action, u.target, `${u.range.line}:${u.range.column}`])).toEqual([
      ['deploy-function', { functionId: 'fn-a', versionId: 'v1' }, '11:7'],
      ['list-functions', undefined, '12:7'],
      ['deploy-function', { functionId: 'fn-b', versionId: 'v1' }, '11:7'],
      ['deploy-function', { functionId: 'fn-c', versionId: 'v7' }, '11:7'],
    ]);
    // A value that refers to another variable is not known text.
    expect(jobs(file.replace('fn-c', '$OTHER'))).toEqual([['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '11:7'], ['list-functions', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '12:7']]);
  });

  it('expands a bounded number of script items when references fan out', () => {
    // A hundred references to the list holding them: 100^4 items within the depth bound.
    const file = ['.a:', '  script:', ...Array.from({ length: 100 }, () => '    - !reference [.a, script]'), '    - ngc cf gpu ls', 'job:', '  script:', '    - !reference [.a, script]', ''].join('\n');
    expect(jobs(file)).toEqual([['read-gpu-capacity', ['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY'], '103:7']]);
  });

  it('survives extends cycles and references to nothing', () => {
    const file = ['.a:', '  extends: .b', '.b:', '  extends: .a', 'job:', '  extends: .a', '  script:', '    - !reference [.missing, script]', '    - ngc cf gpu ls', ''].join('\n');
    expect(jobs(file)).toEqual([['read-gpu-capacity', [], '9:7']]);
  });
});

describe('Makefiles', () => {
  it('expand make variables, undo $$, and follow continuation lines', () => {
    const makefile = [
      'export NGC_CLI_API_KEY := $(RELEASE_KEY)',
      'FN = fn-1',
      '',
      'deploy: build',
      '\t@ngc cf function deploy create \\',
      '\t\t$(FN):$$VERSION',
      '\tcurl -H "Authorization: Bearer $${TOKEN}" https://api.nvcf.nvidia.com/v2/nvcf/functions',
      '',
    ].join('\n');
    expect(scan('Makefile', makefile).usages.map((u) => [u.action, u.credentials, u.target, `${u.range.line}:${u.range.column}`])).toEqual([
      ['deploy-function', ['RELEASE_KEY', 'NGC_CLI_API_KEY'], undefined, '5:3'],
      ['list-functions', ['TOKEN'], undefined, '7:2'],
    ]);
  });

  it('see the last assignment wherever it is, and their own targets\' variables', () => {
    const makefile = [
      'export NGC_CLI_API_KEY ?= $(DEFAULT_KEY)',
      'list:',
      '\tngc cf function list',
      'deploy remove: export NGC_CLI_API_KEY = $(DEPLOY_KEY)',
      'deploy:',
      '\tngc cf function deploy create --deployment-specification a:b:c:1:1 $(FN):v1',
      'FN := fn-late',
      'export NGC_CLI_API_KEY = $(INVOKE_KEY)',
      'NGC_CLI_API_KEY ?= $(IGNORED_KEY)',
      '',
    ].join('\n');
    expect(scan('Makefile', makefile).usages.map((u) => [u.action, u.credentials, u.target, `${u.range.line}:${u.range.column}`])).toEqual([
      ['list-functions', ['INVOKE_KEY', 'NGC_CLI_API_KEY'], undefined, '3:2'],
      ['deploy-function', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], { functionId: 'fn-late', versionId: 'v1' }, '6:2'],
    ]);
  });

  it('leave a variable set inside a conditional unknown, until a plain assignment sets it again', () => {
    const makefile = [
      'ifeq ($(ENV),prod)',
      'export NGC_CLI_API_KEY := $(PROD_KEY)',
      'FN := fn-prod',
      'else',
      'export NGC_CLI_API_KEY := $(DEV_KEY)',
      'endif',
      'export NGC_CLI_API_KEY ?= $(FALLBACK_KEY)',
      'list:',
      '\tngc cf function info $(FN):v1',
      '',
    ].join('\n');
    expect(scan('Makefile', makefile).usages.map((u) => [u.action, u.credentials, u.target])).toEqual([['get-function', [], undefined]]);
    const settled = makefile.replace('export NGC_CLI_API_KEY ?=', 'export NGC_CLI_API_KEY =');
    expect(scan('Makefile', settled).usages.map((u) => [u.action, u.credentials])).toEqual([['get-function', ['FALLBACK_KEY', 'NGC_CLI_API_KEY']]]);
  });
  it('expand a variable that holds a command, as make does, before the shell reads the line', () => {
    const makefile = [
      'NGC := ngc --org acme',
      'IMAGE = nvcr.io/acme/ngc-cli:3.41',
      'NGC_IN_DOCKER = docker run --rm -e NGC_CLI_API_KEY $(IMAGE) ngc',
      'KEY := $(TELEMETRY_KEY)',
      'FLAGS += --format_type json',
      'telemetry: export NGC_CLI_API_KEY = $(KEY)',
      'telemetry:',
      '\t@$(NGC) cf telemetry-endpoint list $(FLAGS)',
      'deploy:',
      '\t$(NGC_IN_DOCKER) cf function deploy create fn-1:v1',
      '',
    ].join('\n');
    expect(scan('Makefile', makefile).usages.map((u) => [u.action, u.credentials, `${u.range.line}:${u.range.column}`])).toEqual([
      ['manage-telemetry-endpoints', ['TELEMETRY_KEY', 'KEY', 'NGC_CLI_API_KEY'], '8:3'],
      ['deploy-function', ['NGC_CLI_API_KEY'], '10:2'],
    ]);
  });

  it('bound the expansion of variables that refer to each other', () => {
    const names = Array.from({ length: 12 }, (_, i) => `V${i}`);
    const makefile = [
      ...names.map((name, i) => `${name} = ${i === names.length - 1 ? 'x' : `$(V${i + 1})`.repeat(40)}`),
      'SELF = $(SELF) $(SELF)',
      'all:',
      '\t$(V0) $(SELF) && ngc cf function list',
      '',
    ].join('\n');
    const facts = scan('Makefile', makefile);
    expect(facts.usages.map((u) => u.action)).toEqual(['list-functions']);
  });
});

describe('Dockerfiles', () => {
  it('read RUN in shell form, exec form and heredocs, with ARG, ENV and secret mounts', () => {
    const dockerfile = [
      'FROM alpine',
      'ARG DEPLOY_KEY',
      'ENV NGC_CLI_API_KEY=$DEPLOY_KEY',
      'RUN apk add curl && \\',
      '    ngc cf function list',
      'RUN --mount=type=secret,id=platform,env=NGC_CLI_API_KEY ["ngc", "cf", "gpu", "ls"]',
      'RUN <<SCRIPT',
      'ngc cf cluster ls',
      'SCRIPT',
      'FROM alpine',
      'RUN ngc cf gpu quota',
      '',
    ].join('\n');
    expect(brief('Dockerfile', dockerfile)).toEqual([
      ['list-functions', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '5:5'],
      ['read-gpu-capacity', ['platform', 'NGC_CLI_API_KEY'], '6:57'],
      ['list-clusters', ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], '8:1'],
      ['read-gpu-quota', [], '11:5'],
    ]);
  });

  it('read a secret mounted as a file through $(cat ...) and $(< ...)', () => {
    const dockerfile = [
      'FROM alpine',
      'RUN --mount=type=secret,id=nvcf_key \\',
      '    curl -X POST https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/fn-1 -H "Authorization: Bearer $(cat /run/secrets/nvcf_key)"',
      'RUN --mount=type=secret,id=ngc,target=/tmp/ngc.key NGC_CLI_API_KEY="$(< /tmp/ngc.key)" ngc cf function list',
      'RUN --mount=type=secret,id=ngc export NGC_CLI_API_KEY=$(cat /run/secrets/other) && ngc cf gpu ls',
      'RUN NGC_CLI_API_KEY=$(cat /run/secrets/ngc) ngc cf cluster ls',
      '',
    ].join('\n');
    expect(brief('Dockerfile', dockerfile)).toEqual([
      ['invoke-function', ['nvcf_key'], '3:5'],
      ['list-functions', ['ngc', 'NGC_CLI_API_KEY'], '4:88'],
      // A file no mount of this RUN provides, and a RUN without the mount: unknown.
      ['read-gpu-capacity', [], '5:84'],
      ['list-clusters', [], '6:45'],
    ]);
  });
});

describe('key material', () => {
  it('is found in every kind of file, comments included', () => {
    const key = 'nvapi-EXAMPLEfakeKEYdoNotUse0000000000000000';
    expect(scan('Dockerfile', `FROM x\n# ${key}\n`).secrets.map((s) => `${s.range.line}:${s.range.column}`)).toEqual(['2:3']);
    expect(scan('.gitlab-ci.yml', `variables:\n  K: ${key}\n`).secrets.map((s) => `${s.range.line}:${s.range.column}`)).toEqual(['2:6']);
  });
});
