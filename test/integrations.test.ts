/**
 * Every snippet of the README's Integrations section, exercised: the GitHub Action's step, the
 * GitLab job's script, the ESLint config and the VS Code settings (through the real
 * yaml-language-server). pre-commit has a test of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, makeProject, ROOT } from './support/cli.js';
import { LspClient } from './support/lsp.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
function snippet(name: string): string {
  const text = new RegExp(`<!-- snippet:${name} -->\\n\`\`\`[a-z]+\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
  if (text === undefined) throw new Error(`README has no ${name} snippet`);
  return text;
}

const BAD_MANIFEST = 'version: 1\nkeys:\n  ci:\n    env: [NGC_CLI_API_KEY]\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n    actions: [deploy-function]\n';

describe('GitHub Actions', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    name: string;
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Array<{ id?: string; env?: Record<string, string>; run?: string; uses?: string }> };
  };

  it('the workflow snippet uses this action with inputs it has', () => {
    const workflow = parse(snippet('github-actions')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
    const step = Object.values(workflow.jobs)[0]?.steps.find((s) => s.uses?.startsWith('nvcf-keylint/nvcf-keylint@'));
    expect(step).toBeDefined();
    expect(action.name).toBe('nvcf-keylint');
    expect(Object.keys(step?.with ?? {}).every((k) => k in action.inputs)).toBe(true);
    expect(action.runs.using).toBe('composite');
  });

  it('the action’s lint step writes valid SARIF, annotates, and records the exit code', () => {
    const project = makeProject({ 'nvcf-keys.yaml': BAD_MANIFEST });
    try {
      const workflow = parse(snippet('github-actions')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
      const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...(Object.values(workflow.jobs)[0]?.steps.find((s) => s.with)?.with ?? {}) };
      const lint = action.runs.steps.find((s) => s.id === 'lint');
      // What GitHub does: expressions substituted, env set, bash run in the workspace.
      const expression = (text: string) =>
        text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => (e === 'github.action_path' ? ROOT : e.startsWith('inputs.') ? String(inputs[e.slice(7) as keyof typeof inputs] ?? '') : ''));
      const output = join(project.dir, 'github-output');
      writeFileSync(output, '');
      const env = { ...process.env, GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: ROOT, ...Object.fromEntries(Object.entries(lint?.env ?? {}).map(([k, v]) => [k, expression(v)])) };
      const run = spawnSync('bash', ['-e', '-c', expression(lint?.run ?? '')], { cwd: project.dir, env, encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^::error file=nvcf-keys\.yaml,line=7,endLine=7,col=15,endColumn=30,title=nvcf-keylint\(missing-scope\)::/m);
      expect(readFileSync(output, 'utf8')).toBe('exit-code=1\n');
      const sarif = JSON.parse(readFileSync(join(project.dir, 'nvcf-keylint.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]?.results).toHaveLength(1);
    } finally {
      project.cleanup();
    }
  });
});

describe('GitLab CI', () => {
  it('the job’s script writes a JUnit report', () => {
    const job = (parse(snippet('gitlab-ci')) as Record<string, { script: string[]; artifacts: { reports: { junit: string } } }>)['nvcf-keylint'];
    const project = makeProject({ 'nvcf-keys.yaml': BAD_MANIFEST });
    try {
      for (const line of job?.script ?? []) {
        // `npx --yes nvcf-keylint` fetches the published CLI; here it is this repository's build.
        const command = line.replace(/^npx --yes nvcf-keylint/, `node ${JSON.stringify(BIN)}`);
        const run = spawnSync('bash', ['-c', command], { cwd: project.dir, encoding: 'utf8' });
        expect(run.status).toBe(1);
      }
      const report = readFileSync(join(project.dir, job?.artifacts.reports.junit ?? ''), 'utf8');
      expect(report).toMatch(/<testcase time="0" name="org\.nvcf-keylint\.missing-scope"/);
    } finally {
      project.cleanup();
    }
  });
});

describe('ESLint', () => {
  it('the config lints code and manifests', async () => {
    // Inside the repository, so that the config's imports resolve as in a project that installed them.
    const dir = mkdtempSync(join(ROOT, 'test', '.snippet-eslint-'));
    try {
      writeFileSync(join(dir, 'eslint.config.js'), snippet('eslint'));
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(dir, 'nvcf-keys.yaml'), BAD_MANIFEST);
      writeFileSync(join(dir, 'deploy.ts'), "import { execSync } from 'node:child_process';\nexecSync('ngc cf function deploy create fn:v1' as string);\n");
      const eslint = new ESLint({ cwd: dir });
      const results = await eslint.lintFiles(['deploy.ts', 'nvcf-keys.yaml']);
      expect(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)])).toEqual([
        ['deploy.ts', ['2:1 nvcf-keylint/missing-scope']],
        ['nvcf-keys.yaml', ['7:15 nvcf-keylint/missing-scope']],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('VS Code: the YAML extension’s language server with the settings snippet', () => {
  it('validates a manifest and completes scopes from the schema', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'nvcf-keylint-vscode-'));
    mkdirSync(join(workspace, 'node_modules'));
    symlinkSync(join(ROOT, 'packages/cli'), join(workspace, 'node_modules/nvcf-keylint'));
    const settings = JSON.parse(snippet('vscode')) as { 'yaml.schemas': Record<string, string[]> };
    // The extension resolves workspace-relative schema paths before handing them to the server.
    const schemas = Object.fromEntries(Object.entries(settings['yaml.schemas']).map(([path, globs]) => [pathToFileURL(join(workspace, path)).href, globs]));
    const server = new LspClient(process.execPath, [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], {
      yaml: { schemas, validate: true, completion: true, hover: true },
    });
    try {
      await server.request('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: { workspace: { configuration: true } } });
      server.notify('initialized', {});
      server.notify('workspace/didChangeConfiguration', { settings: { yaml: { schemas, validate: true, completion: true } } });
      const uri = pathToFileURL(join(workspace, 'nvcf-keys.yaml')).href;
      const text = 'version: 1\nkeys:\n  ci:\n    scopes: [Deploy Functions]\n    resource:\n      type: All Function\n    descriptoin: x\n';
      const diagnostics = server.next<{ uri: string; diagnostics: Array<{ range: { start: { line: number } }; message: string }> }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const published = await diagnostics;
      expect(published.diagnostics.map((d) => [d.range.start.line, d.message.split('.')[0]])).toEqual([
        [3, 'Value is not accepted'],
        [5, 'Value is not accepted'],
        [6, 'Property descriptoin is not allowed'],
      ]);
      const completion = await server.request<{ items: Array<{ label: string }> } | Array<{ label: string }>>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 13 } });
      const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
      expect(labels).toEqual(expect.arrayContaining(['Deploy Function', 'List Functions', 'Manage Registry Credentials', 'GPU Capacity']));
      expect(labels).toHaveLength(15);
    } finally {
      server.close();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

