/**
 * Rule docs show, after each example manifest, a `console` block with an nvcf-keylint command and
 * exactly what it prints for that manifest. `pnpm generate` runs the commands and writes their
 * output; a test fails when a doc's output differs from what the code prints now.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../packages/cli/src/main.js';

const BLOCK = /```(yaml|console)\n([\s\S]*?)```/g;

export interface DocExample {
  manifest: string;
  command: string[];
  /** Offsets of the console block's body in the doc. */
  start: number;
  end: number;
}

export function findDocExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let manifest: string | undefined;
  for (const match of markdown.matchAll(BLOCK)) {
    const [, language, body] = match as unknown as [string, string, string];
    if (language === 'yaml') {
      manifest = body;
      continue;
    }
    const commandLine = body.split('\n')[0] ?? '';
    if (!commandLine.startsWith('$ nvcf-keylint')) continue;
    if (manifest === undefined) throw new Error(`a console block has no manifest before it: ${commandLine}`);
    const start = (match.index ?? 0) + '```console\n'.length;
    examples.push({ manifest, command: commandLine.slice(2).split(/\s+/).filter((w) => w !== '').slice(1), start, end: start + body.length });
  }
  return examples;
}

/** Runs one example in a fresh directory holding its manifest as nvcf-keys.yaml. */
export async function renderExample(example: DocExample): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-doc-'));
  try {
    writeFileSync(join(dir, 'nvcf-keys.yaml'), example.manifest);
    let stdout = '';
    const code = await main(example.command, { cwd: dir, isTTY: false, stdout: (t) => (stdout += t), stderr: () => {} });
    const output = stdout.replace(/^\n/, '').trimEnd();
    return `${['$ nvcf-keylint', ...example.command].join(' ')}\n${output === '' ? '' : `${output}\n`}$ echo $?\n${code}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The doc with every console block re-rendered. */
export async function renderDoc(markdown: string): Promise<string> {
  let result = '';
  let last = 0;
  for (const example of findDocExamples(markdown)) {
    result += markdown.slice(last, example.start) + (await renderExample(example));
    last = example.end;
  }
  return result + markdown.slice(last);
}
