/**
 * GitLab merges `.gitlab-ci.yml` and the local files it includes (and theirs) into one pipeline:
 * every file's global `variables:` reach every job, the main file's winning. A job kept in
 * `.gitlab/ci/deploy.yml` that relies on the main file's `NGC_CLI_API_KEY: $DEPLOY_KEY` is judged
 * with that key only if the main file is read too, also when only the included file is linted
 * (a pre-commit hook passes just the changed files). So, for each GitLab CI file, the main file
 * is found (the nearest `.gitlab-ci.yml` at or above it, up to the repository root) and its
 * local includes are followed on disk.
 *
 * Bounded and defensive: at most MAX_PIPELINE_FILES files, cycles read once, symbolic links and files that
 * are not regular or too large are skipped, and a file that cannot be read adds no variables
 * (as before this existed). Remote, project and template includes are not files of this
 * repository and are not followed.
 */
import * as path from 'node:path';
import type { PipelineFile } from '@nvcf-keylint/config-scanners';
import fg from 'fast-glob';
import { hashContent } from './cache.js';
import { entryKind, findUp, readContextFile } from './small-file.js';

const MAIN_FILE = '.gitlab-ci.yml';
/** Files read for one pipeline, the main file included. */
export const MAX_PIPELINE_FILES = 50;

export interface Pipeline {
  /** In GitLab's merge order: included files before the file including them, the main file last. */
  files: PipelineFile[];
  /** Of every file's content, for result caches. */
  hash: string;
}

type IncludesOf = (file: string, text: string) => string[];

export class GitlabPipelines {
  readonly #byMainFile = new Map<string, Promise<Pipeline | undefined>>();

  constructor(readonly includesOf: IncludesOf) {}

  /** The pipeline `file` belongs to, with paths as `file` is written; `undefined` if none. */
  async of(file: string): Promise<Pipeline | undefined> {
    const absolute = path.resolve(file);
    const main = await findMainFile(path.dirname(absolute));
    if (main === undefined) return undefined;
    let loading = this.#byMainFile.get(main);
    if (!loading) {
      loading = loadPipeline(main, this.includesOf);
      this.#byMainFile.set(main, loading);
    }
    const pipeline = await loading;
    if (!pipeline?.files.some((f) => f.file === absolute)) return undefined;
    return { ...pipeline, files: pipeline.files.map((f) => (f.file === absolute ? { ...f, file } : f)) };
  }
}

/** The nearest `.gitlab-ci.yml` at or above `directory`, not looking above a repository root. */
function findMainFile(directory: string): Promise<string | undefined> {
  return findUp(directory, async (current) => {
    const candidate = path.join(current, MAIN_FILE);
    return (await entryKind(candidate)) === 'file' ? candidate : undefined;
  });
}

async function loadPipeline(main: string, includesOf: IncludesOf): Promise<Pipeline | undefined> {
  const root = path.dirname(main);
  const mainText = await readContextFile(main);
  if (mainText === undefined) return undefined;
  const files: PipelineFile[] = [];
  const seen = new Set([main]);
  const visit = async (file: string, text: string): Promise<void> => {
    for (const written of includesOf(file, text)) {
      for (const included of await expand(root, written)) {
        if (seen.has(included) || seen.size >= MAX_PIPELINE_FILES) continue;
        seen.add(included);
        const includedText = await readContextFile(included);
        if (includedText === undefined) continue;
        await visit(included, includedText);
        files.push({ file: included, text: includedText });
      }
    }
  };
  await visit(main, mainText);
  files.push({ file: main, text: mainText });
  return { files, hash: hashContent(files.map((f) => `${f.file}\0${hashContent(f.text)}`).join('\n')) };
}

/** A local include, from the project root (a leading `/` or not), glob patterns expanded. */
async function expand(root: string, written: string): Promise<string[]> {
  const pattern = written.replace(/^\/+/, '');
  if (pattern === '' || pattern.split('/').includes('..')) return [];
  try {
    const matches = await fg(pattern, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, absolute: true, suppressErrors: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    return matches.map((m) => path.normalize(m)).sort();
  } catch {
    return [];
  }
}
