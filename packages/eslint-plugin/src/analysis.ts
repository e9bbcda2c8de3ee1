/**
 * One analysis per linted file, shared by every rule of the plugin: the file's NVCF usages and key
 * material, the manifests that apply, and the engine's findings for them.
 */
import { findRule, lint, loadCatalogue, type Facts, type Finding, type Rule } from '@nvcf-keylint/core';
import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { collectCodeFacts } from './detect/index.js';
import { ModuleReader, type ParseModule } from './detect/imports.js';
import { isManifestSourceCode } from './manifest-language.js';
import { CODE_RULE_IDS } from './rule-ids.js';
import { manifestsFor } from './manifests.js';
import { readSettings } from './settings.js';

export interface FileAnalysis {
  facts: Facts;
  /** Findings located in this file, by rule id. */
  findings: Map<string, Finding[]>;
}

const analyses = new WeakMap<object, FileAnalysis>();

/**
 * The facts of every file analysed while `settings.nvcf.collectFacts` is on, by file: the CLI
 * reads them after an ESLint run to join code with manifests and CI files project-wide.
 */
export const collectedFacts = new Map<string, Facts & { modules?: string[] }>();

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

let codeRuleList: Rule[] | undefined;
function codeRules(): Rule[] {
  codeRuleList ??= CODE_RULE_IDS.map((id) => findRule(id)).filter((r): r is Rule => r !== undefined);
  return codeRuleList;
}

/**
 * Parses an imported module with the parser that parses the linted file (see detect/imports.ts),
 * without type information: only the module's syntax is read.
 */
function moduleParser(context: Context): ParseModule {
  const { parser, parserOptions } = context.languageOptions as { parser?: unknown; parserOptions?: Record<string, unknown> };
  const { project: _project, projectService: _service, programs: _programs, ...options } = parserOptions ?? {};
  const parse = parser as { parseForESLint?: (text: string, options: object) => { ast: unknown }; parse?: (text: string, options: object) => unknown } | undefined;
  return (text, filePath) => {
    const settings = { ...options, ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, filePath };
    const ast = parse?.parseForESLint ? parse.parseForESLint(text, settings).ast : parse?.parse?.(text, settings);
    return ast as TSESTree.Program | undefined;
  };
}

export function analyse(context: Context): FileAnalysis {
  const { sourceCode } = context;
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  const catalogue = loadCatalogue();
  const settings = readSettings(context.settings as Record<string, unknown>);
  const file = context.filename;
  let facts: Facts;
  let modules: string[] = [];
  const manifestSource: unknown = sourceCode;
  if (isManifestSourceCode(manifestSource)) {
    // A manifest linted on its own: its keys, schema, key material and suppressions.
    const manifest = manifestSource.ast.facts;
    facts = { manifests: [manifest], usages: [], secrets: [], suppressions: manifest.suppressions ?? [] };
  } else {
    const physical = context.physicalFilename;
    const reader = new ModuleReader(moduleParser(context));
    const code = collectCodeFacts(sourceCode, file, settings, catalogue, path.isAbsolute(physical) ? { file: physical, reader } : undefined);
    const manifests = code.usages.length > 0 ? manifestsFor(file, settings.manifests, context.cwd) : [];
    facts = { manifests, usages: code.usages, secrets: code.secrets };
    modules = [...reader.files];
  }
  const findings = new Map<string, Finding[]>();
  // Most files make no NVCF call and hold no key material: nothing for the engine to judge.
  const nothingToJudge = facts.usages.length === 0 && facts.secrets.length === 0 && !isManifestSourceCode(manifestSource);
  // Code is judged by the rules that report on calls; a manifest by every rule.
  const rules = isManifestSourceCode(manifestSource) ? undefined : codeRules();
  for (const finding of nothingToJudge ? [] : lint(facts, { catalogue, ...(rules ? { rules } : {}) })) {
    if (finding.location.file !== file || finding.ruleId === null || finding.suppressed) continue;
    const list = findings.get(finding.ruleId) ?? [];
    list.push(finding);
    findings.set(finding.ruleId, list);
  }
  const analysis = { facts, findings };
  analyses.set(sourceCode, analysis);
  if (settings.collectFacts) collectedFacts.set(file, { ...facts, modules });
  return analysis;
}
