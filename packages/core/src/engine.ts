import { loadCatalogue, type Catalogue } from './catalogue/index.js';
import type { Facts } from './facts.js';
import type { SuppressionDirective } from './suppressions.js';
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
      report({ messageId, data, location, related, fix }) {
        const template = rule.meta.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${messageId}`);
        const finding: Finding = { ruleId: rule.meta.id, severity, messageId, data, message: formatMessage(template, data), location };
        if (related && related.length > 0) finding.related = related;
        if (fix && rule.meta.fixable) finding.fix = fix;
        findings.push(finding);
      },
    });
  }
  return applySuppressions(findings, facts.suppressions ?? []).sort(compareFindings);
}

/**
 * Marks the findings directives suppress, and reports directives that give no reason, name an
 * unknown rule, or no longer suppress anything (they would hide the next problem on that line).
 */
function applySuppressions(findings: Finding[], directives: readonly SuppressionDirective[]): Finding[] {
  if (directives.length === 0) return findings;
  const known = new Set(allRules.map((r) => r.meta.id));
  const used = new Set<SuppressionDirective>();
  for (const finding of findings) {
    if (finding.fatal || finding.ruleId === null) continue;
    const directive = directives.find(
      (d) => d.file === finding.location.file && d.targetLine === finding.location.line && (d.rules.length === 0 || d.rules.includes(finding.ruleId as string)),
    );
    if (!directive) continue;
    used.add(directive);
    finding.suppressed = { justification: directive.reason ?? '' };
  }
  const problems: Finding[] = [];
  const at = (d: SuppressionDirective) => ({ file: d.file, ...d.range });
  for (const directive of directives) {
    const unknown = directive.rules.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      problems.push({ ruleId: null, severity: 'error', message: `Unknown rule ${unknown.map((r) => `'${r}'`).join(', ')} in nvcf-keylint-disable-next-line.`, location: at(directive) });
    }
    if (directive.reason === undefined) {
      problems.push({ ruleId: null, severity: 'error', message: "nvcf-keylint-disable-next-line needs a reason: add ' -- ' and why the problem is acceptable.", location: at(directive) });
    }
    if (!used.has(directive) && unknown.length === 0) {
      const what = directive.rules.length === 0 ? 'any rule' : directive.rules.map((r) => `'${r}'`).join(', ');
      problems.push({ ruleId: null, severity: 'warning', message: `Unused nvcf-keylint-disable-next-line directive (no problem from ${what} on the next line).`, location: at(directive) });
    }
  }
  return [...findings, ...problems];
}

function resolveSeverity(defaultSeverity: Severity, setting: SeveritySetting | undefined): Severity | undefined {
  if (setting === 'off') return undefined;
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return defaultSeverity;
}
