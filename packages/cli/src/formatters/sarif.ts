/**
 * SARIF 2.1.0 for code scanning: every rule with its descriptions, help and docs address; results
 * with fingerprints that survive moved code; a call's manifest key as a related location. Input
 * that could not be read is reported as tool notifications, as SARIF intends.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalogue, ruleDocsUrl, rules, REPOSITORY_URL } from '@nvcf-keylint/core';
import type { LintMessage, LintResult } from '../results.js';

export interface SarifContext {
  cwd: string;
  version: string;
  /** Fingerprint of each message, by result and index (see baseline.ts). */
  fingerprints: ReadonlyMap<LintResult, readonly string[]>;
}

const level = (m: LintMessage) => (m.severity === 2 ? 'error' : 'warning');

export function formatSarif(results: readonly LintResult[], context: SarifContext): string {
  const catalogue = loadCatalogue();
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const uri = (file: string) => {
    const relative = path.relative(context.cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? { uri: pathToFileURL(file).href } : { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const region = (m: { line: number; column: number; endLine: number; endColumn: number }) => ({
    startLine: Math.max(1, m.line),
    startColumn: Math.max(1, m.column),
    endLine: Math.max(1, m.endLine, m.line),
    endColumn: Math.max(1, m.endLine > m.line ? m.endColumn : Math.max(m.endColumn, m.column)),
  });
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of results) {
    const prints = context.fingerprints.get(result) ?? [];
    result.messages.forEach((message, i) => {
      const location = { physicalLocation: { artifactLocation: uri(result.filePath), region: region(message) } };
      if (message.ruleId === null) {
        notifications.push({ level: level(message), message: { text: message.message }, locations: [location] });
        return;
      }
      const entry: Record<string, unknown> = {
        ruleId: message.ruleId,
        level: level(message),
        message: { text: message.message },
        locations: [location],
      };
      const index = ruleIndex.get(message.ruleId);
      if (index !== undefined) entry.ruleIndex = index;
      const print = prints[i];
      if (print) entry.partialFingerprints = { 'nvcfKeylint/v1': print };
      if (message.related && message.related.length > 0) {
        entry.relatedLocations = message.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: uri(r.file), region: region(r) },
        }));
      }
      sarifResults.push(entry);
    });
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nvcf-keylint',
            version: context.version,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => {
              const docs = ruleDocsUrl(rule.meta.id);
              const source = catalogue.sourceUrl(rule.meta.source);
              return {
                id: rule.meta.id,
                name: rule.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: `${rule.meta.description}.` },
                fullDescription: { text: `${rule.meta.description}, as the NVCF Service Keys page documents (${source}).` },
                help: {
                  text: `${rule.meta.description}. Documentation: ${docs}. Source: ${source}.`,
                  markdown: `${rule.meta.description}. See [the rule's documentation](${docs}) and [the NVCF Service Keys page](${source}).`,
                },
                helpUri: docs,
                defaultConfiguration: { level: rule.meta.defaultSeverity === 'error' ? 'error' : 'warning' },
                properties: { tags: [rule.meta.type === 'problem' ? 'correctness' : 'security', 'nvcf'] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
