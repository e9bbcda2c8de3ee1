/**
 * `nvcf-keylint explain FILE:LINE`: the chain behind the NVCF call at that line: the call, the
 * credential it uses, the manifest key that credential names, what the call requires, the verdict
 * and the fix.
 */
import * as path from 'node:path';
import { evaluateAccess, findRule, formatMessage, keyAccessFromSpec, listPhrase, loadCatalogue, type KeySpec, type ManifestFacts, type Usage } from '@nvcf-keylint/core';

export interface UsageExplanation {
  file: string;
  line: number;
  column: number;
  call: string;
  action: string;
  target?: string;
  credentials: string[];
  key?: { name: string; file: string; line: number; scopes: string[]; resourceType: string; functions: string[] };
  requires: { scopes: string[]; resourceTypes: string[] | null };
  verdict: 'allowed' | 'denied' | 'undocumented' | 'unknown';
  reasons: Array<{ ruleId: string; message: string; fix: string }>;
}

export function explainUsages(usages: readonly Usage[], manifests: readonly ManifestFacts[], file: string, line: number): UsageExplanation[] {
  const catalogue = loadCatalogue();
  const keys = manifests.flatMap((m) => m.keys);
  return usages
    .filter((u) => path.resolve(u.file) === path.resolve(file) && u.range.line <= line && line <= u.range.endLine)
    .map((usage) => {
      const action = catalogue.action(usage.action);
      const key = usage.credentials.map((c) => keys.find((k) => k.env.some((e) => e.value === c))).find((k): k is KeySpec => k !== undefined);
      const explanation: UsageExplanation = {
        file: usage.file,
        line: usage.range.line,
        column: usage.range.column,
        call: usage.text,
        action: usage.action,
        credentials: usage.credentials,
        requires: { scopes: action?.requiredScopes ?? [], resourceTypes: action?.supportedResourceTypes ?? null },
        verdict: 'unknown',
        reasons: [],
      };
      if (usage.target) explanation.target = usage.target.versionId ? `${usage.target.functionId}:${usage.target.versionId}` : usage.target.functionId;
      const access = key && keyAccessFromSpec(catalogue, key);
      if (!key || !access || !action) return explanation;
      explanation.key = { name: key.name, file: key.file, line: key.range.line, scopes: [...access.scopes], resourceType: access.resourceType, functions: [...access.functions] };
      explanation.reasons = evaluateAccess(catalogue, access, action, usage.target).map((p) => {
        const rule = findRule(p.ruleId);
        return { ruleId: p.ruleId, message: formatMessage(rule?.meta.messages[p.messageId] ?? p.messageId, p.data), fix: p.fix };
      });
      const severities = explanation.reasons.map((r) => findRule(r.ruleId)?.meta.defaultSeverity);
      explanation.verdict = severities.includes('error') ? 'denied' : severities.length > 0 ? 'undocumented' : 'allowed';
      return explanation;
    });
}

export function formatUsageExplanation(explanation: UsageExplanation, cwd: string): string {
  const where = (file: string, line: number, column?: number) => `${path.relative(cwd, file) || file}:${line}${column === undefined ? '' : `:${column}`}`;
  const lines = [
    `${where(explanation.file, explanation.line, explanation.column)}  ${explanation.call}`,
    `  call        ${explanation.action}${explanation.target ? ` on ${explanation.target}` : ''}`,
    `  credential  ${explanation.credentials.length === 0 ? 'cannot be determined statically' : listPhrase(explanation.credentials, 'or')}`,
    `  key         ${explanation.key ? `'${explanation.key.name}' (${where(explanation.key.file, explanation.key.line)}): ${listPhrase(explanation.key.scopes)}; ${explanation.key.resourceType}${explanation.key.functions.length > 0 ? ` [${explanation.key.functions.join(', ')}]` : ''}` : 'no manifest key declares this credential'}`,
    `  requires    ${listPhrase(explanation.requires.scopes)}; ${explanation.requires.resourceTypes === null ? 'resource types undocumented' : listPhrase(explanation.requires.resourceTypes, 'or')}`,
    `  verdict     ${{ allowed: 'allowed', denied: 'denied (403)', undocumented: 'not documented either way', unknown: 'cannot be checked' }[explanation.verdict]}`,
  ];
  for (const reason of explanation.reasons) lines.push(`    ${reason.ruleId}: ${reason.message}`, `    fix: ${reason.fix}`);
  if (explanation.verdict === 'allowed') lines.push('  note        Key changes take up to 15 minutes to propagate; a 403 right after one can be the old policy.');
  return lines.join('\n');
}
