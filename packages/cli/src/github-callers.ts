/**
 * A reusable GitHub workflow (`on: workflow_call`) gets its secrets and inputs from the jobs that
 * call it, and a composite action (`action.yml`) its inputs from the steps that use it. The calls
 * this repository's workflows make (`uses: ./.github/workflows/deploy.yml`,
 * `uses: ./.github/actions/deploy`) are read, so that each can be judged with the secret it
 * passes, also when only the called file is linted. Bounded: at most MAX_CALLERS files, regular
 * files only, no symbolic links, size-limited; a file that cannot be read adds no call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowCall } from '@nvcf-keylint/config-scanners';
import { hashContent } from './cache.js';
import { entryKind, findUp, readContextFile } from './small-file.js';

export const MAX_CALLERS = 200;

type CallsIn = (callerFile: string, callerText: string, calledPath: string) => WorkflowCall[];

/**
 * The calls to `file` (a workflow in `.github/workflows`, or an `action.yml`) from the repository's
 * workflows, with a hash of what was read; `undefined` when `file` is neither or no workflows
 * directory is found.
 */
export async function workflowCallers(file: string, callsIn: CallsIn): Promise<{ calls: WorkflowCall[]; hash: string } | undefined> {
  const absolute = path.resolve(file);
  const called = await calledAs(absolute);
  if (!called) return undefined;
  const { directory, calledPath } = called;
  let names: string[];
  try {
    names = (await fs.promises.readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort().slice(0, MAX_CALLERS);
  } catch {
    return undefined;
  }
  const calls: WorkflowCall[] = [];
  const read: string[] = [];
  for (const name of names) {
    const caller = path.join(directory, name);
    if (caller === absolute) continue;
    const text = await readContextFile(caller);
    if (text === undefined || !text.includes(calledPath)) continue;
    read.push(`${name}\0${hashContent(text)}`);
    calls.push(...callsIn(caller, text, calledPath));
  }
  return { calls, hash: hashContent(read.join('\n')) };
}

/** How workflows refer to `file`, from the repository root, and where those workflows are. */
async function calledAs(file: string): Promise<{ directory: string; calledPath: string } | undefined> {
  const parent = path.dirname(file);
  if (path.basename(parent) === 'workflows' && path.basename(path.dirname(parent)) === '.github') {
    return { directory: parent, calledPath: `.github/workflows/${path.basename(file)}` };
  }
  if (!/^action\.ya?ml$/.test(path.basename(file))) return undefined;
  // The repository root: the nearest directory above with .github/workflows.
  return findUp(parent, async (root) => {
    const workflows = path.join(root, '.github', 'workflows');
    return (await entryKind(workflows)) === 'directory' ? { directory: workflows, calledPath: path.relative(root, parent).split(path.sep).join('/') } : undefined;
  });
}
