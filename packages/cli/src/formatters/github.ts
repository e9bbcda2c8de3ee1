import * as path from 'node:path';
import type { LintResult } from '../results.js';

/** GitHub Actions workflow commands: an annotation per problem on the pull request. */
export function formatGithub(results: readonly LintResult[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `endLine=${m.endLine}`,
        `col=${m.column}`,
        ...(m.endLine === m.line ? [`endColumn=${m.endColumn}`] : []),
        `title=${escapeProperty(m.ruleId === null ? 'nvcf-keylint' : `nvcf-keylint(${m.ruleId})`)}`,
      ].join(',');
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${properties}::${escapeData(m.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
