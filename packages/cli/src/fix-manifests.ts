import * as fs from 'node:fs';
import type { Finding, ManifestFix } from '@nvcf-keylint/core';
import { applyManifestFixes } from '@nvcf-keylint/manifest';
import { createTwoFilesPatch } from 'diff';
import { displayPath } from './formatters/stylish.js';
import { writeFileAtomic } from './write-file.js';

export interface FixedFile {
  file: string;
  before: string;
  after: string;
}

export interface FixOutcome {
  fixed: FixedFile[];
  /** Files that could not be written, and why. */
  failed: Array<{ file: string; reason: string }>;
}

/** Applies every fix the findings carry to the manifests they concern; writes unless `dryRun`. */
export async function fixManifests(findings: readonly Finding[], options: { cwd: string; dryRun: boolean }): Promise<FixOutcome> {
  const byFile = new Map<string, ManifestFix[]>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    const list = byFile.get(finding.fix.file) ?? [];
    list.push(finding.fix);
    byFile.set(finding.fix.file, list);
  }
  const outcome: FixOutcome = { fixed: [], failed: [] };
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let before: string;
    try {
      before = await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      outcome.failed.push({ file, reason: (error as Error).message });
      continue;
    }
    const after = applyManifestFixes(file, before, fixes);
    if (after === before) continue;
    if (!options.dryRun) {
      try {
        await writeFileAtomic(file, after, options.cwd);
      } catch (error) {
        outcome.failed.push({ file, reason: (error as Error).message });
        continue;
      }
    }
    outcome.fixed.push({ file, before, after });
  }
  return outcome;
}

/** A unified diff of the fixes, with paths relative to `cwd`. */
export function formatFixDiff(fixed: readonly FixedFile[], cwd: string): string {
  return fixed
    .map(({ file, before, after }) => {
      const name = displayPath(file, cwd);
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 3 }).replace(/^=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2');
    })
    .join('');
}
