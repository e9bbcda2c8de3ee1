/**
 * RuleTester for manifest rules, in the spirit of ESLint's: `valid` manifests give no finding from
 * the rule; each `invalid` one gives exactly the listed findings, asserted by messageId, line and
 * column (and the message text where given).
 */
import { describe, expect, it } from 'vitest';
import { lint, type Rule, type ManifestFacts } from '@nvcf-keylint/core';
import { readManifestText } from '@nvcf-keylint/manifest';

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  /** File name, when the case has several files. */
  file?: string;
}

export type ManifestCase = string | { name?: string; files: Record<string, string> };

export interface InvalidCase {
  name?: string;
  code: ManifestCase;
  errors: ExpectedFinding[];
}

/** Strips the common indentation of a template literal, so fixtures read like files. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function readCase(code: ManifestCase): ManifestFacts[] {
  const files = typeof code === 'string' ? { 'nvcf-keys.yaml': code } : code.files;
  return Object.entries(files).map(([file, text]) => readManifestText(file, dedent(text)));
}

export function lintManifests(code: ManifestCase, rule?: Rule) {
  return lint({ manifests: readCase(code), usages: [], secrets: [] }, rule ? { rules: [rule] } : {});
}

export function testManifestRule(rule: Rule, cases: { valid: ManifestCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((code, i) => [typeof code === 'string' ? `case ${i + 1}` : (code.name ?? `case ${i + 1}`), code] as const))(
        '%s',
        (_name, code) => {
          const findings = lintManifests(code, rule);
          expect(findings.map((f) => `${f.location.line}:${f.location.column} ${f.message}`)).toEqual([]);
          // A valid case must still be a well-formed manifest, or it proves nothing.
          const all = lintManifests(code).filter((f) => f.fatal || f.ruleId === 'manifest-schema');
          if (rule.meta.id !== 'manifest-schema') expect(all.map((f) => f.message)).toEqual([]);
        },
      );
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c, i) => [c.name ?? `case ${i + 1}`, c] as const))('%s', (_name, c) => {
        const findings = lintManifests(c.code, rule);
        const multiFile = typeof c.code !== 'string';
        const actual = findings.map((f, i) => {
          const expected = c.errors[i];
          const shown: Record<string, unknown> = { messageId: f.messageId, line: f.location.line, column: f.location.column };
          if (expected?.endLine !== undefined) shown.endLine = f.location.endLine;
          if (expected?.endColumn !== undefined) shown.endColumn = f.location.endColumn;
          if (multiFile) shown.file = f.location.file;
          if (expected?.message !== undefined) shown.message = f.message;
          return shown;
        });
        const wanted = c.errors.map((e) => {
          const shown: Record<string, unknown> = { messageId: e.messageId, line: e.line, column: e.column };
          if (e.endLine !== undefined) shown.endLine = e.endLine;
          if (e.endColumn !== undefined) shown.endColumn = e.endColumn;
          if (multiFile) shown.file = e.file;
          if (e.message !== undefined) shown.message = typeof e.message === 'string' ? e.message : expect.stringMatching(e.message);
          return shown;
        });
        expect(actual).toEqual(wanted);
        for (const f of findings) expect(f.ruleId).toBe(rule.meta.id);
      });
    });
  });
}

/** A usage fact as the ESLint plugin or the config scanners produce it. */
export function usageAt(line: number, action: string, credentials: string[], target?: { functionId: string; versionId?: string }) {
  const usage = { file: 'src/app.ts', range: { line, column: 3, endLine: line, endColumn: 40 }, action, credentials, text: `call ${line}` };
  return target ? { ...usage, target } : usage;
}

/** Lints one manifest (dedented) with usages, with one rule, as `line:column message`. */
export function lintWithUsages(rule: Rule, manifest: string, usages: ReturnType<typeof usageAt>[]): string[] {
  return lint({ manifests: [readManifestText('nvcf-keys.yaml', dedent(manifest))], usages, secrets: [] }, { rules: [rule] }).map(
    (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`,
  );
}
