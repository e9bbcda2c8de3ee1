/** End-to-end: the built `nvcf-keylint` binary on the bundled examples and on bad input. */
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, ROOT, runCli, STACK_TRACE } from './support/cli.js';

const VALID = `version: 1
keys:
  invoker:
    env: [NVCF_API_KEY]
    scopes: [Invoke Function]
    resource: { type: All Functions }
`;
const FAKE_KEY = 'nvapi-EXAMPLEfakeKEYdoNotUse0000000000000000';

describe('the bundled examples', () => {
  it('clean-platform: no output, exit 0', async () => {
    const run = await runCli(['examples/clean-platform']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('broken-keys: exit 1, printing exactly what its README says', async () => {
    const run = await runCli(['examples/broken-keys']);
    const readme = readFileSync(join(ROOT, 'examples/broken-keys/README.md'), 'utf8');
    const printed = /```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(printed?.trim());
    expect(run.stderr).toBe('');
  });

  it('json output has the shape of ESLint’s json formatter', async () => {
    const run = await runCli(['examples/broken-keys', '--format', 'json']);
    const results = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(Object.keys(result!).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'].sort(),
    );
    expect(result!.filePath).toBe(join(ROOT, 'examples/broken-keys/nvcf-keys.yaml'));
    expect(result!.errorCount).toBe(7);
    expect(result!.warningCount).toBe(1);
    expect((result!.messages as unknown[])[1]).toEqual({
      ruleId: 'missing-scope',
      severity: 2,
      message: "Key 'ci-deployer' lacks the List Functions scope, which deploy-function requires.",
      messageId: 'missingScopes',
      line: 10,
      column: 15,
      endLine: 10,
      endColumn: 30,
      nodeType: null,
    });
  });
});

describe('options and exit codes', () => {
  const project = makeProject({
    'nvcf-keys.yaml': `${VALID}  monitor:\n    scopes: [Queue Details]\n    resource: { type: All Functions }\n`,
  });
  afterAll(project.cleanup);

  it('warnings alone exit 0', async () => {
    const run = await runCli([], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('undocumented-combination');
    expect(run.stdout).toContain('(0 errors, 1 warning)');
  });

  it('--max-warnings fails a run with more warnings', async () => {
    expect((await runCli(['--max-warnings', '0'], { cwd: project.dir })).code).toBe(1);
    expect((await runCli(['--max-warnings', '1'], { cwd: project.dir })).code).toBe(0);
  });

  it('--quiet drops warnings', async () => {
    const run = await runCli(['--quiet'], { cwd: project.dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('--color colours the output, and the default does not off a terminal', async () => {
    expect((await runCli(['--color'], { cwd: project.dir })).stdout).toContain('\u001b[');
    expect((await runCli([], { cwd: project.dir })).stdout).not.toContain('\u001b[');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--format', 'xml'], /Unknown format 'xml'; use one of stylish, json/],
    [['--max-warnings', 'many'], /--max-warnings takes a whole number/],
    [['does-not-exist'], /No such file or directory: does-not-exist/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await runCli(args, { cwd: project.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a named file that is neither code, a CI file, a script nor YAML/JSON is skipped with a warning, or quietly', async () => {
    const files = makeProject({
      'nvcf-keys.yaml': 'version: 1\nkeys:\n  ci:\n    env: [NGC_CLI_API_KEY]\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n',
      LICENSE: 'MIT License\n',
      'bin/list': '#!/bin/sh\nngc cf function list\n',
      'README.md': '# Deploying\n\nRun `ngc cf function list`.\n',
      'tools/invoke.py': 'import os\nprint(os.environ["NVCF_API_KEY"])\n',
    });
    try {
      const warned = await runCli(['LICENSE', 'bin/list', 'README.md', 'tools/invoke.py', '--format', 'json'], { cwd: files.dir });
      const byFile = Object.fromEntries((JSON.parse(warned.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; severity: number; message: string }> }>).map((r) => [r.filePath.replace(`${files.dir}/`, ''), r.messages]));
      for (const file of ['LICENSE', 'README.md', 'tools/invoke.py']) {
        expect(byFile[file]).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: expect.stringMatching(/^File ignored: .*--no-warn-ignored/) })]);
      }
      // The script is judged against the manifest above it, not against LICENSE read as one.
      expect(byFile['bin/list']).toEqual([expect.objectContaining({ ruleId: 'missing-scope', severity: 2 })]);
      const quiet = await runCli(['--no-warn-ignored', 'LICENSE'], { cwd: files.dir });
      expect(quiet).toMatchObject({ code: 0, stdout: '' });
    } finally {
      files.cleanup();
    }
  });

  it('--help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: nvcf-keylint \[options\] \[paths\.\.\.\]/);
    for (const option of ['--format', '--color', '--no-color', '--quiet', '--max-warnings', '--no-warn-ignored', '--help', '--version', 'explain']) {
      expect(help.stdout).toContain(option);
    }
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version);
  });
});

describe('bad input gets a diagnostic, never a stack trace', () => {
  const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
    .join('\n');
  const cases: Array<[string, string, string | Uint8Array, RegExp]> = [
    ['a YAML syntax error', 'nvcf-keys.yaml', 'version: 1\nkeys:\n  a:\n    scopes: [Invoke Function\n    resource: x\n', /^\s+5:5\s+error\s+Parsing error: .*indented/m],
    ['duplicate keys', 'nvcf-keys.yaml', `${VALID}  invoker:\n    scopes: [List Clusters]\n    resource: { type: All Clusters }\n`, /7:3\s+error\s+Parsing error: duplicate key 'invoker'/],
    ['an alias bomb', 'nvcf-keys.yaml', aliasBomb, /1:1\s+error\s+Parsing error: aliases expand to too many nodes/],
    ['binary content', 'nvcf-keys.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /1:1\s+error\s+File looks binary/],
    ['invalid UTF-8', 'nvcf-keys.yaml', new Uint8Array([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), /File is not valid UTF-8/],
    ['an empty file', 'nvcf-keys.yaml', '', /1:1\s+error\s+The manifest is empty/],
    ['__proto__ as a key name', 'nvcf-keys.yaml', 'version: 1\nkeys:\n  __proto__:\n    scopes: [Invoke Function]\n    resource: { type: All Functions }\n', /3:3\s+error\s+Key name '__proto__' is not valid/],
    ['a 10 MB file', 'nvcf-keys.yaml', `${VALID}#${'x'.repeat(10 * 1024 * 1024)}\n`, /1:1\s+error\s+File is 10\.0 MB; files larger than 4\.0 MB are not read/],
    ['10,000 levels of nesting', 'nvcf-keys.yaml', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, /nests more than 64 levels deep/],
    ['wrong types', 'nvcf-keys.json', '{"version": "1", "keys": []}', /must be a mapping, not a list/],
    ['broken JSON', 'nvcf-keys.json', '{"version": 1, "keys": {"a": }}', /1:30\s+error\s+Parsing error: invalid JSON: a value is expected/],
    ['a FIFO-free directory named like a manifest', 'nvcf-keys.yaml/README', 'not a manifest', /^$/],
  ];

  it.each(cases)('%s', async (_name, file, content, expected) => {
    const project = makeProject({ [file]: content });
    try {
      const run = await runCli(['--format', 'stylish'], { cwd: project.dir });
      expect(run.stdout).toMatch(expected);
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.code).toBe(expected.source === '^$' ? 0 : 1);
    } finally {
      project.cleanup();
    }
  });

  it('a file named on the command line that is not a regular file', async () => {
    const run = await runCli(['/dev/null']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not a regular file');
  });
});

describe('discovery', () => {
  const project = makeProject({
    'nvcf-keys.yaml': VALID,
    'services/search/search.nvcf-keys.json': JSON.stringify({ version: 1, keys: { search: { scopes: ['Register Function'], resource: { type: 'Function', functions: ['f'] } } } }),
    'node_modules/some-sdk/nvcf-keys.yaml': 'version: 2\n',
    'build/nvcf-keys.yaml': 'version: 2\n',
    '.gitignore': 'build/\n',
    'docs/keys.yaml': 'version: 2\n',
  });
  symlinkSync(project.dir, join(project.dir, 'services/loop'));
  afterAll(project.cleanup);

  it('finds manifests by name, honours .gitignore, skips node_modules and does not follow link loops', async () => {
    const run = await runCli(['--format', 'json'], { cwd: project.dir });
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    expect(files).toEqual([join(project.dir, 'nvcf-keys.yaml'), join(project.dir, 'services/search/search.nvcf-keys.json')]);
    expect(run.code).toBe(1); // Register Function with a Function key
  });

  it('lints a file named on the command line whatever its name', async () => {
    const run = await runCli(['docs/keys.yaml'], { cwd: project.dir });
    expect(run.stdout).toContain('nvcf-keylint reads manifest version 1');
  });

  it('says when there is nothing to lint', async () => {
    const empty = makeProject({ 'README.md': '# nothing here' });
    try {
      const run = await runCli([], { cwd: empty.dir });
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(/nothing to lint/);
    } finally {
      empty.cleanup();
    }
  });

  it('skips an unreadable directory, says so, and lints the rest', async () => {
    const tree = makeProject({ 'nvcf-keys.yaml': VALID, 'secret/nvcf-keys.yaml': VALID, 'secret/deeper/x.txt': '' });
    chmodSync(join(tree.dir, 'secret'), 0o000);
    try {
      const run = await runCli(['--format', 'json'], { cwd: tree.dir, unprivileged: true });
      expect(run.stderr).toMatch(/skipped secret: permission denied/);
      expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1);
      expect(run.code).toBe(0);
    } finally {
      chmodSync(join(tree.dir, 'secret'), 0o755);
      tree.cleanup();
    }
  });

  it('reports an unreadable manifest as a fatal message', async () => {
    const tree = makeProject({ 'nvcf-keys.yaml': VALID });
    chmodSync(join(tree.dir, 'nvcf-keys.yaml'), 0o000);
    try {
      const run = await runCli([], { cwd: tree.dir, unprivileged: true });
      expect(run.stdout).toMatch(/1:1\s+error\s+Could not read file: permission denied/);
      expect(run.code).toBe(1);
    } finally {
      tree.cleanup();
    }
  });
});

describe('key material is never printed', () => {
  it.each(['stylish', 'json'])('in %s output, from values, comments and parse errors', async (format) => {
    const project = makeProject({
      'nvcf-keys.yaml': `version: 1\n# ${FAKE_KEY}\nkeys:\n  invoker:\n    description: ${FAKE_KEY}\n    scopes: [${FAKE_KEY}]\n    resource: { type: All Functions }\n`,
      'broken.nvcf-keys.yaml': `version: 1\nkeys: [${FAKE_KEY}\n  : {`,
    });
    try {
      const run = await runCli(['--format', format], { cwd: project.dir });
      expect(run.stdout).toContain('hardcoded-key');
      expect(run.stdout).toContain('nvapi-****');
      expect(run.stdout + run.stderr).not.toContain('EXAMPLEfakeKEY');
    } finally {
      project.cleanup();
    }
  });
});
