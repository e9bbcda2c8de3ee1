import { unusedKey } from '@nvcf-keylint/core';
import { describe, expect, it } from 'vitest';
import { lintWithUsages, usageAt } from '../../../../test/support/rule-tester.js';

const MANIFEST = `
version: 1
keys:
  invoker:
    env: [NVCF_API_KEY]
    scopes: [Invoke Function]
    resource: { type: All Functions }
  old-deployer:
    env: [OLD_DEPLOY_KEY]
    scopes: [Deploy Function, List Functions]
    resource: { type: All Functions }
  documented-elsewhere:
    scopes: [List Clusters]
    resource: { type: All Clusters }
`;

describe('unused-key', () => {
  it('reports a key no call uses, in a project that makes calls', () => {
    expect(lintWithUsages(unusedKey, MANIFEST, [usageAt(1, 'invoke-function', ['NVCF_API_KEY'])])).toEqual([
      "nvcf-keys.yaml:7:3 Key 'old-deployer' is carried by OLD_DEPLOY_KEY, but no NVCF call in this project uses it; remove it, or it is used where nvcf-keylint does not look.",
    ]);
  });

  it('stays quiet in a manifest-only repository', () => {
    expect(lintWithUsages(unusedKey, MANIFEST, [])).toEqual([]);
  });

  it('stays quiet when a call with an unknown key could be this key’s', () => {
    expect(lintWithUsages(unusedKey, MANIFEST, [usageAt(1, 'invoke-function', ['NVCF_API_KEY']), usageAt(2, 'deploy-function', [])])).toEqual([]);
  });
});
