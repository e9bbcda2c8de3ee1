import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'packages/cli/bin/nvcf-keylint.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Without the capabilities that let root ignore file permissions, so that a mode-000 directory is
 * unreadable even when the tests run as root (as CI does). Ordinary users need no help.
 */
const DROP_PERMISSION_OVERRIDE = ['--inh-caps', '-dac_override,-dac_read_search', '--bounding-set', '-dac_override,-dac_read_search', '--'];

/** Runs the built CLI (or `bin`, such as the bundle) as a user would: a child process, never through its module. */
export function runCli(args: readonly string[], options: { cwd?: string; unprivileged?: boolean; bin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const bin = options.bin ?? BIN;
  const [command, argv] =
    options.unprivileged && process.getuid?.() === 0
      ? ['setpriv', [...DROP_PERMISSION_OVERRIDE, process.execPath, bin, ...args]]
      : [process.execPath, [bin, ...args]];
  return new Promise((resolve) => {
    execFile(command as string, argv as string[], { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0', ...options.env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary project with the given files (content strings or bytes). */
export function makeProject(files: Record<string, string | Uint8Array>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a Node stack trace looks like in output. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
