import { describe, expect, it } from 'vitest';
import { loadCatalogue, normalizeName, suggestAction, suggestScope } from '@nvcf-keylint/core';

const catalogue = loadCatalogue();

describe('scope suggestions', () => {
  it.each([
    ['deploy_function', 'Deploy Function'],
    ['deploy-function', 'Deploy Function'],
    ['DEPLOY FUNCTION', 'Deploy Function'],
    ['Deploy Functions', 'Deploy Function'],
    ['List Function', 'List Functions'],
    ['list_functions_details', 'List Function Details'],
    ['update_secrets', 'Update Function Secrets'],
    ['manage-telemetry', 'Manage Telemetries'],
    ['Manage Registry Credential', 'Manage Registry Credentials'],
  ])('%s is obviously %s', (input, expected) => {
    expect(suggestScope(catalogue, input)).toEqual({ value: expected, obvious: true });
  });

  it('suggests, without certainty, for a typo', () => {
    expect(suggestScope(catalogue, 'Deploy Fucntion')).toEqual({ value: 'Deploy Function', obvious: false });
  });

  it('suggests nothing for something unrelated', () => {
    expect(suggestScope(catalogue, 'Administer Everything')).toBeUndefined();
    expect(suggestScope(catalogue, '')).toBeUndefined();
    expect(suggestScope(catalogue, 'x'.repeat(10_000))).toBeUndefined();
  });
});

describe('action suggestions', () => {
  it.each([
    ['Deploy Function', 'deploy-function', true],
    ['deploy_function', 'deploy-function', true],
    ['deploy', 'deploy-function', false],
    ['invoke', 'invoke-function', false],
    ['list-cluster', 'list-clusters', true],
  ])('%s -> %s', (input, value, obvious) => {
    expect(suggestAction(catalogue, input)).toEqual({ value, obvious });
  });
});

describe('normalizeName', () => {
  it('folds case, separators and plurals', () => {
    expect(normalizeName('Manage_Telemetries')).toBe('manage telemetry');
    expect(normalizeName('  List--Function  Details ')).toBe('list function detail');
  });
});
