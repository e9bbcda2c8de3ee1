/** The CLI lints JS/TS too, with no ESLint setup, in the same output and exit code as manifests. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, ROOT, runCli } from './support/cli.js';

const MANIFEST = `version: 1
keys:
  ci-deployer:
    env: [NGC_CLI_API_KEY]
    scopes: [Deploy Function, List Functions]
    resource: { type: All Functions }
  invoker:
    env: [NVCF_API_KEY]
    scopes: [Invoke Function]
    resource: { type: Function, functions: [abc-123] }
`;

describe('linting code from the CLI', () => {
  const project = makeProject({
    'nvcf-keys.yaml': MANIFEST,
    'src/invoke.ts': `export const go = () => fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/xyz-789', {
  method: 'POST',
  headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` },
});
`,
    'src/view.tsx': `export const View = () => <button onClick={() => fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/abc-123', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.NVCF_TOKEN } })}>go</button>;
`,
    'scripts/deploy.cjs': `require('child_process').execSync('ngc cf function deploy create fid:vid');
`,
    'src/types.d.ts': `declare const x: string;\n`,
    'dist/bundle.min.js': `fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/xyz-789',{method:'POST',headers:{Authorization:'Bearer '+process.env.NVCF_API_KEY}})`,
    'node_modules/sdk/index.js': `fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/xyz-789',{method:'POST',headers:{Authorization:'Bearer '+process.env.NVCF_API_KEY}})`,
    'src/broken.ts': `export const = ;\n`,
  });
  afterAll(project.cleanup);

  it('reports code findings beside manifest findings, with the same rule ids', async () => {
    const run = await runCli(['--format', 'json'], { cwd: project.dir });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; severity: number; fatal?: boolean }> }>;
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(project.dir.length + 1), r.messages.map((m) => [m.ruleId, m.line, m.column, m.severity])]));
    expect(byFile).toEqual({
      // deploy.cjs deploys one literal function: a Function key would do.
      'nvcf-keys.yaml': [['overbroad-resource', 6, 23, 1]],
      'scripts/deploy.cjs': [],
      'src/broken.ts': [[null, 1, 13, 2]],
      'src/invoke.ts': [['function-out-of-scope', 1, 25, 2]],
      'src/view.tsx': [['unknown-key', 1, 50, 1]],
    });
    expect(run.code).toBe(1);
  });

  it('--quiet drops code warnings too', async () => {
    const run = await runCli(['--quiet', 'src/view.tsx'], { cwd: project.dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('a file named on the command line is linted as code by its extension', async () => {
    const run = await runCli(['src/invoke.ts'], { cwd: project.dir });
    expect(run.stdout).toMatch(/src\/invoke\.ts\n\s+1:25\s+error\s+Key 'invoker' is limited to abc-123 \(Function\); a call for xyz-789 gets 403\s+function-out-of-scope/);
  });
});

describe('start-up', () => {
  it('does not load ESLint or TypeScript for a manifest-only run', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': MANIFEST });
    try {
      const main = pathToFileURL(join(ROOT, 'packages/cli/dist/main.js')).href;
      const script = `
        const { main } = await import(${JSON.stringify(main)});
        const code = await main(['.'], { cwd: ${JSON.stringify(project.dir)}, isTTY: false, stdout: () => {}, stderr: () => {} });
        const { createRequire } = await import('node:module');
        const loaded = Object.keys(createRequire(import.meta.url).cache);
        console.log(JSON.stringify({ code, eslint: loaded.some((p) => p.includes('/eslint/lib/')), typescript: loaded.some((p) => p.includes('/typescript/lib/')) }));
      `;
      const output = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      expect(JSON.parse(output)).toEqual({ code: 0, eslint: false, typescript: false });
    } finally {
      project.cleanup();
    }
  });
});

describe('ESLint directives in code', () => {
  it('are honoured by the CLI', async () => {
    const project = makeProject({
      'nvcf-keys.yaml': MANIFEST,
      'src/a.ts': `// eslint-disable-next-line nvcf-keylint/function-out-of-scope -- the partner function is being added to the key
export const go = () => fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/xyz-789', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
    });
    try {
      const run = await runCli(['--format', 'json', 'src/a.ts'], { cwd: project.dir });
      const [result] = JSON.parse(run.stdout) as Array<{ messages: unknown[]; suppressedMessages: Array<{ ruleId: string }> }>;
      expect(result?.messages).toEqual([]);
      expect(result?.suppressedMessages.map((m) => m.ruleId)).toEqual(['function-out-of-scope']);
      expect(run.code).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
