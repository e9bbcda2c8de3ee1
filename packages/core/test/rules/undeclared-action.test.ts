import { lint, undeclaredAction } from '@nvcf-keylint/core';
import { readManifestText } from '@nvcf-keylint/manifest';
import { describe, expect, it } from 'vitest';
import { dedent, lintWithUsages, usageAt } from '../../../../test/support/rule-tester.js';

const MANIFEST = `
version: 1
keys:
  ci:
    env: [CI_KEY]
    scopes: [Deploy Function, List Functions, List Function Details]
    resource: { type: All Functions }
    actions: [deploy-function]
  free:
    env: [FREE_KEY]
    scopes: [Invoke Function]
    resource: { type: All Functions }
`;

describe('undeclared-action', () => {
  it('reports, once per action, a use the declared actions do not list', () => {
    expect(lintWithUsages(undeclaredAction, MANIFEST, [usageAt(1, 'deploy-function', ['CI_KEY']), usageAt(2, 'list-functions', ['CI_KEY']), usageAt(3, 'list-functions', ['CI_KEY'])])).toEqual([
      "nvcf-keys.yaml:3:3 Key 'ci' is used for list-functions, which its declared actions do not list; add it to `actions` so the manifest says what the key is for.",
    ]);
  });

  it('points at the call as a related location', () => {
    const [finding] = lint({ manifests: [readManifestText('nvcf-keys.yaml', dedent(MANIFEST))], usages: [usageAt(7, 'get-function', ['CI_KEY'])], secrets: [] }, { rules: [undeclaredAction] });
    expect(finding?.related?.[0]).toEqual({ message: 'Used for get-function here.', location: expect.objectContaining({ file: 'src/app.ts', line: 7 }) });
  });

  it('is quiet for keys that declare no actions', () => {
    expect(lintWithUsages(undeclaredAction, MANIFEST, [usageAt(1, 'invoke-function', ['FREE_KEY'])])).toEqual([]);
  });
});
