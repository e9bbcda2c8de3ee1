/**
 * --fix and --fix-dry-run on manifests with comments and unusual formatting. The fixed manifest of
 * each case is pinned in expected-after.txt beside it (regenerate with `vitest -u` and review).
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

const CASES = join(ROOT, 'test/fixtures/fix');

function copyCase(name: string): { dir: string; manifest: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `nvcf-keylint-fix-${name}-`));
  cpSync(join(CASES, name), dir, { recursive: true });
  rmSync(join(dir, 'expected-after.txt'), { force: true });
  const manifest = join(dir, readdirSync(dir).find((f) => f.startsWith('nvcf-keys.')) as string);
  return { dir, manifest, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const comments = (text: string) => text.split(/\r?\n/).map((l) => /#.*$/.exec(l)?.[0]).filter((c) => c !== undefined);

describe.each(readdirSync(CASES).sort())('%s', (name) => {
  it('--fix writes the expected manifest, keeps every comment, and is idempotent', async () => {
    const { dir, manifest, cleanup } = copyCase(name);
    try {
      const before = readFileSync(manifest, 'utf8');
      await runCli(['--fix'], { cwd: dir });
      const after = readFileSync(manifest, 'utf8');
      await expect(after).toMatchFileSnapshot(join(CASES, name, 'expected-after.txt'));
      expect(comments(after)).toEqual(comments(before));
      if (before.includes('\r\n')) expect(after.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
      // A second run has nothing left to fix.
      await runCli(['--fix'], { cwd: dir });
      expect(readFileSync(manifest, 'utf8')).toBe(after);
      // The fixed manifest still parses.
      const check = await runCli(['--format', 'json', manifest], { cwd: dir });
      expect((JSON.parse(check.stdout) as Array<{ fatalErrorCount: number }>)[0]?.fatalErrorCount).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('--fix-dry-run shows the same change as a diff and writes nothing', async () => {
    const { dir, manifest, cleanup } = copyCase(name);
    try {
      const before = readFileSync(manifest, 'utf8');
      const expected = readFileSync(join(CASES, name, 'expected-after.txt'), 'utf8');
      const run = await runCli(['--fix-dry-run'], { cwd: dir });
      expect(readFileSync(manifest, 'utf8')).toBe(before);
      if (expected === before) expect(run.stdout).not.toMatch(/^--- a\//m);
      else expect(run.stdout).toMatch(/^--- a\/nvcf-keys\.(yaml|json)\n\+\+\+ b\/nvcf-keys\.(yaml|json)\n@@/m);
      const json = await runCli(['--fix-dry-run', '--format', 'json'], { cwd: dir });
      const result = (JSON.parse(json.stdout) as Array<{ filePath: string; output?: string }>).find((r) => r.filePath === manifest);
      expect(result?.output).toBe(expected === before ? undefined : expected);
    } finally {
      cleanup();
    }
  });
});

describe('writing', () => {
  it('keeps the file mode', async () => {
    const { dir, manifest, cleanup } = copyCase('crlf');
    try {
      chmodSync(manifest, 0o640);
      await runCli(['--fix'], { cwd: dir });
      expect(statSync(manifest).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('refuses to write through a link that leaves the project', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'nvcf-keylint-outside-'));
    const project = mkdtempSync(join(tmpdir(), 'nvcf-keylint-project-'));
    try {
      const target = join(outside, 'nvcf-keys.yaml');
      const text = 'version: 1\nkeys:\n  ci:\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n    actions: [deploy-function]\n';
      writeFileSync(target, text);
      symlinkSync(target, join(project, 'nvcf-keys.yaml'));
      const run = await runCli(['--fix', 'nvcf-keys.yaml'], { cwd: project });
      expect(run.stderr).toMatch(/could not fix nvcf-keys\.yaml: .*outside .*not writing through the link/);
      expect(readFileSync(target, 'utf8')).toBe(text);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });
});
