import type { Finding } from '@nvcf-keylint/core';

/** One message, in the shape of ESLint's `LintMessage`. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  fatal?: true;
  message: string;
  /** Related places (a call's manifest key): used by SARIF, left out of the json format. */
  related?: Array<{ message: string; file: string; line: number; column: number; endLine: number; endColumn: number }>;
  /** For suppressed messages, as ESLint gives them. */
  suppressions?: Array<{ kind: 'directive'; justification: string }>;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  nodeType: null;
}

/** One file's results, in the shape of ESLint's `LintResult` (what its json formatter prints). */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: [];
  /** With `--fix-dry-run`: the file as the fixes would leave it (as ESLint reports it). */
  output?: string;
}

/** Groups findings by file; every linted file gets a result, problems or not. */
export function toLintResults(files: readonly string[], findings: readonly Finding[], quiet = false): LintResult[] {
  const byFile = new Map<string, LintResult>();
  const resultFor = (filePath: string) => {
    let result = byFile.get(filePath);
    if (!result) {
      result = {
        filePath,
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      };
      byFile.set(filePath, result);
    }
    return result;
  };
  for (const file of files) resultFor(file);
  for (const finding of findings) {
    if (quiet && finding.severity === 'warning') continue;
    const result = resultFor(finding.location.file);
    const { line, column, endLine, endColumn } = finding.location;
    const message: LintMessage = {
      ruleId: finding.ruleId,
      severity: finding.severity === 'error' ? 2 : 1,
      message: finding.message,
      line,
      column,
      endLine,
      endColumn,
      nodeType: null,
    };
    if (finding.fatal) message.fatal = true;
    if (finding.messageId !== undefined) message.messageId = finding.messageId;
    if (finding.related) message.related = finding.related.map((r) => ({ message: r.message, ...r.location }));
    if (finding.suppressed) {
      message.suppressions = [{ kind: 'directive', justification: finding.suppressed.justification }];
      result.suppressedMessages.push(message);
      continue;
    }
    result.messages.push(message);
    if (message.severity === 2) result.errorCount++;
    else result.warningCount++;
    if (finding.fix && message.severity === 2) result.fixableErrorCount++;
    else if (finding.fix) result.fixableWarningCount++;
    if (finding.fatal) result.fatalErrorCount++;
  }
  return [...byFile.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}
