import { findSuppressionDirectives, loadCatalogue, type Catalogue } from '@nvcf-keylint/core';
import { decodeTextBytes } from '@nvcf-keylint/manifest';
import { scanDockerfile } from './dockerfile.js';
import type { ConfigFacts } from './facts.js';
import { githubWorkflowCalls, scanGithubActions, type WorkflowCall } from './github-actions.js';
import { gitlabLocalIncludes, scanGitlabCi, type PipelineFile } from './gitlab-ci.js';
import { scanMakefile } from './makefile.js';
import { scanShellScript } from './shell-file.js';
import type { ConfigKind } from './kinds.js';

export interface ScanOptions {
  /** For a GitLab CI file: the pipeline files whose global variables apply (see scanGitlabCi). */
  pipeline?: readonly PipelineFile[];
  /** For a reusable GitHub workflow: the calls this repository makes to it (see scanGithubActions). */
  workflowCalls?: readonly WorkflowCall[];
}

const SCANNERS: Record<ConfigKind, (file: string, text: string, catalogue: Catalogue, options: ScanOptions) => ConfigFacts> = {
  'github-actions': (file, text, catalogue, options) => scanGithubActions(file, text, catalogue, options.workflowCalls),
  'gitlab-ci': (file, text, catalogue, options) => scanGitlabCi(file, text, catalogue, options.pipeline),
  shell: scanShellScript,
  makefile: scanMakefile,
  dockerfile: scanDockerfile,
};

/** Scans one CI file or script; bad input becomes a fatal problem, never a throw. */
export function scanConfigFile(file: string, bytes: Uint8Array, kind: ConfigKind, catalogue: Catalogue = loadCatalogue(), options: ScanOptions = {}): ConfigFacts {
  const start = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const decoded = decodeTextBytes(bytes);
  if (!decoded.ok) return { file, usages: [], secrets: [], problems: [{ file, range: start, message: decoded.message, fatal: true }] };
  try {
    return { ...SCANNERS[kind](file, decoded.text, catalogue, options), suppressions: findSuppressionDirectives(file, decoded.text) };
  } catch (error) {
    const message = error instanceof RangeError ? 'the file is nested too deeply to read' : error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { file, usages: [], secrets: [], problems: [{ file, range: start, message: `Could not scan this file: ${message}.`, fatal: true }] };
  }
}

export { scanGithubActions, scanGitlabCi, scanShellScript, scanMakefile, scanDockerfile, gitlabLocalIncludes, githubWorkflowCalls, type PipelineFile, type WorkflowCall };
export { configKind, CONFIG_PATTERNS, type ConfigKind } from './kinds.js';
export { EmbeddedText } from './embedded-text.js';
export type { ConfigFacts } from './facts.js';
