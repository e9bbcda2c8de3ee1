import * as fs from 'node:fs';
import { readManifest, sizeProblem } from '@nvcf-keylint/manifest';
import type { ManifestFacts } from '@nvcf-keylint/core';
import { describeErrno } from './discover.js';

const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function unreadable(file: string, message: string): ManifestFacts {
  return { file, keys: [], fatal: { message, range: START }, schemaProblems: [], secrets: [] };
}

/**
 * Reads one manifest from disk. Only regular files are opened (a FIFO would block forever), and a
 * file over the size limit is refused before it is read.
 */
export async function readManifestFile(file: string): Promise<ManifestFacts> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return unreadable(file, 'Not a regular file; only regular files are read as manifests.');
    const tooLarge = sizeProblem(stat.size);
    if (tooLarge !== undefined) return unreadable(file, tooLarge);
    return readManifest(file, await fs.promises.readFile(file));
  } catch (error) {
    return unreadable(file, `Could not read file: ${describeErrno((error as NodeJS.ErrnoException).code)}.`);
  }
}

/** Reads many files with bounded concurrency, results in input order. */
export async function readManifestFiles(files: readonly string[], concurrency = 16): Promise<ManifestFacts[]> {
  const results = new Array<ManifestFacts>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await readManifestFile(files[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}
