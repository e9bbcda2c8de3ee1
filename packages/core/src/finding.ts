import type { SourceLocation, SourceRange } from './facts.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = 'off' | 'warn' | 'error';

/**
 * A change to a manifest that resolves a finding, said in the manifest's terms; the manifest
 * package turns it into a text edit that leaves every other byte as it was.
 */
export type ManifestFix =
  | { kind: 'add-items'; file: string; key: string; field: 'scopes' | 'actions'; items: string[] }
  | { kind: 'replace-item'; file: string; range: SourceRange; text: string };

export interface RelatedLocation {
  message: string;
  location: SourceLocation;
}

export interface Finding {
  /** `null` for a fatal problem (the input could not be read), as in ESLint. */
  ruleId: string | null;
  severity: Severity;
  fatal?: true;
  messageId?: string;
  /** What filled the message's placeholders (adapters such as ESLint format it themselves). */
  data?: Record<string, string>;
  message: string;
  location: SourceLocation;
  /** E.g. from a call site to the manifest key it resolved to. */
  related?: RelatedLocation[];
  /** What `--fix` would change. */
  fix?: ManifestFix;
  /** Set when a directive suppresses the finding: it is kept aside, not reported. */
  suppressed?: { justification: string };
}

/** Fills `{{name}}` placeholders, as ESLint does; unknown placeholders stay as written. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? (data[name] as string) : whole,
  );
}

/** Sorts findings by file, position, then rule, so that output never depends on discovery order. */
export function compareFindings(a: Finding, b: Finding): number {
  const x = a.location;
  const y = b.location;
  return (
    compareText(x.file, y.file) ||
    x.line - y.line ||
    x.column - y.column ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
