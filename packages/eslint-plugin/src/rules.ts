import { findRule, ruleDocsUrl } from '@nvcf-keylint/core';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyse } from './analysis.js';
import { CODE_RULE_IDS, MANIFEST_RULE_IDS } from './rule-ids.js';

export { CODE_RULE_IDS, MANIFEST_RULE_IDS };

/**
 * An ESLint rule is an adapter over the engine rule of the same id: same messages, same meaning.
 * It reports, at the call, what the engine found for this file. Written as a plain rule object:
 * typescript-eslint's RuleCreator deep-copies the default options for every rule on every file
 * (JSON round trip), which profiles showed as most of the plugin's cost on files without NVCF calls.
 */
function adapt(id: string): TSESLint.RuleModule<string, []> {
  const rule = findRule(id);
  if (!rule) throw new Error(`no engine rule ${id}`);
  const { meta } = rule;
  return {
    meta: {
      type: meta.type,
      docs: { description: meta.description, url: ruleDocsUrl(id) },
      messages: meta.messages,
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const report = () => {
        for (const finding of analyse(context).findings.get(id) ?? []) {
          const { line, column, endLine, endColumn } = finding.location;
          context.report({
            messageId: finding.messageId as string,
            data: finding.data ?? {},
            loc: { start: { line, column: column - 1 }, end: { line: endLine, column: endColumn - 1 } },
          });
        }
      };
      // JS/TS files end at Program; key manifests (the plugin's manifest language) at Manifest.
      return { 'Program:exit': report, 'Manifest:exit': report };
    },
  };
}

export const rules = Object.fromEntries([...new Set([...CODE_RULE_IDS, ...MANIFEST_RULE_IDS])].sort().map((id) => [id, adapt(id)]));
