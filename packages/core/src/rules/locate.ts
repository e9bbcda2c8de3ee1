import type { SourceLocation, SourceRange } from '../facts.js';

export function at(file: string, range: SourceRange): SourceLocation {
  return { file, ...range };
}
