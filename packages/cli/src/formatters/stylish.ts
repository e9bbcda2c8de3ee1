import * as path from 'node:path';
import type { LintResult } from '../results.js';
import type { Colors } from './colors.js';

/** ESLint's `stylish` layout: a block per file, aligned columns, a summary line. */
export function formatStylish(results: readonly LintResult[], colors: Colors, cwd: string): string {
  let errors = 0;
  let warnings = 0;
  let fatal = 0;
  const blocks: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fatal += result.fatalErrorCount;
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? colors.red('error') : colors.yellow('warning'),
      m.message.replace(/([^ ])\.$/, '$1'),
      colors.dim(m.ruleId ?? ''),
    ]);
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => visibleLength(r[i] ?? ''))));
    const lines = rows.map((r) =>
      `  ${(r[0] ?? '').padEnd(widths[0] ?? 0)}  ${pad(r[1] ?? '', widths[1] ?? 0)}  ${r[2]}  ${r[3]}`.trimEnd(),
    );
    blocks.push(`${colors.underline(displayPath(result.filePath, cwd))}\n${lines.join('\n')}`);
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  // Manifests, CI files and scripts all have fatal parsing errors: the note names none of the kinds.
  const fatalNote = fatal > 0 ? `\n  ${fatal} file${fatal === 1 ? '' : 's'} could not be read (see the parsing errors above) and ${fatal === 1 ? 'was' : 'were'} not checked.` : '';
  const colored = errors > 0 ? colors.red(colors.bold(summary)) : colors.yellow(colors.bold(summary));
  return `\n${blocks.join('\n\n')}\n\n${colored}${fatalNote}\n`;
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
