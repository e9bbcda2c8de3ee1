import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { describeErrno } from '@nvcf-keylint/manifest';

/** What the CLI looks for when given a directory. */
export const MANIFEST_PATTERNS = ['**/nvcf-keys.{yaml,yml,json}', '**/*.nvcf-keys.{yaml,yml,json}'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** The files named on the command line (read even when a directory search would pass them over). */
  explicit: Set<string>;
  /** Directories and paths that could not be read; the run goes on without them. */
  skipped: SkippedPath[];
  /** Command-line paths that do not exist. */
  missing: string[];
}

/**
 * Finds manifests under the given paths. A file named on the command line is linted whatever its
 * name; directories are searched with fast-glob, honouring `.gitignore`, skipping `node_modules`,
 * never following symbolic links (so a link loop cannot trap it) and never stopping at an
 * unreadable directory.
 */
export async function discoverFiles(
  inputs: readonly string[],
  cwd: string,
  patterns: readonly string[] = MANIFEST_PATTERNS,
  ignores: readonly string[] = [],
): Promise<Discovery> {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const skipped: SkippedPath[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(input);
      else skipped.push({ path: absolute, reason: describeErrno(code) });
      continue;
    }
    if (!stat.isDirectory()) {
      files.add(absolute);
      explicit.add(absolute);
      continue;
    }
    for (const file of await searchDirectory(absolute, patterns, ignores, skipped)) files.add(file);
  }
  return { files: [...files].sort(), explicit, skipped, missing };
}

async function searchDirectory(directory: string, patterns: readonly string[], ignores: readonly string[], skipped: SkippedPath[]): Promise<string[]> {
  const entries = await fg([...patterns, ...patternsInside(directory, patterns), '**/.gitignore'], {
    cwd: directory,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: [...ALWAYS_IGNORED, ...ignores],
    fs: recordingFs(skipped),
  });
  const gitignores = entries.filter((e) => path.basename(e) === '.gitignore');
  const candidates = entries.filter((e) => path.basename(e) !== '.gitignore');
  const rules = [...(await ancestorGitignores(directory)), ...gitignores].map(loadGitignore).filter((r) => r !== undefined);
  return candidates.filter((file) => !rules.some((rule) => rule.ignores(file)));
}

/**
 * Patterns that name a directory (the GitHub workflows pattern names `.github/workflows`), rewritten
 * for a search that starts inside it: searching `.github` must find `workflows/` files, and
 * searching `.github/workflows` the files right there.
 */
function patternsInside(directory: string, patterns: readonly string[]): string[] {
  const own = directory.split(/[\\/]/).filter((s) => s !== '');
  const extra: string[] = [];
  for (const pattern of patterns) {
    if (!pattern.startsWith('**/')) continue;
    const segments = pattern.slice(3).split('/');
    // Only literal directory segments can name the searched directory; the last is the file.
    for (let k = 1; k < segments.length; k++) {
      const named = segments.slice(0, k);
      if (named.some((s) => /[*?{}[\]!()]/.test(s))) break;
      if (named.every((s, i) => own[own.length - k + i] === s)) extra.push(segments.slice(k).join('/'));
    }
  }
  return extra;
}

interface GitignoreRule {
  ignores(file: string): boolean;
}

function loadGitignore(file: string): GitignoreRule | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const base = path.dirname(file);
  const matcher: Ignore = ignore().add(text);
  return {
    ignores(candidate) {
      const relative = path.relative(base, candidate);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return matcher.ignores(relative.split(path.sep).join('/'));
    },
  };
}

/** `.gitignore` files above the searched directory, up to the repository root. */
async function ancestorGitignores(directory: string): Promise<string[]> {
  const found: string[] = [];
  let current = path.dirname(directory);
  let below = directory;
  while (current !== below) {
    if (fs.existsSync(path.join(below, '.git'))) break;
    const candidate = path.join(current, '.gitignore');
    if (fs.existsSync(candidate)) found.push(candidate);
    below = current;
    current = path.dirname(current);
  }
  return found;
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: unknown) => void;

/** The real file system, noting every directory that cannot be read. */
function recordingFs(skipped: SkippedPath[]): Partial<fg.FileSystemAdapter> {
  const note = (target: string, error: NodeJS.ErrnoException | null) => {
    if (error) skipped.push({ path: target, reason: describeErrno(error.code) });
  };
  const readdir = (target: string, optionsOrCallback: unknown, maybeCallback?: ReaddirCallback) => {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as ReaddirCallback;
    const done: ReaddirCallback = (error, entries) => {
      note(target, error);
      callback(error, entries);
    };
    if (typeof optionsOrCallback === 'function') fs.readdir(target, done as never);
    else fs.readdir(target, optionsOrCallback as never, done as never);
  };
  return { readdir: readdir as never };
}
