import type { SourceRange } from './facts.js';

/**
 * `# nvcf-keylint-disable-next-line rule-a, rule-b -- why` in a YAML, shell, Makefile or Dockerfile
 * comment: the problems those rules report on the next line are suppressed. The reason is required.
 * (Code uses ESLint's own directives.)
 */
export interface SuppressionDirective {
  file: string;
  /** Where the directive is written. */
  range: SourceRange;
  /** The line it applies to. */
  targetLine: number;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | undefined;
}

const DIRECTIVE = /^[ \t]*#[ \t]*nvcf-keylint-disable-next-line\b([^\n]{0,500})$/gm;

/** Every directive of a file whose comments start with `#`. */
export function findSuppressionDirectives(file: string, text: string): SuppressionDirective[] {
  if (!text.includes('nvcf-keylint-disable')) return [];
  const directives: SuppressionDirective[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = (match.index ?? 0) + match[0].indexOf('#');
    const line = text.slice(0, start).split('\n').length;
    const column = start - text.lastIndexOf('\n', start - 1);
    const body = (match[1] ?? '').replace(/\r$/, '');
    const separator = body.indexOf(' -- ');
    const list = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? undefined : body.slice(separator + 4).trim() || undefined;
    directives.push({
      file,
      range: { line, column, endLine: line, endColumn: column + match[0].trim().length },
      targetLine: line + 1,
      rules: list.split(/[\s,]+/).filter((r) => r !== ''),
      reason,
    });
  }
  return directives;
}
