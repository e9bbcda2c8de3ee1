import * as fs from 'node:fs';
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
