/**
 * Rule docs show, after each example's files (a manifest, code), a `console` block with an
 * nvcf-keylint command and exactly what it prints for them. `pnpm generate` runs the commands and writes their
 * output; a test fails when a doc's output differs from what the code prints now.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../packages/cli/src/main.js';

const BLOCK = /```([a-z]+)((?: [a-z]+=\S+)*)\n([\s\S]*?)```/g;

/** Where a fenced block of each language is written, unless it says `file=...`. */
const DEFAULT_FILES: Record<string, string> = {
  yaml: 'nvcf-keys.yaml',
  ts: 'src/example.ts',
  js: 'src/example.js',
};

export interface DocExample {
  /** Path (relative to the example's directory) -> content. */
  files: Map<string, string>;
  command: string[];
  /** Offsets of the console block's body in the doc. */
  start: number;
  end: number;
}

export function findDocExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let files = new Map<string, string>();
  for (const match of markdown.matchAll(BLOCK)) {
    const [, language, info, body] = match as unknown as [string, string, string, string];
    if (language !== 'console') {
      const file = /file=(\S+)/.exec(info)?.[1] ?? DEFAULT_FILES[language];
      if (file !== undefined) files.set(file, body);
      continue;
    }
    const commandLine = body.split('\n')[0] ?? '';
    if (!commandLine.startsWith('$ nvcf-keylint')) continue;
    if (files.size === 0) throw new Error(`a console block has no files before it: ${commandLine}`);
    const start = (match.index ?? 0) + match[0].indexOf('\n') + 1;
    examples.push({ files, command: commandLine.slice(2).split(/\s+/).filter((w) => w !== '').slice(1), start, end: start + body.length });
    files = new Map();
  }
  return examples;
}

/** Runs one example in a fresh directory holding its files. */
export async function renderExample(example: DocExample): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-doc-'));
  try {
    for (const [file, content] of example.files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
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
