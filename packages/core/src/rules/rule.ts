import type { Catalogue, SourceRef } from '../catalogue/index.js';
import type { Facts, SourceLocation } from '../facts.js';
import type { ManifestFix, RelatedLocation, Severity } from '../finding.js';

export const REPOSITORY_URL = 'https://github.com/nvcf-keylint/nvcf-keylint';

/** The one place a rule's documentation address is made. */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/rules/docs/${id}.md`;
}

export interface RuleMeta<MessageIds extends string = string> {
  id: string;
  type: 'problem' | 'suggestion';
  /** "Disallow …" / "Require …". */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  messages: Record<MessageIds, string>;
  /** JSON Schema of the rule's options, as in ESLint (an empty list: no options). */
  schema: readonly Record<string, unknown>[];
  /** The documentation the rule enforces; its address comes from the catalogue's sources. */
  source: SourceRef;
}

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data: Record<string, string>;
  location: SourceLocation;
  related?: RelatedLocation[];
  fix?: ManifestFix;
}

export interface RuleContext<MessageIds extends string> {
  catalogue: Catalogue;
  facts: Facts;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

export interface Rule<MessageIds extends string = string> {
  meta: RuleMeta<MessageIds>;
  check(context: RuleContext<MessageIds>): void;
}

/** Identity helper that keeps the message ids of a rule typed. */
export function defineRule<MessageIds extends string>(rule: Rule<MessageIds>): Rule<MessageIds> {
  return rule;
}
