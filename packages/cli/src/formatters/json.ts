import type { LintResult } from '../results.js';

/** Exactly what ESLint's `json` formatter prints. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results);
}
