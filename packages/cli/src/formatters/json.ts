import type { LintResult } from '../results.js';

/** Exactly what ESLint's `json` formatter prints (related locations are for SARIF only). */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results, (key, value: unknown) => (key === 'related' ? undefined : value));
}
