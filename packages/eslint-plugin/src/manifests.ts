/**
 * The manifests that apply to a linted file: `settings.nvcf.manifest`, else the nearest
 * `nvcf-keys.{yaml,yml,json}` above it. Parsed manifests are kept for the life of the process and
 * read again when their file changes (editors keep ESLint running across edits).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ManifestFacts } from '@nvcf-keylint/core';
import { nearestManifests, readManifestFileSync } from '@nvcf-keylint/manifest';

interface Cached {
  signature: string;
  facts: ManifestFacts;
}

const cache = new Map<string, Cached>();

function signature(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/** A manifest's facts, from the cache while its file is unchanged. */
export function loadManifest(file: string): ManifestFacts {
  const current = signature(file);
  const cached = cache.get(file);
  if (cached && cached.signature === current) return cached.facts;
  const facts = readManifestFileSync(file);
  cache.set(file, { signature: current, facts });
  return facts;
}

export function manifestsFor(file: string, configured: readonly string[] | undefined, cwd: string): ManifestFacts[] {
  const files = configured ? configured.map((m) => path.resolve(cwd, m)) : nearestManifests(file);
  return files.map(loadManifest);
}
