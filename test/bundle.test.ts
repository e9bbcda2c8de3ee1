/**
 * bundle/ (what the pre-commit hook and the GitHub Action run) is built from the current sources:
 * rebuilt here and compared file by file. Run `pnpm bundle` after changing the code. And it does
 * what the unbundled CLI does, with its compile cache cold, warm, or turned off.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { bundle } from '../scripts/bundle.mjs';
import { makeProject, ROOT, runCli } from './support/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

it('bundle/ is up to date with the sources (run `pnpm bundle`)', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'nvcf-keylint-bundle-'));
  try {
    await bundle(fresh);
    const committed = join(ROOT, 'bundle');
    expect(files(committed)).toEqual(files(fresh));
    for (const file of files(fresh)) {
      expect(readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))), relative(ROOT, join(committed, file))).toBe(true);
    }
    expect(statSync(join(committed, 'nvcf-keylint.mjs')).mode & 0o111).not.toBe(0);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}, 120_000);

const BUNDLE = join(ROOT, 'bundle/nvcf-keylint.mjs');
const runBundle = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) => runCli(args, { cwd, bin: BUNDLE, env });

it('the bundle finds what the unbundled CLI finds, with its compile cache cold, warm or off', async () => {
  const project = makeProject({
    'nvcf-keys.yaml': 'version: 1\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource: { type: Function, functions: [abc-123] }\n',
    'src/invoke.ts': "export const go = (id: string) => fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/xyz-789', {\n  method: 'POST',\n  headers: { Authorization: `Bearer ${process.env.NVCF_API_KEY}` },\n});\n",
    'src/view.tsx': 'export const View = () => <b>{String(1)}</b>;\n',
    '.github/workflows/deploy.yml': 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ngc cf function deploy create fid:vid\n        env: { NGC_CLI_API_KEY: ${{ secrets.NVCF_API_KEY }} }\n',
  });
  const cache = mkdtempSync(join(tmpdir(), 'nvcf-keylint-bundle-cache-'));
  try {
    const expected = await runCli(['--format', 'json'], { cwd: project.dir });
    expect(JSON.parse(expected.stdout).flatMap((r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId))).toContain('function-out-of-scope');
    const cold = await runBundle(['--format', 'json'], project.dir, { NODE_COMPILE_CACHE: cache });
    const kept = readdirSync(join(cache, 'nvcf-keylint')).sort();
    expect(kept.map((f) => f.replace(/-[0-9a-f]{16}\./, '-*.'))).toEqual(['cli.cjs-*.v8cache', 'engine.cjs-*.v8cache', 'scanners.cjs-*.v8cache']);
    const warm = await runBundle(['--format', 'json'], project.dir, { NODE_COMPILE_CACHE: cache });
    expect(readdirSync(join(cache, 'nvcf-keylint')).sort()).toEqual(kept);
    const off = await runBundle(['--format', 'json'], project.dir, { NODE_COMPILE_CACHE: join(cache, 'unused'), NODE_DISABLE_COMPILE_CACHE: '1' });
    for (const run of [cold, warm, off]) expect(run).toEqual(expected);
    expect(readdirSync(cache)).toEqual(['nvcf-keylint']);
  } finally {
    project.cleanup();
    rmSync(cache, { recursive: true, force: true });
  }
}, 60_000);
