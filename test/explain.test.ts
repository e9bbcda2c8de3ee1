/** `nvcf-keylint explain`: would this call be allowed? Answers as the page's Troubleshooting does. */
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, runCli, STACK_TRACE } from './support/cli.js';

const project = makeProject({
  'nvcf-keys.yaml': `version: 1
keys:
  ci-deployer:
    env: [NVCF_DEPLOY_KEY]
    scopes: [Deploy Function]
    resource:
      type: Function
      functions: [abc-123]
  chat-deployer:
    scopes: [Deploy Function, List Functions]
    resource:
      type: Function
      functions: [abc-123]
  platform:
    scopes: [Invoke Function, Manage Registry Credentials]
    resource: { type: All Entity }
  pinned:
    scopes: [Invoke Function]
    resource: { type: Function Versions, functions: ["abc-123:v1"] }
`,
});
afterAll(project.cleanup);

const explain = (...args: string[]) => runCli(['explain', ...args], { cwd: project.dir });

describe('explain', () => {
  it('allows a call the key can make, with the 15-minute propagation reminder', async () => {
    const run = await explain('--key', 'chat-deployer', '--action', 'deploy-function', '--function', 'abc-123:v7');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Key 'chat-deployer' (nvcf-keys.yaml) calling deploy-function on abc-123:v7: allowed");
    expect(run.stdout).toContain('up to 15 minutes to propagate');
  });

  it('gives every reason a call is denied, each with its fix', async () => {
    const run = await explain('--key', 'ci-deployer', '--action', 'deploy-function', '--function', 'xyz-789', '--format', 'json');
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { allowed: boolean; reasons: Array<{ ruleId: string; message: string; fix: string }> };
    expect(answer.allowed).toBe(false);
    expect(answer.reasons.map((r) => [r.ruleId, r.message])).toEqual([
      ['missing-scope', "Key 'ci-deployer' lacks the List Functions scope, which deploy-function requires."],
      ['function-out-of-scope', "Key 'ci-deployer' is limited to abc-123 (Function); a call for xyz-789 gets 403."],
    ]);
    for (const reason of answer.reasons) expect(reason.fix).not.toBe('');
  });

  it('denies invoking with an All Entity key', async () => {
    const run = await explain('--key', 'platform', '--action', 'invoke-function', '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      allowed: false,
      reasons: [{ ruleId: 'unsupported-resource-type', message: expect.stringContaining('use All Functions or Function') }],
    });
  });

  it('calls an undocumented combination a warning, not a denial', async () => {
    const run = await explain('--key', 'pinned', '--action', 'invoke-function', '--function', 'abc-123:v1', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ allowed: true, reasons: [{ ruleId: 'undocumented-combination' }] });
  });

  it('reminds that a Function key covers only its functions when no function is given', async () => {
    const run = await explain('--key', 'chat-deployer', '--action', 'deploy-function');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("works only for abc-123 (Function); pass --function");
  });

  it.each([
    [['--key', 'nobody', '--action', 'deploy-function'], /No key named 'nobody'\. Keys: ci-deployer, chat-deployer, platform, pinned\./],
    [['--key', 'platform', '--action', 'deploy'], /Unknown action 'deploy'\. Did you mean 'deploy-function'\?/],
    [['--key', 'platform'], /explain needs --key NAME and --action ACTION/],
    [['--key', 'platform', '--action', 'invoke-function', '--function', 'a:b:c'], /--function takes ID or ID:VERSION/],
    [['--key', 'platform', '--action', 'invoke-function', '--manifest', 'missing.yaml'], /No such file or directory: missing\.yaml/],
  ])('%j is a usage error', async (args, message) => {
    const run = await explain(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('has its own help', async () => {
    const run = await explain('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: nvcf-keylint explain --key NAME --action ACTION/);
  });
});
