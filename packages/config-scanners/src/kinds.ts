/** Which files are CI files and scripts: light enough to load on every run. */
import * as path from 'node:path';

export type ConfigKind = 'github-actions' | 'gitlab-ci' | 'shell' | 'makefile' | 'dockerfile';

/** Patterns the CLI searches directories with (extensionless scripts are told by their shebang). */
export const CONFIG_PATTERNS = [
  '**/.github/workflows/*.{yml,yaml}',
  '**/action.{yml,yaml}',
  '**/.gitlab-ci.yml',
  '**/*.gitlab-ci.yml',
  '**/.gitlab/ci/**/*.{yml,yaml}',
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
  // The usual home of files a .gitlab-ci.yml includes.
  if (/(^|\/)\.gitlab\/ci\/(.+\/)?[^/]+\.ya?ml$/.test(normalized)) return 'gitlab-ci';
  if (/\.(sh|bash)$/.test(name)) return 'shell';
  if (['Makefile', 'makefile', 'GNUmakefile'].includes(name) || name.endsWith('.mk')) return 'makefile';
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(Dockerfile|dockerfile|Containerfile)$/.test(name)) return 'dockerfile';
  if (!name.includes('.') && firstLine !== undefined && SHEBANG.test(firstLine)) return 'shell';
  return undefined;
}
