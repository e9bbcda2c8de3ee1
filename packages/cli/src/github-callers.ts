/**
 * A reusable GitHub workflow (`on: workflow_call`) gets its secrets and inputs from the jobs that
 * call it. The calls this repository makes (`uses: ./.github/workflows/deploy.yml` in the other
 * workflows beside it) are read, so that each can be judged with the secret it passes, also when
 * only the reusable workflow is linted. Bounded: at most MAX_CALLERS files, regular files only,
 * no symbolic links, size-limited; a file that cannot be read adds no call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowCall } from '@nvcf-keylint/config-scanners';
import { hashContent } from './cache.js';
import { readContextFile } from './small-file.js';

export const MAX_CALLERS = 200;

type CallsIn = (callerFile: string, callerText: string, calledPath: string) => WorkflowCall[];

/** The calls to `file` from the workflows beside it, with a hash of what was read; `undefined` if `file` is not in `.github/workflows`. */
export async function workflowCallers(file: string, callsIn: CallsIn): Promise<{ calls: WorkflowCall[]; hash: string } | undefined> {
  const absolute = path.resolve(file);
  const directory = path.dirname(absolute);
  if (path.basename(directory) !== 'workflows' || path.basename(path.dirname(directory)) !== '.github') return undefined;
  const calledPath = `.github/workflows/${path.basename(absolute)}`;
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
