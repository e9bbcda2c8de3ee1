/** Whole-project features on the multi-package example and small projects: everything end to end. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, ROOT, runCli } from './support/cli.js';

const EXAMPLE = join(ROOT, 'examples/platform-monorepo');

function copyExample(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-monorepo-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('the platform-monorepo example', () => {
  const readme = readFileSync(join(EXAMPLE, 'README.md'), 'utf8');

  it('prints what its README says', async () => {
    const run = await runCli(['examples/platform-monorepo']);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(/```text\n([\s\S]*?)\n```/.exec(readme)?.[1]?.trim());
  });

  it('--fix-dry-run shows the diff its README shows', async () => {
    const { dir, cleanup } = copyExample();
    try {
      const run = await runCli(['--fix-dry-run'], { cwd: dir });
      expect(run.stdout).toContain((/```diff\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '').trim());
    } finally {
      cleanup();
    }
  });

  it('after --fix, only the warnings (the suggested removals) are left', async () => {
    const { dir, cleanup } = copyExample();
    try {
      await runCli(['--fix'], { cwd: dir });
      const run = await runCli(['--format', 'json'], { cwd: dir });
      const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>).flatMap((r) => r.messages);
      expect(messages.map((m) => [m.ruleId, m.severity]).sort()).toEqual([
        ['unused-key', 1],
        ['unused-scope', 1],
      ]);
      expect(run.code).toBe(0);
    } finally {
      cleanup();
    }
  });
});

describe('baselines', () => {
  it('report only new findings, even after code moves', async () => {
    const { dir, cleanup } = copyExample();
    try {
      const written = await runCli(['--baseline-write', 'baseline.json'], { cwd: dir });
      expect(written).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote a baseline of 5 findings to baseline\.json/) });
      expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).not.toMatch(/nvapi|Deploy Function/);
      expect(await runCli(['--baseline', 'baseline.json'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
      // Move everything down and reorder: nothing new.
      const script = join(dir, 'packages/release-tools/scripts/release.sh');
      writeFileSync(script, readFileSync(script, 'utf8').replace('set -euo pipefail\n', 'set -euo pipefail\n\n# moved\n\n'));
      const manifest = join(dir, 'nvcf-keys.yaml');
      writeFileSync(manifest, `# a new header line\n\n${readFileSync(manifest, 'utf8')}`);
      expect(await runCli(['--baseline', 'baseline.json'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
      // A new problem is reported.
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('scopes: [Deploy Function, List Functions]', 'scopes: [Deploy Function]'));
      const run = await runCli(['--baseline', 'baseline.json'], { cwd: dir });
      expect(run.stdout).toMatch(/Key 'legacy-ci' has Deploy Function, but deploy-function also requires the List Functions scope/);
      expect(run.stdout).toMatch(/✖ 1 problem/);
    } finally {
      cleanup();
    }
  });

  it('a baseline that is not one is a usage error', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': 'version: 1\nkeys: {}\n', 'b.json': '{"version": 2}' });
    try {
      expect(await runCli(['--baseline', 'b.json'], { cwd: project.dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/b\.json is not an nvcf-keylint baseline/) });
      expect(await runCli(['--baseline', 'missing.json'], { cwd: project.dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Cannot read the baseline/) });
    } finally {
      project.cleanup();
    }
  });
});

describe('suppressions', () => {
  it('silence a finding on the next line of YAML and shell, and need a reason', async () => {
    const project = makeProject({
      'nvcf-keys.yaml': `version: 1
keys:
  ci:
    env: [NGC_CLI_API_KEY]
    scopes: [Deploy Function]
    resource: { type: All Functions }
    # nvcf-keylint-disable-next-line missing-scope -- the List Functions request is in review (OPS-12)
    actions: [deploy-function]
`,
      'deploy.sh': `#!/bin/sh
# nvcf-keylint-disable-next-line missing-scope
ngc cf function deploy create "$FN:$V"
# nvcf-keylint-disable-next-line unknown-key -- nothing to hide here
echo done
`,
    });
    try {
      const run = await runCli(['--format', 'json'], { cwd: project.dir });
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ line: number; severity: number; message: string; ruleId: string | null }>; suppressedMessages: Array<{ ruleId: string; suppressions: unknown }> }>;
      const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(project.dir.length + 1), r]));
      expect(byFile['nvcf-keys.yaml']?.messages).toEqual([]);
      expect(byFile['nvcf-keys.yaml']?.suppressedMessages).toEqual([
        expect.objectContaining({ ruleId: 'missing-scope', suppressions: [{ kind: 'directive', justification: 'the List Functions request is in review (OPS-12)' }] }),
      ]);
      expect(byFile['deploy.sh']?.messages.map((m) => [m.line, m.severity, m.ruleId, m.message])).toEqual([
        [2, 2, null, "nvcf-keylint-disable-next-line needs a reason: add ' -- ' and why the problem is acceptable."],
        [4, 1, null, "Unused nvcf-keylint-disable-next-line directive (no problem from 'unknown-key' on the next line)."],
      ]);
      expect(byFile['deploy.sh']?.suppressedMessages.map((m) => m.ruleId)).toEqual(['missing-scope']);
      expect(run.code).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe('the configuration file', () => {
  const files = {
    'nvcf-keys.yaml': 'version: 1\nkeys:\n  ci:\n    env: [NVCF_API_KEY]\n    scopes: [List Functions]\n    resource: { type: All Functions }\n',
    'src/app.ts': "fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: 'Bearer ' + process.env.NVCF_API_KEY } });\n",
    'generated/app.ts': "fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: 'Bearer ' + process.env.NVCF_API_KEY } });\n",
  };

  it('sets severities for manifest and code rules, and ignores paths', async () => {
    const project = makeProject({ ...files, 'nvcf-keylint.config.yaml': 'rules:\n  missing-scope: warn\n  overbroad-resource: "off"\nignores: ["generated/**"]\n' });
    try {
      const run = await runCli(['--format', 'json'], { cwd: project.dir });
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;
      // The manifest says nothing itself: the key's only use, in src/app.ts, is where it falls short.
      expect(results.map((r) => [r.filePath.slice(project.dir.length + 1), r.messages.map((m) => [m.ruleId, m.severity])])).toEqual([
        ['nvcf-keys.yaml', []],
        ['src/app.ts', [['missing-scope', 1]]],
      ]);
      expect(run.code).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  it('can live in package.json', async () => {
    const project = makeProject({ ...files, 'package.json': JSON.stringify({ name: 'x', 'nvcf-keylint': { rules: { 'missing-scope': 'off' }, ignores: ['generated/**'] } }) });
    try {
      const run = await runCli([], { cwd: project.dir });
      expect(run.stdout).not.toContain('missing-scope');
    } finally {
      project.cleanup();
    }
  });

  it('is validated, with the place of each mistake', async () => {
    const project = makeProject({ ...files, 'nvcf-keylint.config.json': '{\n  "rules": { "missing-scopes": "warn", "unknown-key": "loud" },\n  "ignore": []\n}\n' });
    try {
      const run = await runCli([], { cwd: project.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('nvcf-keylint.config.json:3:3: unknown property \'ignore\'; did you mean \'ignores\'?');
      expect(run.stderr).toContain("nvcf-keylint.config.json:2:14: 'missing-scopes' is not a rule of nvcf-keylint");
      expect(run.stderr).toMatch(/nvcf-keylint\.config\.json:2:\d+: must be one of 'off', 'warn', 'error'/);
    } finally {
      project.cleanup();
    }
  });
});

describe('init', () => {
  it('writes a least-privilege manifest that the linter accepts, and never overwrites one', async () => {
    const { dir, cleanup } = copyExample();
    try {
      rmSync(join(dir, 'nvcf-keys.yaml'));
      const run = await runCli(['init'], { cwd: dir });
      expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote nvcf-keys\.yaml with 3 keys\./) });
      const manifest = readFileSync(join(dir, 'nvcf-keys.yaml'), 'utf8');
      await expect(manifest).toMatchFileSnapshot('./fixtures/init/platform-monorepo.expected.txt');
      const lint = await runCli(['--format', 'json'], { cwd: dir });
      const messages = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>).flatMap((r) => r.messages);
      expect(messages).toEqual([]);
      expect(await runCli(['init'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/nvcf-keys\.yaml already exists; pass --force to replace it/) });
      expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('writes nothing where there are no NVCF calls', async () => {
    const project = makeProject({ 'README.md': '# nothing' });
    try {
      expect(await runCli(['init'], { cwd: project.dir })).toMatchObject({ code: 0, stdout: expect.stringMatching(/nothing to write/) });
      expect(existsSync(join(project.dir, 'nvcf-keys.yaml'))).toBe(false);
    } finally {
      project.cleanup();
    }
  });
});

describe('explain FILE:LINE', () => {
  it('shows the chain behind the call at that line', async () => {
    const run = await runCli(['explain', 'packages/release-tools/scripts/release.sh:11'], { cwd: EXAMPLE });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'packages/release-tools/scripts/release.sh:11:1  ngc cf function deploy create --deployment-specification GFN:L40S:gl40s_1.br25_2xlarge:1:1 "$FUNCTION_ID:$VERSION_ID"',
        '  call        deploy-function',
        '  credential  NGC_RELEASE_KEY or NGC_CLI_API_KEY',
        "  key         'release' (nvcf-keys.yaml:14): Register Function and Deploy Function; All Functions",
        '  requires    Deploy Function and List Functions; All Functions, Function or All Entity',
        '  verdict     denied (403)',
        "    missing-scope: Key 'release' lacks the List Functions scope, which deploy-function requires.",
        "    fix: Add List Functions to key 'release' at org.ngc.nvidia.com/service-keys (or create a key that has it), then update the manifest.",
        '',
      ].join('\n'),
    );
  });

  it('answers in JSON, and says when there is no call at that line', async () => {
    const json = await runCli(['explain', 'packages/chat-web/src/nvcf.ts:11', '--format', 'json'], { cwd: EXAMPLE });
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ action: 'invoke-function', target: '3fa85f64-5717-4562-b3fc-2c963f66afa6', credentials: ['NVCF_API_KEY'], verdict: 'allowed', reasons: [] }),
    ]);
    expect(await runCli(['explain', 'packages/chat-web/src/nvcf.ts:1'], { cwd: EXAMPLE })).toMatchObject({ code: 2, stderr: expect.stringMatching(/No NVCF call found at packages\/chat-web\/src\/nvcf\.ts:1/) });
  });
});
