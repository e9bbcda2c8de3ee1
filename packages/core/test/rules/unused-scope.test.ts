import { unusedScope } from '@nvcf-keylint/core';
import { describe, expect, it } from 'vitest';
import { lintWithUsages, usageAt } from '../../../../test/support/rule-tester.js';

const MANIFEST = `
version: 1
keys:
  ci:
    env: [CI_KEY]
    scopes: [Deploy Function, List Functions, Delete Function, Register Function]
    resource: { type: All Functions }
    actions: [deploy-function]
  app:
    env: [APP_KEY]
    scopes: [Invoke Function, Queue Details]
    resource: { type: All Functions }
  spare:
    env: [SPARE_KEY]
    scopes: [Invoke Function, GPU Capacity]
    resource: { type: All Functions }
`;

describe('unused-scope', () => {
  it('reports scopes neither declared actions nor calls need', () => {
    expect(lintWithUsages(unusedScope, MANIFEST, [usageAt(3, 'create-function', ['CI_KEY']), usageAt(9, 'invoke-function', ['APP_KEY'])])).toEqual([
      "nvcf-keys.yaml:5:47 Key 'ci' has Delete Function, which nothing it is for needs (declared actions: deploy-function; 1 call); a key should hold only the scopes it uses.",
      "nvcf-keys.yaml:10:31 Key 'app' has Queue Details, which nothing it is for needs (1 call); a key should hold only the scopes it uses.",
    ]);
  });

  it('says nothing of a key nothing tells the purpose of', () => {
    expect(lintWithUsages(unusedScope, MANIFEST, [])).toEqual([
      "nvcf-keys.yaml:5:47 Key 'ci' has Delete Function, which nothing it is for needs (declared actions: deploy-function); a key should hold only the scopes it uses.",
      "nvcf-keys.yaml:5:64 Key 'ci' has Register Function, which nothing it is for needs (declared actions: deploy-function); a key should hold only the scopes it uses.",
    ]);
  });

  it('says nothing when a declared action is misspelt (the purpose is not fully known)', () => {
    expect(lintWithUsages(unusedScope, MANIFEST.replace('actions: [deploy-function]', 'actions: [deploy-function, delete]'), [])).toEqual([]);
  });
});
