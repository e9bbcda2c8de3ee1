import { describe, expect, it } from 'vitest';
import { functionOutOfScope, lint, type Usage } from '@nvcf-keylint/core';
import { readManifestText } from '@nvcf-keylint/manifest';
import { dedent } from '../../../../test/support/rule-tester.js';

// Code usages arrive with the ESLint plugin and the config scanners; the rule is exercised here
// with usage facts as those sources will produce them.
const manifest = readManifestText(
  'nvcf-keys.yaml',
  dedent(`
  version: 1
  keys:
    chat-deployer:
      env: [CHAT_DEPLOY_KEY]
      scopes: [Deploy Function, List Functions]
      resource:
        type: Function
        functions: [abc-123]
    pinned-invoker:
      env: [PINNED_KEY]
      scopes: [Invoke Function]
      resource:
        type: Function Versions
        functions: ["abc-123:v1"]
  `),
);

const usage = (credential: string, action: string, target: Usage['target']): Usage => ({
  file: 'deploy.sh',
  range: { line: 3, column: 1, endLine: 3, endColumn: 40 },
  action,
  credentials: [credential],
  target,
  text: '',
});

const run = (...usages: Usage[]) =>
  lint({ manifests: [manifest], usages, secrets: [] }, { rules: [functionOutOfScope] }).map((f) => f.message);

describe('function-out-of-scope', () => {
  it('accepts calls to the functions a key lists', () => {
    expect(run(usage('CHAT_DEPLOY_KEY', 'deploy-function', { functionId: 'abc-123', versionId: 'v9' }))).toEqual([]);
    expect(run(usage('PINNED_KEY', 'invoke-function', { functionId: 'abc-123', versionId: 'v1' }))).toEqual([]);
  });

  it('reports a call to another function (the page: abc-123 cannot deploy xyz-789)', () => {
    expect(run(usage('CHAT_DEPLOY_KEY', 'deploy-function', { functionId: 'xyz-789', versionId: 'v1' }))).toEqual([
      "Key 'chat-deployer' is limited to abc-123 (Function); a call for xyz-789:v1 gets 403.",
    ]);
  });

  it('reports another version under Function Versions', () => {
    expect(run(usage('PINNED_KEY', 'invoke-function', { functionId: 'abc-123', versionId: 'v2' }))).toHaveLength(1);
  });

  it('says nothing when the target is unknown or the credential unresolved', () => {
    expect(run(usage('CHAT_DEPLOY_KEY', 'deploy-function', undefined))).toEqual([]);
    expect(run(usage('SOMETHING_ELSE', 'deploy-function', { functionId: 'xyz-789' }))).toEqual([]);
  });

  it('points at the call, with the manifest key as related location', () => {
    const [finding] = lint(
      { manifests: [manifest], usages: [usage('CHAT_DEPLOY_KEY', 'deploy-function', { functionId: 'xyz-789' })], secrets: [] },
      { rules: [functionOutOfScope] },
    );
    expect(finding?.location).toMatchObject({ file: 'deploy.sh', line: 3, column: 1 });
    expect(finding?.related?.[0]?.location).toMatchObject({ file: 'nvcf-keys.yaml', line: 3, column: 3 });
  });
});
