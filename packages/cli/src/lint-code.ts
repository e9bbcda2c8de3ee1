/**
 * Lints JS/TS files with the ESLint plugin through ESLint's Node API, with a configuration of its
 * own (no user ESLint config is needed or read). ESLint and the TypeScript parser are loaded only
 * when there is code to lint, so a manifest-only run stays fast.
 */
import type { SecretOccurrence, Usage } from '@nvcf-keylint/core';
import type { Linter } from 'eslint';
import { loadEngine } from './engine.js';
import type { LintMessage, LintResult } from './results.js';

export const CODE_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx'];
export const CODE_PATTERNS = [`**/*.{${CODE_EXTENSIONS.join(',')}}`];
/** Declaration files have no calls; minified bundles are not the code people write. */
export const CODE_IGNORES = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];

export function isCodeFile(file: string): boolean {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension !== undefined && CODE_EXTENSIONS.includes(extension);
}

const PREFIX = 'nvcf-keylint/';

export interface CodeLint {
  results: LintResult[];
  /**
   * The NVCF calls and key material found in each file, for the project-wide rules, and the
   * modules of the project whose constants the file's calls were read with.
   */
  facts: Map<string, { usages: Usage[]; secrets: SecretOccurrence[]; modules: string[] }>;
}

export async function lintCode(
  files: readonly string[],
  options: { cwd: string; manifests: readonly string[]; wrappers?: Readonly<Record<string, unknown>>; severities?: Readonly<Record<string, string>> },
): Promise<CodeLint> {
  if (files.length === 0) return { results: [], facts: new Map() };
  const { ESLint, parser, plugin, recommended, collectedFacts, keepCompiledCode } = await loadEngine();
  const settings = {
    nvcf: {
      ...(options.manifests.length > 0 ? { manifest: [...options.manifests] } : {}),
      ...(options.wrappers ? { wrappers: options.wrappers } : {}),
      collectFacts: true,
    },
  };
  const base = {
    plugins: { 'nvcf-keylint': plugin },
    // The configuration file's severities apply to the code rules too.
    rules: {
      ...recommended.rules,
      ...Object.fromEntries(Object.entries(options.severities ?? {}).filter(([id]) => `${PREFIX}${id}` in recommended.rules).map(([id, level]) => [`${PREFIX}${id}`, level])),
    } as Linter.RulesRecord,
    settings,
    linterOptions: { reportUnusedDisableDirectives: 'off' as const },
  };
  const eslint = new ESLint({
    cwd: options.cwd,
    overrideConfigFile: true,
    ignore: false,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      { ...base, files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], languageOptions: { parser: parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: false } } } },
      { ...base, files: ['**/*.{jsx,tsx}'], languageOptions: { parser: parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    ],
  });
  collectedFacts.clear();
  const lintResults = await eslint.lintFiles([...files]);
  const facts = new Map([...collectedFacts].map(([file, f]) => [file, { usages: f.usages, secrets: f.secrets, modules: f.modules ?? [] }]));
  collectedFacts.clear();
  keepCompiledCode();
  const results = lintResults.map(
    (result): LintResult => ({
      filePath: result.filePath,
      messages: result.messages.map(toMessage),
      suppressedMessages: result.suppressedMessages.map((m) => ({ ...toMessage(m), suppressions: m.suppressions.map((x) => ({ kind: 'directive' as const, justification: x.justification })) })),
      errorCount: result.errorCount,
      fatalErrorCount: result.fatalErrorCount,
      warningCount: result.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    }),
  );
  return { results, facts };
}

/** An ESLint message in this CLI's terms: the same rule ids, without the plugin prefix. */
function toMessage(m: Linter.LintMessage): LintMessage {
  const message: LintMessage = {
    ruleId: m.ruleId === null ? null : m.ruleId.startsWith(PREFIX) ? m.ruleId.slice(PREFIX.length) : m.ruleId,
    severity: m.severity === 2 ? 2 : 1,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine ?? m.line,
    endColumn: m.endColumn ?? m.column,
    nodeType: null,
  };
  if (m.fatal) message.fatal = true;
  if (m.messageId !== undefined) message.messageId = m.messageId;
  return message;
}
