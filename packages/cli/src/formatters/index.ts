import type { LintResult } from '../results.js';
import type { Colors } from './colors.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  colors: Colors;
  cwd: string;
  version: string;
  /** Each message's fingerprint (SARIF). */
  fingerprints: ReadonlyMap<LintResult, readonly string[]>;
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export function formatResults(format: FormatName, results: readonly LintResult[], context: FormatContext): string {
  switch (format) {
    case 'json':
      return `${formatJson(results)}\n`;
    case 'stylish':
      return formatStylish(results, context.colors, context.cwd);
    case 'sarif':
      return formatSarif(results, context);
    case 'github':
      return formatGithub(results, context.cwd);
    case 'junit':
      return formatJunit(results);
  }
}

export { ansiColors, noColors, type Colors } from './colors.js';
