/**
 * Loads a CommonJS file through V8's code cache, as `v8-compile-cache` did for ESLint up to
 * version 8 and as Node 22's `module.enableCompileCache()` does (Node 20 has neither for bundles):
 * the first run compiles the file and, once it has done its work, keeps the compiled code; later
 * runs start from it instead of parsing and compiling megabytes of JavaScript again.
 *
 * The cache follows Node's variables: `NODE_COMPILE_CACHE` names the directory (default: a
 * per-user directory in the system's temporary directory) and `NODE_DISABLE_COMPILE_CACHE` turns it
 * off. A cache is an optimisation only: any failure to read, check or write it is ignored, and a
 * directory that another user could write to is not used.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

export interface CompiledModule {
  exports: unknown;
  /** Whether the compiled code came from the cache. */
  fromCache: boolean;
  /** Writes the code compiled so far to the cache, unless it came from there. Call it after the work. */
  keep(): void;
}

/** The cache directory for these environment variables, or undefined when the cache is off. */
export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'nvcf-keylint');
  return join(tmpdir(), `nvcf-keylint-compile-cache-${process.getuid?.() ?? 'user'}`);
}

/** `require(file)`, with its compiled code cached in `cacheDir` when one is given. */
export function requireCompiled(file: string, cacheDir: string | undefined): CompiledModule {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : cachePath(cacheDir, file);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // A bundled module may still import() what it could not bundle.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  let kept = fromCache;
  return {
    exports: module.exports,
    fromCache,
    keep() {
      if (kept || cacheFile === undefined) return;
      kept = true;
      writeCache(cacheFile, script.createCachedData());
    },
  };
}

/**
 * One cache file per loaded file, Node and V8 build and flags: V8 itself only checks the source's
 * length, so the file's identity (inode, size, modification time) is part of the name.
 */
function cachePath(cacheDir: string, file: string): string | undefined {
  try {
    const stat = statSync(file);
    const identity = [file, stat.dev, stat.ino, stat.size, stat.mtimeMs, process.version, process.arch, process.versions.v8, process.execArgv.join(' ')].join('\0');
    return join(cacheDir, `${basename(file)}-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.v8cache`);
  } catch {
    return undefined;
  }
}

/** The directory is ours alone: a cache planted by another user would be code we run. */
function isPrivateDirectory(dir: string): boolean {
  const stat = lstatSync(dir);
  return stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0;
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    if (!isPrivateDirectory(dirname(cacheFile))) return undefined;
    const fd = openSync(cacheFile, 'r');
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || (process.getuid !== undefined && stat.uid !== process.getuid())) return undefined;
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * Caches of other builds of the same file: a few are kept, since several installed versions may
 * be in use (pre-commit keeps one per hook revision, and two repositories may pin different ones;
 * evicting each other's cache, they would recompile on every run); older ones are dead weight.
 */
const OTHER_BUILDS_KEPT = 4;

function pruneOtherBuilds(dir: string, current: string): void {
  const prefix = `${current.replace(/-[0-9a-f]{16}\.v8cache$/, '')}-`;
  const others = readdirSync(dir)
    .filter((entry) => entry.startsWith(prefix) && entry.endsWith('.v8cache') && entry !== current)
    .map((entry) => ({ file: join(dir, entry), modified: modifiedTime(join(dir, entry)) }))
    .sort((a, b) => b.modified - a.modified);
  for (const { file } of others.slice(OTHER_BUILDS_KEPT)) unlinkQuietly(file);
}

function modifiedTime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Another run may have removed it first. */
function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // gone already, or not ours to remove
  }
}

function writeCache(cacheFile: string, data: Buffer): void {
  const dir = dirname(cacheFile);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!isPrivateDirectory(dir)) return;
    pruneOtherBuilds(dir, basename(cacheFile));
    // Written whole, then renamed: a concurrent run reads the old file or the new one, never half.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, cacheFile);
  } catch {
    // An optimisation only: an unwritable or full disk costs the next run its head start, no more.
  }
}
