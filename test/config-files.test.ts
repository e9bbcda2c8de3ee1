/**
 * CI files and scripts shaped like the public NVCF ones (GitHub deploy workflows, curl invoke
 * scripts, NIM creation scripts, GitLab, Makefile, Dockerfile, a composite action, an
 * extensionless script): what nvcf-keylint prints for them is pinned in findings.snap.txt.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

const project = join(ROOT, 'test/fixtures/ci-nvcf');

describe('CI files and scripts that use NVCF', () => {
  it('prints what the snapshot says', async () => {
    const run = await runCli([], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot('./fixtures/ci-nvcf/findings.snap.txt');
  });

  it('points at `ngc cf function deploy create` inside the run: | block, after the line continuations', async () => {
    const run = await runCli(['--format', 'json', '.github/workflows/deploy.yml'], { cwd: project });
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<Record<string, unknown>> }>;
    expect(result?.messages).toEqual([
      {
        ruleId: 'missing-scope',
        severity: 2,
        message: "Key 'ci-deployer' lacks the List Functions scope, which deploy-function requires.",
        messageId: 'missingScopes',
        line: 34,
        column: 11,
        endLine: 36,
        endColumn: 63,
        nodeType: null,
      },
    ]);
  });

  it('covers every rule that applies to CI files', async () => {
    const run = await runCli(['--format', 'json'], { cwd: project });
    const rules = new Set((JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>).filter((r) => !r.filePath.endsWith('nvcf-keys.yaml')).flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect([...rules].sort()).toEqual(['function-out-of-scope', 'hardcoded-key', 'missing-scope', 'undocumented-combination', 'unknown-key', 'unsupported-resource-type']);
  });

  it.each(['.github', '.github/workflows', '.github/workflows/'])('finds the workflows when the directory searched is %s', async (dir) => {
    const all = await runCli(['--format', 'json', '.github/workflows/deploy.yml'], { cwd: project });
    const run = await runCli(['--format', 'json', dir], { cwd: project });
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath.slice(project.length + 1));
    expect(files).toContain('.github/workflows/deploy.yml');
    expect(files).toContain('.github/workflows/smoke-test.yml');
    expect(files.every((f) => f.startsWith(dir.replace(/\/?$/, '/')))).toBe(true);
    expect(run.code).toBe(all.code);
  });

  it('finds the nearest manifest for a file named on the command line', async () => {
    const run = await runCli(['Makefile'], { cwd: project });
    expect(run.stdout).toMatch(/^Makefile\n\s+11:2\s+error\s+Key 'platform' lacks the Manage Telemetries scope/m);
    expect(run.stdout).not.toContain('nvcf-keys.yaml');
  });
});

describe('ordinary CI files and scripts', () => {
  it('give no finding at all (at least 30 of them)', async () => {
    const run = await runCli(['--format', 'json'], { cwd: join(ROOT, 'test/fixtures/ci-clean') });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ line: number; message: string }> }>;
    const scanned = results.filter((r) => !r.filePath.endsWith('nvcf-keys.yaml'));
    expect(scanned.length).toBeGreaterThanOrEqual(30);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`))).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('bad CI input is a diagnostic, never a crash', () => {
  const cases: Array<[string, string, string | Uint8Array, RegExp, number]> = [
    ['a workflow that is not YAML', '.github/workflows/broken.yml', 'jobs:\n  deploy:\n    steps: [\n', /^\s+\d+:\d+\s+error\s+Parsing error: /m, 1],
    ['a workflow nested 10,000 levels deep', '.github/workflows/deep.yml', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, /nests more than 64 levels deep/, 1],
    ['a script that is not shell', 'deploy.sh', 'if then fi (((\n', /^\s+1:\d+\s+error\s+Parsing error: /m, 1],
    ['a run step that is not shell', '.github/workflows/x.yml', 'jobs:\n  a:\n    steps:\n      - run: echo "unterminated\n', /4:\d+\s+warning\s+This step's script could not be parsed as shell \(reached EOF without closing quote "\)/, 0],
    ['a binary file named like a script', 'tool.sh', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]), /1:1\s+error\s+File looks binary/, 1],
    ['GitLab !reference tags and anchors', '.gitlab-ci.yml', '.setup: &setup\n  - echo hi\njob:\n  before_script: !reference [.base, before_script]\n  script:\n    - *setup\n    - ngc cf gpu ls\n', /7:7\s+warning\s+This read-gpu-capacity call uses the key in NGC_CLI_API_KEY, NGC_API_KEY or NGC_APP_KEY, but no nvcf-keys manifest was found/, 0],
    ['a Makefile with odd lines', 'Makefile', 'define X\n\tngc\nendef\n$(eval $(call X))\n\t\n:\n', /^$/, 0],
    ['an empty Dockerfile', 'Dockerfile', '', /^$/, 0],
  ];
  it.each(cases)('%s', async (_name, file, content, expected, code) => {
    const { makeProject } = await import('./support/cli.js');
    const project = makeProject({ [file]: content });
    try {
      const run = await runCli([], { cwd: project.dir });
      expect(run.stdout).toMatch(expected);
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(run.code).toBe(code);
    } finally {
      project.cleanup();
    }
  });
});
