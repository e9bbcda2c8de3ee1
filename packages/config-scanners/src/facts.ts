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
