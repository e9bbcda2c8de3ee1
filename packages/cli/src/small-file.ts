import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeTextBytes, sizeProblem } from '@nvcf-keylint/manifest';

/**
 * The text of a file read for context (a GitLab pipeline's other files, the workflows calling a
 * reusable one): a regular file, not a symbolic link, within the size limit, decodable as text.
 * Anything else is `undefined`: context that cannot be read adds nothing.
 */
export async function readContextFile(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.promises.lstat(file);
    if (!stat.isFile() || sizeProblem(stat.size) !== undefined) return undefined;
    const decoded = decodeTextBytes(await fs.promises.readFile(file));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** What is at `file` without following a symbolic link: 'file', 'directory', 'other', or `undefined` if nothing. */
export async function entryKind(file: string): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const stat = await fs.promises.lstat(file);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

/**
 * The first answer `look` gives for `directory` and the directories above it, not looking past
 * a repository root (a directory holding `.git`) or the filesystem's root.
 */
export async function findUp<T>(directory: string, look: (directory: string) => Promise<T | undefined>): Promise<T | undefined> {
  for (let current = directory; ; ) {
    const found = await look(current);
    if (found !== undefined) return found;
    if ((await entryKind(path.join(current, '.git'))) !== undefined) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
