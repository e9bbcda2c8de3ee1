import type { ManifestFacts } from '@nvcf-keylint/core';
import { readManifestFile } from '@nvcf-keylint/manifest';

/** Reads many manifests with bounded concurrency, results in input order. */
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
