import type { SecretOccurrence, SourceProblem, Usage } from '@nvcf-keylint/core';

/** What one CI file or script tells the engine. */
export interface ConfigFacts {
  file: string;
  usages: Usage[];
  secrets: SecretOccurrence[];
  problems: SourceProblem[];
}
