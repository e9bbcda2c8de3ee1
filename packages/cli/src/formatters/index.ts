import type { LintResult } from '../results.js';
import type { Colors } from './colors.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export const FORMAT_NAMES = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  colors: Colors;
  cwd: string;
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
  }
}

export { ansiColors, noColors, type Colors } from './colors.js';
