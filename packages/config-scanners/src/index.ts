import * as path from 'node:path';
import { findSuppressionDirectives, loadCatalogue, type Catalogue } from '@nvcf-keylint/core';
import { decodeTextBytes } from '@nvcf-keylint/manifest';
import { scanDockerfile } from './dockerfile.js';
import type { ConfigFacts } from './facts.js';
import { scanGithubActions } from './github-actions.js';
import { scanGitlabCi } from './gitlab-ci.js';
import { scanMakefile } from './makefile.js';
import { scanShellScript } from './shell-file.js';

export type ConfigKind = 'github-actions' | 'gitlab-ci' | 'shell' | 'makefile' | 'dockerfile';

/** Patterns the CLI searches directories with (extensionless scripts are told by their shebang). */
export const CONFIG_PATTERNS = [
  '**/.github/workflows/*.{yml,yaml}',
  '**/action.{yml,yaml}',
  '**/.gitlab-ci.yml',
  '**/*.gitlab-ci.yml',
  '**/*.{sh,bash}',
  '**/{Makefile,makefile,GNUmakefile}',
  '**/*.mk',
  '**/{Dockerfile,Containerfile}',
  '**/{Dockerfile,Containerfile}.*',
  '**/*.{Dockerfile,dockerfile,Containerfile}',
  '**/!(*.*)',
];

const SHEBANG = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?)?(?:\/[^\s]*\/)?(?:bash|sh|dash|zsh|ksh)\b/;

/** What kind of CI file or script a path is; `firstLine` decides for files without an extension. */
export function configKind(file: string, firstLine?: string): ConfigKind | undefined {
  const normalized = file.split(path.sep).join('/');
  const name = path.posix.basename(normalized);
  if (/\/\.github\/workflows\/[^/]+\.ya?ml$/.test(`/${normalized}`)) return 'github-actions';
  if (name === 'action.yml' || name === 'action.yaml') return 'github-actions';
  if (name === '.gitlab-ci.yml' || name.endsWith('.gitlab-ci.yml')) return 'gitlab-ci';
  if (/\.(sh|bash)$/.test(name)) return 'shell';
  if (['Makefile', 'makefile', 'GNUmakefile'].includes(name) || name.endsWith('.mk')) return 'makefile';
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(Dockerfile|dockerfile|Containerfile)$/.test(name)) return 'dockerfile';
  if (!name.includes('.') && firstLine !== undefined && SHEBANG.test(firstLine)) return 'shell';
  return undefined;
}

const SCANNERS: Record<ConfigKind, (file: string, text: string, catalogue: Catalogue) => ConfigFacts> = {
  'github-actions': scanGithubActions,
  'gitlab-ci': scanGitlabCi,
  shell: scanShellScript,
  makefile: scanMakefile,
  dockerfile: scanDockerfile,
};

/** Scans one CI file or script; bad input becomes a fatal problem, never a throw. */
export function scanConfigFile(file: string, bytes: Uint8Array, kind: ConfigKind, catalogue: Catalogue = loadCatalogue()): ConfigFacts {
  const start = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const decoded = decodeTextBytes(bytes);
  if (!decoded.ok) return { file, usages: [], secrets: [], problems: [{ file, range: start, message: decoded.message, fatal: true }] };
  try {
    return { ...SCANNERS[kind](file, decoded.text, catalogue), suppressions: findSuppressionDirectives(file, decoded.text) };
  } catch (error) {
    const message = error instanceof RangeError ? 'the file is nested too deeply to read' : error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { file, usages: [], secrets: [], problems: [{ file, range: start, message: `Could not scan this file: ${message}.`, fatal: true }] };
  }
}

export { scanGithubActions, scanGitlabCi, scanShellScript, scanMakefile, scanDockerfile };
export { EmbeddedText } from './embedded-text.js';
export type { ConfigFacts } from './facts.js';
