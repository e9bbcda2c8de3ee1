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

  it('finds the nearest manifest for a file named on the command line', async () => {
    const run = await runCli(['Makefile'], { cwd: project });
    expect(run.stdout).toMatch(/^Makefile\n\s+11:2\s+error\s+Key 'platform' lacks the Manage Telemetries scope/m);
    expect(run.stdout).not.toContain('nvcf-keys.yaml');
  });
});
