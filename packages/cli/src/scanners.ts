/**
 * The config scanners and the shell parser they use (mvdan/sh, over a megabyte of JavaScript),
 * loaded only when a CI file or script needs scanning. The bundle replaces this module with
 * `scanners-bundled.ts`, which loads a prebuilt copy through the compile cache.
 */
import type * as Scanners from '@nvcf-keylint/config-scanners';

export interface LoadedScanners {
  scanners: typeof Scanners;
  /** Keeps what loading compiled for the next run, where the loader can; a no-op otherwise. */
  keepCompiledCode(): void;
}

export async function loadScanners(): Promise<LoadedScanners> {
  return { scanners: await import('@nvcf-keylint/config-scanners'), keepCompiledCode() {} };
}
