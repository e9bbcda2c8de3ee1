/** --cache: reused results are the results a fresh run gives, and a change re-lints exactly what it affects. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-cache-'));
  cpSync(join(ROOT, 'examples/platform-monorepo'), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A project of these files (path -> text) in a new directory, removed after `run`. */
async function scratch(files: Record<string, string>, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-cache-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cached(dir: string) {
  const previous = process.env.NVCF_KEYLINT_DEBUG;
  process.env.NVCF_KEYLINT_DEBUG = 'cache';
  try {
    const run = await runCli(['--cache', '--format', 'json'], { cwd: dir });
    return { run, stats: /cache: (\d+) reused, (\d+) linted/.exec(run.stderr)?.slice(1).map(Number) };
  } finally {
    if (previous === undefined) delete process.env.NVCF_KEYLINT_DEBUG;
    else process.env.NVCF_KEYLINT_DEBUG = previous;
  }
}

describe('--cache', () => {
  it('gives the same results as a run without it, and reuses unchanged files', async () => {
    const { dir, cleanup } = project();
    try {
      const fresh = await runCli(['--format', 'json'], { cwd: dir });
      const first = await cached(dir);
      const second = await cached(dir);
      expect(first.stats).toEqual([0, 2]);
      expect(second.stats).toEqual([2, 0]);
      expect(first.run.stdout).toBe(fresh.stdout);
      expect(second.run.stdout).toBe(fresh.stdout);
    } finally {
      cleanup();
    }
  });

  it('re-lints exactly the files whose keys a manifest change touches', async () => {
    const { dir, cleanup } = project();
    try {
      await cached(dir);
      const manifest = join(dir, 'nvcf-keys.yaml');
      // status.ts uses NVCF_STATUS_KEY; nvcf.ts uses NVCF_API_KEY, whose key does not change.
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('scopes: [list_functions, List Function Details]', 'scopes: [List Functions]'));
      const after = await cached(dir);
      expect(after.stats).toEqual([1, 1]);
      expect(after.run.stdout).toBe((await runCli(['--format', 'json'], { cwd: dir })).stdout);
      expect(after.run.stdout).toContain("Key 'status-page' lacks the List Function Details scope, which list-functions requires.");
    } finally {
      cleanup();
    }
  });

  it('re-lints a changed file, and survives a corrupt cache file', async () => {
    const { dir, cleanup } = project();
    try {
      await cached(dir);
      const file = join(dir, 'packages/chat-web/src/status.ts');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n// changed\n`);
      expect((await cached(dir)).stats).toEqual([1, 1]);
      writeFileSync(join(dir, '.nvcf-keylint-cache'), '{ not json');
      const recovered = await cached(dir);
      expect(recovered.stats).toEqual([0, 2]);
      expect(recovered.run.code).toBe(1);
    } finally {
      cleanup();
    }
  });

  it('re-lints a file when a module whose constants it imports changes', async () => {
    const files = {
      'nvcf-keys.yaml': 'version: 1\nkeys:\n  lister:\n    env: [NVCF_LIST_KEY]\n    scopes: [List Functions, List Function Details]\n    resource:\n      type: All Functions\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource:\n      type: All Functions\n',
      'src/config.ts': "export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexport const KEY = process.env.NVCF_LIST_KEY;\n",
      'src/app.ts': "import { NVCF, KEY } from './config';\nexport const list = () => fetch(`${NVCF}/functions`, { headers: { Authorization: `Bearer ${KEY}` } });\n",
      'src/other.ts': "export const ping = () => fetch('https://example.com/health');\n",
    };
    await scratch(files, async (dir) => {
      const first = await cached(dir);
      expect(first.stats).toEqual([0, 3]);
      expect(first.run.code).toBe(0);
      expect((await cached(dir)).stats).toEqual([3, 0]);
      // The key the call uses is now the invoker, which cannot list functions.
      writeFileSync(join(dir, 'src/config.ts'), "export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexport const KEY = process.env.NVCF_API_KEY;\n");
      const after = await cached(dir);
      expect(after.stats).toEqual([1, 2]);
      expect(after.run.code).toBe(1);
      expect(after.run.stdout).toContain("Key 'invoker' lacks the List Functions and List Function Details scopes");
      expect(after.run.stdout).toBe((await runCli(['--format', 'json'], { cwd: dir })).stdout);
    });
  });

  it('re-lints a file when a module it imports that was missing appears', async () => {
    const files = {
      'nvcf-keys.yaml': 'version: 1\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource:\n      type: All Functions\n',
      'src/app.ts': "import { NVCF } from './config';\nexport const list = () => fetch(`${NVCF}/functions`, { headers: { Authorization: `Bearer ${process.env.NVCF_API_KEY}` } });\n",
    };
    await scratch(files, async (dir) => {
      expect((await cached(dir)).run.code).toBe(0);
      writeFileSync(join(dir, 'src/config.js'), "export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\n");
      const after = await cached(dir);
      expect(after.stats).toEqual([0, 2]);
      expect(after.run.stdout).toContain("Key 'invoker' lacks the List Functions and List Function Details scopes");
    });
  });
});
