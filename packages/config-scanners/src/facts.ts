import type { SecretOccurrence, SourceProblem, SourceRange, SuppressionDirective, Usage } from '@nvcf-keylint/core';

/** What one CI file or script tells the engine. */
export interface ConfigFacts {
  file: string;
  usages: Usage[];
  secrets: SecretOccurrence[];
  problems: SourceProblem[];
  suppressions?: SuppressionDirective[];
}

/** A script that could not be parsed: its NVCF calls are not checked, and the user is told where. */
export function scriptProblems(file: string, problems: ReadonlyArray<{ range: SourceRange; message: string }>, what: string): SourceProblem[] {
  return problems.map((p) => ({ file, range: p.range, message: `${what} could not be parsed as shell (${p.message}); NVCF calls in it are not checked.`, fatal: false }));
}

/**
 * What makes two usages the same call: place, action, key and target. A template several jobs run
 * (GitLab `extends`, a GitHub matrix) yields it once per job or combination; it is reported once.
 */
export function usageIdentity(usage: Usage): string {
  const { range, action, credentials, target } = usage;
  return JSON.stringify([range.line, range.column, range.endLine, range.endColumn, action, credentials, target ?? null]);
}

/**
 * How many combinations of a CI matrix (GitHub `strategy.matrix`, GitLab `parallel: matrix:`) are
 * read one by one; a larger matrix leaves its values unknown.
 */
export const MAX_MATRIX_COMBINATIONS = 64;

/** Adds what is not there yet (usages and problems repeated across jobs or combinations). */
export function pushOnce<T>(into: T[], items: readonly T[], seen: Set<string>, identity: (item: T) => string): void {
  for (const item of items) {
    const key = identity(item);
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(item);
  }
}
