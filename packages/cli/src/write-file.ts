import * as fs from 'node:fs';
import * as path from 'node:path';

export class UnsafeWriteError extends Error {
  override name = 'UnsafeWriteError';
}

/**
 * Replaces a file's content atomically: the new content goes to a temporary file beside the real
 * target, which is then renamed over it, so a reader (or a killed run) sees the old file or the new
 * one, never a mix. The file's mode is kept. A symbolic link is written through only when its
 * target stays inside `root`.
 */
export async function writeFileAtomic(file: string, content: string, root: string): Promise<void> {
  const target = await fs.promises.realpath(file);
  const realRoot = await fs.promises.realpath(root);
  const relative = path.relative(realRoot, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UnsafeWriteError(`${file} resolves to ${target}, outside ${root}; not writing through the link`);
  }
  const { mode } = await fs.promises.stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.nvcf-keylint.tmp`);
  const handle = await fs.promises.open(temporary, 'wx', mode & 0o777);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.chmod(temporary, mode & 0o7777);
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
