/**
 * The compile cache that the bundle loads cli.cjs and engine.cjs through: compiled code is kept
 * after a first run and used by the next, never for a changed file, never from a directory others
 * can write to, and a broken or unwritable cache costs nothing but the head start. Each load runs
 * in a process of its own, as runs do: within one process V8 reuses what it compiled already.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../packages/cli/src/compile-cache.js';
import { ROOT } from './support/cli.js';

let work: string;
let file: string;
let cache: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'nvcf-keylint-compile-cache-test-'));
  file = join(work, 'lib.cjs');
  cache = join(work, 'cache');
  writeFileSync(file, "const path = require('node:path');\nexports.twice = (n) => n * 2;\nexports.name = path.basename(__filename);\nexports.self = typeof module.exports;\n");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const cacheFiles = () => readdirSync(cache).filter((f) => f.endsWith('.v8cache'));

/** Loads the file in a new process, calls twice(n), then keeps the compiled code. */
function requireCompiled(target: string, cacheDir: string | undefined, n = 21): { fromCache: boolean; twice: number; name: string; self: string; kept: boolean } {
  const script = `
    import { requireCompiled } from ${JSON.stringify(join(ROOT, 'packages/cli/dist/compile-cache.js'))};
    const [file, dir, n] = process.argv.slice(1);
    const loaded = requireCompiled(file, dir === '' ? undefined : dir);
    const { twice, name, self } = loaded.exports;
    let kept = true;
    try { loaded.keep(); } catch { kept = false; }
    console.log(JSON.stringify({ fromCache: loaded.fromCache, twice: twice(Number(n)), name, self, kept }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, target, cacheDir ?? '', String(n)], { encoding: 'utf8' })) as never;
}

describe('requireCompiled', () => {
  it('runs the file as CommonJS: exports, require, module, __filename', () => {
    expect(requireCompiled(file, undefined)).toEqual({ fromCache: false, twice: 42, name: 'lib.cjs', self: 'object', kept: true });
  });

  it('keeps the compiled code after the first run and starts the next one from it', () => {
    expect(requireCompiled(file, cache).fromCache).toBe(false);
    expect(cacheFiles()).toHaveLength(1);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, cacheFiles()[0] as string)).mode & 0o777).toBe(0o600);

    expect(requireCompiled(file, cache, 4)).toMatchObject({ fromCache: true, twice: 8 });
  });

  it('does not use the cache of a changed file', () => {
    requireCompiled(file, cache);
    const [before] = cacheFiles();
    // Same length, other content: V8 alone would take the old code for it.
    writeFileSync(file, "const path = require('node:path');\nexports.twice = (n) => n * 3;\nexports.name = path.basename(__filename);\nexports.self = typeof module.exports;\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(requireCompiled(file, cache, 2)).toMatchObject({ fromCache: false, twice: 6 });
    expect(cacheFiles()).toHaveLength(2);
    expect(cacheFiles()).toContain(before);
    expect(requireCompiled(file, cache, 2)).toMatchObject({ fromCache: true, twice: 6 });
  });

  it('keeps the caches of the four most recent other builds of the file, not more', () => {
    mkdirSync(cache, { mode: 0o700 });
    const others = [1, 2, 3, 4, 5, 6].map((n) => {
      const other = join(cache, `lib.cjs-${String(n).repeat(16)}.v8cache`);
      writeFileSync(other, 'old');
      utimesSync(other, new Date(), new Date(Date.now() - n * 60_000));
      return other;
    });
    writeFileSync(join(cache, 'other.cjs-0000000000000000.v8cache'), 'another file');
    requireCompiled(file, cache);
    const kept = readdirSync(cache);
    expect(kept).toHaveLength(6);
    for (const other of others.slice(0, 4)) expect(kept).toContain(other.slice(cache.length + 1));
    expect(kept).toContain('other.cjs-0000000000000000.v8cache');
  });

  it('survives a corrupt cache file and writes a good one', () => {
    requireCompiled(file, cache);
    const [name] = cacheFiles() as [string];
    writeFileSync(join(cache, name), 'not V8 code at all');
    expect(requireCompiled(file, cache, 5)).toMatchObject({ fromCache: false, twice: 10 });
    expect(requireCompiled(file, cache).fromCache).toBe(true);
  });

  it('neither reads nor writes a cache directory that others can write to', () => {
    requireCompiled(file, cache);
    chmodSync(cache, 0o777);
    expect(requireCompiled(file, cache).fromCache).toBe(false);
    const shared = join(work, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    requireCompiled(file, shared);
    expect(readdirSync(shared)).toEqual([]);
  });

  it('runs without a cache where none can be written', () => {
    const blocked = join(work, 'a-file');
    writeFileSync(blocked, '');
    expect(requireCompiled(file, join(blocked, 'cache'), 3)).toMatchObject({ fromCache: false, twice: 6, kept: true });
  });
});

describe('compileCacheDir', () => {
  it("follows Node's variables", () => {
    expect(compileCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: '/x' })).toBeUndefined();
    expect(compileCacheDir({ NODE_COMPILE_CACHE: '/var/cache/node' })).toBe('/var/cache/node/nvcf-keylint');
    expect(compileCacheDir({})).toBe(join(tmpdir(), `nvcf-keylint-compile-cache-${process.getuid?.() ?? 'user'}`));
  });
});
