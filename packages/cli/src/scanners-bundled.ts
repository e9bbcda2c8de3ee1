/**
 * The bundle's `scanners.ts`: the config scanners are prebuilt as one CommonJS file,
 * `scanners.cjs` beside `cli.cjs`, loaded through V8's code cache.
 */
import { fileURLToPath } from 'node:url';
import type * as Scanners from '@nvcf-keylint/config-scanners';
import { compileCacheDir, requireCompiled } from './compile-cache.js';
import type { LoadedScanners } from './scanners.js';

export async function loadScanners(): Promise<LoadedScanners> {
  const loaded = requireCompiled(fileURLToPath(new URL('./scanners.cjs', import.meta.url)), compileCacheDir(process.env));
  return { scanners: loaded.exports as typeof Scanners, keepCompiledCode: loaded.keep };
}
