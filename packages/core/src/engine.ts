import { loadCatalogue, type Catalogue } from './catalogue/index.js';
import type { Facts } from './facts.js';
import { compareFindings, formatMessage, type Finding, type Severity, type SeveritySetting } from './finding.js';
import { rules as allRules } from './rules/index.js';
import type { Rule } from './rules/rule.js';

export interface LintOptions {
  catalogue?: Catalogue;
  /** Per-rule severity; rules not named keep their default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  rules?: readonly Rule[];
}

/** Facts in, findings out, sorted. Pure: no file system, no process, no ESLint. */
export function lint(facts: Facts, options: LintOptions = {}): Finding[] {
  const catalogue = options.catalogue ?? loadCatalogue();
  const findings: Finding[] = [];
  for (const manifest of facts.manifests) {
    if (manifest.fatal) {
      findings.push({
        ruleId: null,
        severity: 'error',
        fatal: true,
        message: manifest.fatal.message,
        location: { file: manifest.file, ...manifest.fatal.range },
      });
    }
  }
  for (const problem of facts.problems ?? []) {
    const finding: Finding = {
      ruleId: null,
      severity: problem.fatal ? 'error' : 'warning',
      message: problem.message,
      location: { file: problem.file, ...problem.range },
    };
    if (problem.fatal) finding.fatal = true;
    findings.push(finding);
  }
  for (const rule of options.rules ?? allRules) {
    const severity = resolveSeverity(rule.meta.defaultSeverity, options.severities?.[rule.meta.id]);
    if (severity === undefined) continue;
    rule.check({
      catalogue,
      facts,
      report({ messageId, data, location, related }) {
        const template = rule.meta.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${messageId}`);
        const finding: Finding = { ruleId: rule.meta.id, severity, messageId, data, message: formatMessage(template, data), location };
        if (related && related.length > 0) finding.related = related;
        findings.push(finding);
      },
    });
  }
  return findings.sort(compareFindings);
}

function resolveSeverity(defaultSeverity: Severity, setting: SeveritySetting | undefined): Severity | undefined {
  if (setting === 'off') return undefined;
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return defaultSeverity;
}
