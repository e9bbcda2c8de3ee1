/**
 * Whatever it is fed, nvcf-keylint never crashes, never hangs, never prints a key, never reaches
 * the network, gives the same output every time, and never leaves a half-written file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeProject, ROOT, runCli, STACK_TRACE } from './support/cli.js';

const KEY = 'nvapi-EXAMPLEfakeKEYdoNotUse000000000000000000000000';
const VALID = 'version: 1\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource: { type: All Functions }\n';

describe('hostile input', () => {
  const cases: Array<[string, string, string | Uint8Array, RegExp]> = [
    ['a 50 MB file (refused by size before it is read)', 'nvcf-keys.yaml', `${VALID}#${'x'.repeat(50 * 1024 * 1024)}\n`, /File is 50\.0 MB; files larger than 4\.0 MB are not read/],
    ['a BOM', 'nvcf-keys.yaml', `\uFEFF${VALID}  bad:\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n`, /^\s+8:14\s+error\s+Key 'bad' has Deploy Function/m],
    ['CRLF line endings', 'nvcf-keys.yaml', `${VALID}  bad:\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n`.replace(/\n/g, '\r\n'), /^\s+8:14\s+error\s+Key 'bad' has Deploy Function/m],
    ['tabs for indentation', 'nvcf-keys.yaml', 'version: 1\nkeys:\n\tci:\n\t\tscopes: [Deploy Function]\n', /3:1\s+error\s+Parsing error: Tabs are not allowed as indentation \(YAML indents with spaces, not tabs\)/],
    ['NUL bytes in a script', 'deploy.sh', 'ngc cf function list\u0000\n', /1:1\s+error\s+File looks binary/],
    ['a 1 MB line', 'nvcf-keys.yaml', `${VALID}  long:\n    description: ${'y'.repeat(1024 * 1024)}\n    scopes: [GPU Capacity]\n    resource: { type: All Functions }\n`, /^\s+9:14\s+error\s+Key 'long' has GPU Capacity, which does not work with resource type All Functions/m],
    ['regex-hostile text', 'nvcf-keys.yaml', `version: 1\nkeys:\n  ${'a'.repeat(5000)}:\n    scopes: ["${'nvapi-'.repeat(20000)}", "${'$'.repeat(20000)}", "${'{'.repeat(20000)}"]\n    resource: { type: "${' '.repeat(20000)}All Functions" }\n`, /3:3\s+error\s+Parsing error: /],
    ['a script of deep substitutions', 'deploy.sh', `${'$('.repeat(3000)}ngc cf function list${')'.repeat(3000)}\n`, /^(|[\s\S]*deploy\.sh[\s\S]*)$/],
    ['a workflow with a 1 MB run line', '.github/workflows/x.yml', `jobs:\n  a:\n    steps:\n      - run: echo ${'z'.repeat(1024 * 1024)} && ngc cf gpu ls\n`, /unknown-key/],
  ];
  it.each(cases)('%s', async (_name, file, content, expected) => {
    const project = makeProject({ [file]: content });
    try {
      const run = await runCli([], { cwd: project.dir });
      expect(run.stdout).toMatch(expected);
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect([0, 1]).toContain(run.code);
    } finally {
      project.cleanup();
    }
  }, 60_000);

  it('a FIFO is never opened, whether found or named', async () => {
    const project = makeProject({ 'nvcf-keys.yaml': VALID });
    try {
      spawnSync('mkfifo', [join(project.dir, 'x.nvcf-keys.yaml')]);
      spawnSync('mkfifo', [join(project.dir, 'deploy.sh')]);
      // Searching passes over it (it is not a regular file)...
      const found = await runCli([], { cwd: project.dir });
      expect(found).toMatchObject({ code: 0, stdout: '' });
      // ...and naming it gets a diagnostic instead of a read that would block forever.
      const named = await runCli(['x.nvcf-keys.yaml', 'deploy.sh'], { cwd: project.dir });
      expect(named.stdout).toMatch(/deploy\.sh\n\s+1:1\s+error\s+Not a regular file/);
      expect(named.stdout).toMatch(/x\.nvcf-keys\.yaml\n\s+1:1\s+error\s+Not a regular file/);
      expect(named.code).toBe(1);
    } finally {
      project.cleanup();
    }
  }, 30_000);
});

describe('key material is never printed', () => {
  const files = {
    'nvcf-keys.yaml': `version: 1\n# ${KEY}\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    description: "${KEY}"\n    scopes: [Invoke Function, ${KEY}]\n    resource: { type: All Functions }\n    actions: [${KEY}]\n`,
    'broken.nvcf-keys.yaml': `version: 1\nkeys: [${KEY}\n`,
    'src/app.ts': `const key = '${KEY}';\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: 'Bearer ${KEY}' } });\n`,
    'deploy.sh': `export NGC_CLI_API_KEY=${KEY}\nngc cf function deploy create f:v # ${KEY}\n`,
    '.github/workflows/w.yml': `env:\n  NGC_CLI_API_KEY: ${KEY}\njobs:\n  a:\n    steps:\n      - run: ngc cf gpu ls "${KEY}"\n`,
    'nvcf-keylint.config.yaml': `rules:\n  ${KEY}: warn\n`,
  };

  const commands: string[][] = [
    ...['stylish', 'json', 'sarif', 'github', 'junit'].map((f) => ['--format', f]),
    ['--fix-dry-run'],
    ['--fix-dry-run', '--format', 'json'],
    ['explain', '--key', 'invoker', '--action', KEY],
    ['explain', '--key', KEY, '--action', 'invoke-function'],
    ['explain', 'src/app.ts:2'],
    ['explain', `${KEY}:1`],
    ['init', '--output', `${KEY}.yaml`],
    [KEY],
    [`--${KEY}`],
  ];

  it.each(commands.map((c) => [c.join(' ').replace(KEY, 'KEY'), c] as const))('%s', async (_name, args) => {
    const project = makeProject(files);
    try {
      const withConfig = await runCli([...args], { cwd: project.dir });
      expect(withConfig.stdout + withConfig.stderr).not.toContain('EXAMPLEfakeKEY');
      // And without the broken configuration, so that the run goes all the way.
      rmSync(join(project.dir, 'nvcf-keylint.config.yaml'));
      const previous = process.env.NVCF_KEYLINT_DEBUG;
      process.env.NVCF_KEYLINT_DEBUG = 'cache';
      const run = await runCli([...args, '--cache'].filter((a) => args[0] !== 'explain' && args[0] !== 'init' ? true : a !== '--cache'), { cwd: project.dir });
      if (previous === undefined) delete process.env.NVCF_KEYLINT_DEBUG;
      else process.env.NVCF_KEYLINT_DEBUG = previous;
      expect(run.stdout + run.stderr).not.toContain('EXAMPLEfakeKEY');
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    } finally {
      project.cleanup();
    }
  }, 30_000);

  it('nor written by --output-file or into the baseline', async () => {
    const project = makeProject(files);
    try {
      rmSync(join(project.dir, 'nvcf-keylint.config.yaml'));
      await runCli(['--format', 'sarif', '--output-file', 'out.sarif'], { cwd: project.dir });
      await runCli(['--baseline-write', 'baseline.json'], { cwd: project.dir });
      expect(readFileSync(join(project.dir, 'out.sarif'), 'utf8')).not.toContain('EXAMPLEfakeKEY');
      expect(readFileSync(join(project.dir, 'baseline.json'), 'utf8')).not.toContain('EXAMPLEfakeKEY');
    } finally {
      project.cleanup();
    }
  });
});

describe('offline', () => {
  it('a full run over an example (code, CI files, manifest) makes no network connection', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'nvcf-keylint-net-')), 'log');
    writeFileSync(log, '');
    const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/no-network.mjs'), BIN, '--format', 'sarif', '.'], {
      cwd: join(ROOT, 'test/fixtures/ci-nvcf'),
      env: { ...process.env, NVCF_KEYLINT_NETWORK_LOG: log },
      encoding: 'utf8',
    });
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).runs[0].results.length).toBeGreaterThan(10);
    // The guard works: the same preload stops a program that does connect.
    const probe = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/no-network.mjs'), '-e', "require('node:net').connect(443, 'example.com')"], { env: { ...process.env, NVCF_KEYLINT_NETWORK_LOG: log }, encoding: 'utf8' });
    expect(probe.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/^connect /);
  });
});

describe('determinism', () => {
  it('the same input gives byte-identical output, whatever the order of the paths', async () => {
    const dir = join(ROOT, 'test/fixtures/ci-nvcf');
    const paths = ['scripts', '.github', 'nvcf-keys.yaml', 'Makefile', 'Dockerfile', '.gitlab-ci.yml', 'bin'];
    const outputs = new Set<string>();
    for (const order of [paths, [...paths].reverse(), [...paths.slice(3), ...paths.slice(0, 3)]]) {
      for (const format of ['json', 'sarif']) {
        const run = await runCli(['--format', format, ...order], { cwd: dir });
        outputs.add(`${format}:${run.stdout}`);
      }
    }
    expect(outputs.size).toBe(2);
  }, 60_000);
});

describe('fix safety', () => {
  it('a run killed during --fix leaves every manifest old or new, never partial', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nvcf-keylint-kill-'));
    try {
      const before = 'version: 1\nkeys:\n' + Array.from({ length: 400 }, (_, i) => `  k${i}:\n    scopes: [Deploy Function]  # key ${i}\n    resource: { type: All Functions }\n    actions: [deploy-function]\n`).join('');
      const names = Array.from({ length: 20 }, (_, i) => `m${i}.nvcf-keys.yaml`);
      for (const name of names) writeFileSync(join(dir, name), before);
      // What a complete --fix writes, computed on a copy.
      const reference = mkdtempSync(join(tmpdir(), 'nvcf-keylint-ref-'));
      cpSync(join(dir, names[0] as string), join(reference, 'nvcf-keys.yaml'));
      await runCli(['--fix'], { cwd: reference });
      const after = readFileSync(join(reference, 'nvcf-keys.yaml'), 'utf8');
      rmSync(reference, { recursive: true, force: true });
      expect(after).not.toBe(before);
      for (const delay of [40, 90, 150, 220, 300]) {
        for (const name of names) writeFileSync(join(dir, name), before);
        const child = spawn(process.execPath, [BIN, '--fix'], { cwd: dir, stdio: 'ignore' });
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill('SIGKILL');
        await new Promise((resolve) => child.on('exit', resolve));
        for (const name of names) expect([before, after]).toContain(readFileSync(join(dir, name), 'utf8'));
        // No temporary file is left where a reader could take it for a manifest.
        expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp') && !names.includes(f))).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

