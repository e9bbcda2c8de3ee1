/**
 * The pre-commit hook, driven by the real pre-commit: a commit with a bad manifest is blocked with
 * the finding printed, the corrected one goes through. The hook repository is made from this
 * working tree (.pre-commit-hooks.yaml and the bundle), and installing it needs no network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'nvcf-keylint-pre-commit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

/** The README's pre-commit snippet, pointed at the hook repository made from this tree. */
function configFromReadme(repo: string, rev: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = /<!-- snippet:pre-commit -->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!snippet) throw new Error('README has no pre-commit snippet');
  return snippet.replace(/repo: \S+/, `repo: ${repo}`).replace(/rev: \S+/, `rev: ${rev}`);
}

const BAD = 'version: 1\nkeys:\n  ci:\n    env: [NGC_CLI_API_KEY]\n    scopes: [Deploy Function]\n    resource: { type: All Functions }\n    actions: [deploy-function]\n';
const GOOD = BAD.replace('[Deploy Function]', '[Deploy Function, List Functions]');

describe('the pre-commit hook', () => {
  it('blocks a commit with a bad manifest and lets the corrected one through', () => {
    // CI installs Debian's pre-commit: there, the real one must be what runs.
    if (process.env.CI) expect(hasPreCommit, 'pre-commit is not installed').toBe(true);
    // The hook repository: what pre-commit clones.
    const hooks = join(work, 'hooks');
    cpSync(join(ROOT, 'bundle'), join(hooks, 'bundle'), { recursive: true });
    cpSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
    chmodSync(join(hooks, 'bundle/nvcf-keylint.mjs'), 0o755);
    git(hooks, 'init', '-q');
    git(hooks, 'add', '-A');
    git(hooks, 'commit', '-qm', 'hooks');
    const rev = git(hooks, 'rev-parse', 'HEAD').trim();

    const project = join(work, 'project');
    git(work, 'init', '-q', 'project');
    writeFileSync(join(project, '.pre-commit-config.yaml'), configFromReadme(hooks, rev));
    writeFileSync(join(project, 'nvcf-keys.yaml'), BAD);
    writeFileSync(join(project, 'README.md'), '# not linted\n');
    // Files without an extension are passed: a shell script is read, anything else skipped quietly.
    writeFileSync(join(project, 'LICENSE'), 'MIT License\n');
    mkdirSync(join(project, 'bin'));
    writeFileSync(join(project, 'bin/deploy'), '#!/usr/bin/env bash\nngc cf function deploy create --deployment-specification a:b:c:1:1 "$FUNCTION_ID:$VERSION_ID"\n', { mode: 0o755 });
    git(project, 'add', '-A');

    const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' };
    const commit = (message: string) =>
      hasPreCommit
        ? spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-m', message], { cwd: project, env, encoding: 'utf8' })
        : emulatePreCommit(hooks, project);
    if (hasPreCommit) execFileSync('pre-commit', ['install'], { cwd: project, env });

    const blocked = commit('bad keys');
    expect(blocked.status).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toMatch(/nvcf-keys\.yaml\n\s+7:15\s+error\s+Key 'ci' lacks the List Functions scope, which deploy-function requires\s+missing-scope/);
    expect(`${blocked.stdout}${blocked.stderr}`).toMatch(/bin\/deploy\n\s+2:1\s+error\s+Key 'ci' lacks the List Functions scope, which deploy-function requires\s+missing-scope/);
    expect(`${blocked.stdout}${blocked.stderr}`).not.toMatch(/LICENSE|ignored/);

    writeFileSync(join(project, 'nvcf-keys.yaml'), GOOD);
    git(project, 'add', '-A');
    const passed = commit('good keys');
    expect(`${passed.stdout}${passed.stderr}`).not.toMatch(/error|warning|ignored/);
    expect(passed.status).toBe(0);
    if (hasPreCommit) expect(git(project, 'log', '--oneline')).toMatch(/good keys/);
  });
});

/**
 * Without pre-commit installed (a developer machine), do what it does for a `language: script`
 * hook: pick the staged files its `files`/`exclude` patterns select and run the entry on them.
 */
function emulatePreCommit(hooks: string, project: string) {
  const definition = readFileSync(join(hooks, '.pre-commit-hooks.yaml'), 'utf8');
  const files = new RegExp(/^\s+files: (.+)$/m.exec(definition)?.[1] ?? '$^');
  const exclude = new RegExp(/^\s+exclude: (.+)$/m.exec(definition)?.[1] ?? '$^');
  const [entry, ...args] = (/^\s+entry: (.+)$/m.exec(definition)?.[1] as string).split(' ');
  const staged = git(project, 'diff', '--cached', '--name-only').split('\n').filter((f) => f !== '' && files.test(f) && !exclude.test(f));
  return spawnSync(join(hooks, entry as string), [...args, ...staged], { cwd: project, encoding: 'utf8' });
}
