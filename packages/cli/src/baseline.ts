/**
 * Baselines for adopting nvcf-keylint on an existing repository: record today's findings, then
 * report only new ones. A finding's fingerprint is built from its rule, file, message (which names
 * the key, action and target) and the normalised text of the lines it points at, never from line
 * numbers, so unrelated edits that move code do not make old findings look new.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintMessage, LintResult } from './results.js';

export interface Baseline {
  version: 1;
  /** Fingerprint -> how many findings have it. */
  findings: Record<string, number>;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

async function sourceLines(file: string): Promise<string[]> {
  try {
    return (await fs.promises.readFile(file, 'utf8')).split(/\r?\n/);
  } catch {
    return [];
  }
}

/** The text a message points at (its exact span), whitespace-folded. */
function spanText(message: LintMessage, lines: readonly string[]): string {
  const selected = lines.slice(message.line - 1, message.endLine);
  if (selected.length === 0) return '';
  const last = selected.length - 1;
  selected[last] = (selected[last] as string).slice(0, Math.max(0, message.endColumn - 1));
  selected[0] = (selected[0] as string).slice(Math.max(0, message.column - 1));
  return selected.join(' ').replace(/\s+/g, ' ').trim();
}

function fingerprint(message: LintMessage, relativePath: string, lines: readonly string[]): string {
  const span = spanText(message, lines);
  return createHash('sha256').update([message.ruleId ?? '', relativePath.split(path.sep).join('/'), message.message, span].join('\u0000')).digest('hex').slice(0, 32);
}

/** Every message's fingerprint, per result. */
export async function fingerprintsOf(results: readonly LintResult[], cwd: string): Promise<Array<{ result: LintResult; prints: string[] }>> {
  return Promise.all(
    results.map(async (result) => {
      const lines = result.messages.length > 0 ? await sourceLines(result.filePath) : [];
      const relative = path.relative(cwd, result.filePath);
      return { result, prints: result.messages.map((m) => fingerprint(m, relative, lines)) };
    }),
  );
}

export async function writeBaseline(file: string, results: readonly LintResult[], cwd: string): Promise<number> {
  const counts = new Map<string, number>();
  for (const { prints } of await fingerprintsOf(results, cwd)) for (const p of prints) counts.set(p, (counts.get(p) ?? 0) + 1);
  const baseline: Baseline = { version: 1, findings: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1))) };
  await fs.promises.writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`Cannot read the baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if ((data as { version?: unknown } | null)?.version !== 1 || findings === null || typeof findings !== 'object' || Array.isArray(findings) || !Object.values(findings).every((n) => Number.isInteger(n) && (n as number) > 0)) {
    throw new BaselineError(`${file} is not an nvcf-keylint baseline (write one with --baseline-write).`);
  }
  return data as Baseline;
}

/** The results without the findings the baseline already has (as many of each as it recorded). */
export async function subtractBaseline(results: LintResult[], baseline: Baseline, cwd: string): Promise<LintResult[]> {
  const remaining = new Map(Object.entries(baseline.findings));
  return (await fingerprintsOf(results, cwd)).map(({ result, prints }) => {
    const messages = result.messages.filter((_, i) => {
      const print = prints[i] as string;
      const left = remaining.get(print) ?? 0;
      if (left === 0) return true;
      remaining.set(print, left - 1);
      return false;
    });
    const count = (severity: 1 | 2) => messages.filter((m) => m.severity === severity).length;
    return { ...result, messages, errorCount: count(2), warningCount: count(1), fatalErrorCount: messages.filter((m) => m.fatal).length };
  });
}
