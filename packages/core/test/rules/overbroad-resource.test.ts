import { overbroadResource } from '@nvcf-keylint/core';
import { describe, expect, it } from 'vitest';
import { lintWithUsages, usageAt } from '../../../../test/support/rule-tester.js';

const MANIFEST = `
version: 1
keys:
  everything:
    env: [PLATFORM_KEY]
    scopes: [Deploy Function, List Functions]
    resource: { type: All Entity }
  invoker:
    env: [NVCF_API_KEY]
    scopes: [Invoke Function]
    resource: { type: All Functions }
  registry:
    env: [REGISTRY_KEY]
    scopes: [Manage Registry Credentials]
    resource: { type: All Entity }
`;

describe('overbroad-resource', () => {
  it('suggests Function when every call targets literal functions', () => {
    expect(lintWithUsages(overbroadResource, MANIFEST, [usageAt(1, 'invoke-function', ['NVCF_API_KEY'], { functionId: 'abc-123' }), usageAt(2, 'invoke-function', ['NVCF_API_KEY'], { functionId: 'abc-123', versionId: 'v1' })])).toEqual([
      "nvcf-keys.yaml:10:23 Key 'invoker' has resource type All Functions, but everything it is for (invoke-function) works with Function limited to abc-123; a narrower key limits what a leaked key can do.",
    ]);
  });

  it('suggests the narrowest type that does everything, from All Entity', () => {
    expect(lintWithUsages(overbroadResource, MANIFEST, [usageAt(1, 'deploy-function', ['PLATFORM_KEY'], { functionId: 'f1', versionId: 'v' }), usageAt(2, 'deploy-function', ['PLATFORM_KEY'], { functionId: 'f2', versionId: 'v' })])).toEqual([
      "nvcf-keys.yaml:6:23 Key 'everything' has resource type All Entity, but everything it is for (deploy-function) works with Function limited to f1 and f2; a narrower key limits what a leaked key can do.",
    ]);
    expect(lintWithUsages(overbroadResource, MANIFEST, [usageAt(1, 'deploy-function', ['PLATFORM_KEY'])])[0]).toContain('works with All Functions;');
  });

  it('is quiet when the type does not work for something the key is for (a wrong type, not a broad one)', () => {
    // Authorize Clients works only with All Functions: All Entity is unsupported, not overbroad.
    const manifest = 'version: 1\nkeys:\n  sharing:\n    env: [SHARE_KEY]\n    scopes: [Authorize Clients]\n    resource: { type: All Entity }\n    actions: [authorize-clients]\n';
    expect(lintWithUsages(overbroadResource, manifest, [])).toEqual([]);
    // The same key for invoking as well: All Entity does not work for invoke-function either.
    expect(lintWithUsages(overbroadResource, MANIFEST.replace('[Deploy Function, List Functions]', '[Deploy Function, List Functions, Invoke Function]'), [usageAt(1, 'invoke-function', ['PLATFORM_KEY'], { functionId: 'f1' })])).toEqual([]);
  });

  it('is quiet when a call has no known target, when the type is already needed, or when nothing uses the key', () => {
    expect(lintWithUsages(overbroadResource, MANIFEST, [usageAt(1, 'invoke-function', ['NVCF_API_KEY'], { functionId: 'abc' }), usageAt(2, 'invoke-function', ['NVCF_API_KEY'])])).toEqual([]);
    expect(lintWithUsages(overbroadResource, MANIFEST, [usageAt(1, 'manage-registry-credentials', ['REGISTRY_KEY'])])).toEqual([]);
    expect(lintWithUsages(overbroadResource, MANIFEST, [])).toEqual([]);
  });
});
