import * as fs from 'node:fs';
import type { Catalogue } from '@nvcf-keylint/core';
import type { ConfigFacts } from '@nvcf-keylint/config-scanners';
import type { ConfigKind } from '@nvcf-keylint/config-scanners/kinds';
import { describeErrno, sizeProblem } from '@nvcf-keylint/manifest';
import { hashContent, type ResultCache } from './cache.js';
import { GitlabPipelines } from './gitlab-pipeline.js';
import { workflowCallers } from './github-callers.js';
import { loadScanners, type LoadedScanners } from './scanners.js';

const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The first line of a file, for shebangs; `undefined` if it cannot be read as a regular file. */
export async function firstLine(file: string): Promise<string | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return undefined;
    handle = await fs.promises.open(file, 'r');
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0];
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** Reads and scans CI files and scripts (the scanner module is loaded only when there are some). */
export async function scanConfigFiles(files: ReadonlyArray<{ file: string; kind: ConfigKind }>, catalogue: Catalogue, cache?: ResultCache): Promise<ConfigFacts[]> {
  if (files.length === 0) return [];
  let loaded: LoadedScanners | undefined;
  let pipelines: GitlabPipelines | undefined;
  const results: ConfigFacts[] = [];
  for (const { file, kind } of files) {
    const unreadable = (message: string): ConfigFacts => ({ file, usages: [], secrets: [], problems: [{ file, range: START, message, fatal: true }] });
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) {
        results.push(unreadable('Not a regular file; only regular files are read.'));
        continue;
      }
      const tooLarge = sizeProblem(stat.size);
      if (tooLarge !== undefined) {
        results.push(unreadable(tooLarge));
        continue;
      }
      const bytes = await fs.promises.readFile(file);
      // A GitLab file is read with the global variables of the pipeline it belongs to.
      let pipeline: Awaited<ReturnType<GitlabPipelines['of']>>;
      if (kind === 'gitlab-ci') {
        loaded ??= await loadScanners();
        const { gitlabLocalIncludes } = loaded.scanners;
        pipelines ??= new GitlabPipelines((f, text) => gitlabLocalIncludes(f, text));
        pipeline = await pipelines.of(file);
      }
      // A reusable GitHub workflow or a composite action is read once per call the repository makes to it.
      let callers: Awaited<ReturnType<typeof workflowCallers>>;
      if (kind === 'github-actions' && (Buffer.from(bytes).includes('workflow_call') || Buffer.from(bytes).includes('composite'))) {
        loaded ??= await loadScanners();
        const { githubWorkflowCalls } = loaded.scanners;
        callers = await workflowCallers(file, (caller, text, called) => githubWorkflowCalls(caller, text, called));
      }
      const context = `${pipeline ? `+${pipeline.hash}` : ''}${callers ? `+${callers.hash}` : ''}`;
      const hash = cache ? `${hashContent(bytes)}${context}` : '';
      const cached = cache?.config(file, hash);
      if (cached) {
        results.push(cached);
        continue;
      }
      // The scanners (and the shell parser) load only when a file needs scanning.
      loaded ??= await loadScanners();
      const facts = loaded.scanners.scanConfigFile(file, bytes, kind, catalogue, { ...(pipeline ? { pipeline: pipeline.files } : {}), ...(callers ? { workflowCalls: callers.calls } : {}) });
      cache?.setConfig(file, hash, facts);
      results.push(facts);
    } catch (error) {
      results.push(unreadable(`Could not read file: ${describeErrno((error as NodeJS.ErrnoException).code)}.`));
    }
  }
  loaded?.keepCompiledCode();
  return results;
}
