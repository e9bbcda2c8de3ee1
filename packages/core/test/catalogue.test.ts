import { describe, expect, it } from 'vitest';
import { Catalogue, CatalogueError, loadCatalogue, type CatalogueData } from '@nvcf-keylint/core';

const catalogue = loadCatalogue();

describe('verdicts', () => {
  it.each([
    ['Invoke Function', 'All Entity', 'unsupported'],
    ['Invoke Function', 'Function', 'supported'],
    ['Invoke Function', 'Function Versions', 'undocumented'],
    ['Register Function', 'Function', 'unsupported'],
    ['Register Function', 'Function Versions', 'unsupported'],
    ['Authorize Clients', 'All Functions', 'supported'],
    ['Authorize Clients', 'Function', 'unsupported'],
    ['Authorize Clients', 'Function Versions', 'unsupported'],
    ['Authorize Clients', 'All Entity', 'unsupported'],
    ['List Clusters', 'All Clusters', 'supported'],
    ['List Clusters', 'All Functions', 'unsupported'],
    ['Deploy Function', 'All Clusters', 'unsupported'],
    ['List Functions', 'Function Versions', 'undocumented'],
    ['Queue Details', 'All Functions', 'undocumented'],
    ['GPU Capacity', 'All Entity', 'supported'],
    ['GPU Capacity', 'All Clusters', 'unsupported'],
  ])('%s with %s is %s', (scope, type, verdict) => {
    expect(catalogue.scopeVerdict(catalogue.scope(scope)!, type)).toBe(verdict);
  });

  it('lists the supported types of an action in catalogue order', () => {
    expect(catalogue.supportedTypesOf({ kind: 'action', action: catalogue.action('invoke-function')! })).toEqual(['All Functions', 'Function']);
  });

  it('cites the page section of an entry', () => {
    expect(catalogue.sourceUrl({ ref: 'service-keys', section: 'Scope Requirements' })).toBe(
      'https://docs.nvidia.com/nvcf/service-keys#scope-requirements',
    );
  });
});

describe('integrity', () => {
  const raw = (): CatalogueData => ({
    revision: catalogue.revision,
    sources: structuredClone(catalogue.sources),
    scopes: structuredClone([...catalogue.scopes]),
    resourceTypes: structuredClone([...catalogue.resourceTypes]),
    cli: structuredClone(catalogue.cli),
    http: structuredClone(catalogue.http),
    actions: structuredClone([...catalogue.actions]),
  });

  it('accepts the shipped catalogue', () => {
    expect(() => new Catalogue(raw())).not.toThrow();
  });

  it('rejects an action requiring a scope that does not exist', () => {
    const broken = raw();
    broken.actions[0]!.requiredScopes = ['Deploy Functions'];
    expect(() => new Catalogue(broken)).toThrow(CatalogueError);
  });

  it('rejects a row that claims a type its All-Entity-only scope cannot have', () => {
    const broken = raw();
    broken.actions.find((a) => a.id === 'read-gpu-quota')!.supportedResourceTypes = ['All Entity', 'All Functions'];
    expect(() => new Catalogue(broken)).toThrow(/only works with All Entity, not All Functions/);
  });

  it('rejects duplicate names', () => {
    const broken = raw();
    broken.scopes.push(structuredClone(broken.scopes[0]!));
    expect(() => new Catalogue(broken)).toThrow(/appears twice/);
  });
});
