import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ManifestFacts } from '@nvcf-keylint/core';
import { sizeProblem } from './decode.js';
import { readManifest } from './read.js';

const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function unreadable(file: string, message: string): ManifestFacts {
  return { file, keys: [], fatal: { message, range: START }, schemaProblems: [], secrets: [] };
}

export function describeErrno(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return code ? `could not be read (${code})` : 'could not be read';
  }
}

function checkStat(file: string, stat: fs.Stats): ManifestFacts | undefined {
  // Only regular files are opened: a FIFO would block forever.
  if (!stat.isFile()) return unreadable(file, 'Not a regular file; only regular files are read as manifests.');
  const tooLarge = sizeProblem(stat.size);
  return tooLarge === undefined ? undefined : unreadable(file, tooLarge);
}

function failed(file: string, error: unknown): ManifestFacts {
  return unreadable(file, `Could not read file: ${describeErrno((error as NodeJS.ErrnoException).code)}.`);
}

/** Reads one manifest from disk; a file that cannot be read is a fatal problem, not a throw. */
export async function readManifestFile(file: string): Promise<ManifestFacts> {
  let bytes: Uint8Array;
  try {
    const problem = checkStat(file, await fs.promises.stat(file));
    if (problem) return problem;
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    return failed(file, error);
  }
  return readManifest(file, bytes);
}

/** The synchronous twin, for ESLint rules (which cannot wait). */
export function readManifestFileSync(file: string): ManifestFacts {
  let bytes: Uint8Array;
  try {
    const problem = checkStat(file, fs.statSync(file));
    if (problem) return problem;
    bytes = fs.readFileSync(file);
  } catch (error) {
    return failed(file, error);
  }
  return readManifest(file, bytes);
}

/** The names a manifest is found by when looking upwards from a file. */
export const NEAREST_MANIFEST_NAMES = ['nvcf-keys.yaml', 'nvcf-keys.yml', 'nvcf-keys.json'];

/** The manifests of the nearest directory above `file` that has any. */
export function nearestManifests(file: string): string[] {
  let directory = path.dirname(path.resolve(file));
  for (;;) {
    const found = NEAREST_MANIFEST_NAMES.map((name) => path.join(directory, name)).filter((candidate) => fs.existsSync(candidate));
    if (found.length > 0) return found;
    const parent = path.dirname(directory);
    if (parent === directory) return [];
    directory = parent;
  }
}
