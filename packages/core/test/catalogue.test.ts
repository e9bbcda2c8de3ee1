import { describe, expect, it } from 'vitest';
import { Catalogue, CatalogueError, loadCatalogue, type CatalogueData } from '@nvcf-keylint/core';

const catalogue = loadCatalogue();

/** A copy of the shipped catalogue's data, to build fresh or broken catalogues from. */
const raw = (): CatalogueData => ({
  revision: catalogue.revision,
  sources: structuredClone(catalogue.sources),
  scopes: structuredClone([...catalogue.scopes]),
  resourceTypes: structuredClone([...catalogue.resourceTypes]),
  cli: structuredClone(catalogue.cli),
  http: structuredClone(catalogue.http),
  actions: structuredClone([...catalogue.actions]),
});


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

  it('gives the same verdict when asked again (verdicts are remembered) and for unknown types', () => {
    for (const scope of catalogue.scopes) {
      for (const type of [...catalogue.resourceTypes.map((t) => t.name), 'No Such Type']) {
        const first = catalogue.scopeVerdict(scope, type);
        expect(catalogue.scopeVerdict(scope, type)).toBe(first);
        expect(new Catalogue(raw()).scopeVerdict(scope, type)).toBe(first);
      }
    }
  });

  it('hands back its own copy of a name it knows, and other text as it is', () => {
    const read = ['Deploy', 'Function'].join(' ');
    expect(catalogue.knownName(read)).toBe('Deploy Function');
    expect(catalogue.knownName('invoke-function')).toBe('invoke-function');
    expect(catalogue.knownName('All Entity')).toBe('All Entity');
    expect(catalogue.knownName('deploy function')).toBe('deploy function');
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
