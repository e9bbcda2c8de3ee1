/**
 * The catalogue against the Service Keys page itself, cell by cell: if either changes without the
 * other, this fails.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue, matchNgcCommand } from '@nvcf-keylint/core';
import { boldNames, codeSpans, readServiceKeysPage } from '../../../test/support/service-keys-page.js';

const page = readServiceKeysPage();
const catalogue = loadCatalogue();
const typeNames = catalogue.resourceTypes.map((t) => t.name);

describe('Available Scopes table', () => {
  it('has the header the parser expects', () => {
    expect(page.availableScopes.header).toEqual(['Scope', 'Description']);
  });

  it('lists exactly the catalogue scopes, in order, with the same descriptions', () => {
    expect(page.availableScopes.rows.map(([name, description]) => ({ name, description }))).toEqual(
      catalogue.scopes.map((s) => ({ name: s.name, description: s.description })),
    );
    expect(catalogue.scopes).toHaveLength(15);
  });
});

describe('Resource Types table', () => {
  it('lists exactly the catalogue resource types, in order, with the same descriptions', () => {
    expect(page.resourceTypes.header).toEqual(['Resource Type', 'Description']);
    expect(page.resourceTypes.rows.map(([name, description]) => ({ name, description }))).toEqual(
      catalogue.resourceTypes.map((t) => ({ name: t.name, description: t.description })),
    );
    expect(catalogue.resourceTypes).toHaveLength(5);
  });
});

describe('the All Entity only list', () => {
  it('names exactly the scopes the catalogue restricts to All Entity', () => {
    const restricted = catalogue.scopes.filter((s) => s.onlyResourceTypes?.join() === 'All Entity').map((s) => s.name);
    expect([...page.allEntityOnly].sort()).toEqual([...restricted].sort());
    expect(page.allEntityOnly).toHaveLength(4);
  });

  it.each(page.allEntityOnly)('%s is unsupported under every other type', (name) => {
    const scope = catalogue.scope(name);
    expect(scope).toBeDefined();
    for (const type of typeNames) {
      expect(catalogue.scopeVerdict(scope!, type)).toBe(type === 'All Entity' ? 'supported' : 'unsupported');
    }
  });
});

describe('Scope Requirements table', () => {
  const { header, rows } = page.scopeRequirements;

  it('has the header the parser expects', () => {
    expect(header).toEqual(['Action', 'Required Scope(s)', 'Supported Entity Types', 'NGC CLI Example']);
    expect(rows.length).toBeGreaterThanOrEqual(13);
  });

  const parsed = rows.map(([row, scopes, types, cli]) => ({
    row: row as string,
    scopes: (scopes as string).split(',').map((s) => s.trim()),
    types: (types as string) === 'All Entity only' ? ['All Entity'] : (types as string).split(',').map((s) => s.trim()),
    commands: codeSpans(cli as string),
  }));

  it.each(parsed)('row "$row" agrees with its catalogue actions cell by cell', ({ row, scopes, types, commands }) => {
    const actions = catalogue.actions.filter((a) => a.matrixRow === row);
    expect(actions.length, `no catalogue action cites the row "${row}"`).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.requiredScopes).toEqual(scopes);
      expect(action.supportedResourceTypes).toEqual(types);
      for (const type of typeNames) {
        const expected = types.includes(type)
          ? 'supported'
          : type === 'Function Versions' && types.includes('Function')
            ? 'undocumented'
            : 'unsupported';
        expect(catalogue.actionVerdict(action, type), `${action.id} with ${type}`).toBe(expected);
      }
    }
    // Every CLI example in the row is recognised as one of the row's actions.
    for (const command of commands) {
      const words = command.split(/\s+/).filter((w) => w !== '...');
      expect(words[0]).toBe('ngc');
      const match = matchNgcCommand(catalogue, words.slice(1));
      expect(match?.action.id, `"${command}"`).toBeDefined();
      expect(actions.map((a) => a.id)).toContain(match?.action.id);
    }
  });

  it('gives both list-functions and get-function the "Get / List Functions" scopes', () => {
    const row = parsed.find((r) => r.row === 'Get / List Functions');
    expect(catalogue.action('list-functions')?.requiredScopes).toEqual(row?.scopes);
    expect(catalogue.action('get-function')?.requiredScopes).toEqual(row?.scopes);
  });

  it('cites a row for every catalogue action but get-queue-details', () => {
    const cited = new Set(parsed.map((r) => r.row));
    for (const action of catalogue.actions) {
      if (action.id === 'get-queue-details') expect(action.matrixRow).toBeNull();
      else expect(cited, action.id).toContain(action.matrixRow);
    }
  });

  it('has the actions the product promises', () => {
    expect(catalogue.actions.map((a) => a.id).sort()).toEqual(
      [
        'create-function',
        'deploy-function',
        'invoke-function',
        'list-functions',
        'get-function',
        'update-function',
        'delete-function',
        'update-function-secrets',
        'authorize-clients',
        'list-clusters',
        'manage-registry-credentials',
        'manage-telemetry-endpoints',
        'read-gpu-quota',
        'read-gpu-capacity',
        'get-queue-details',
      ].sort(),
    );
  });
});

describe('what the page leaves undocumented', () => {
  it('has no row naming Function Versions', () => {
    expect(page.scopeRequirements.rows.some((r) => (r[2] as string).includes('Function Versions'))).toBe(false);
  });

  it('has no row for Queue Details: every resource type is undocumented for it', () => {
    expect(page.scopeRequirements.rows.some((r) => (r[1] as string).includes('Queue Details'))).toBe(false);
    const queue = catalogue.scope('Queue Details')!;
    for (const type of typeNames) expect(catalogue.scopeVerdict(queue, type)).toBe('undocumented');
    for (const type of typeNames) expect(catalogue.actionVerdict(catalogue.action('get-queue-details')!, type)).toBe('undocumented');
  });
});

describe('Troubleshooting', () => {
  it('restricts Authorize Clients to All Functions, as the page says', () => {
    const passage = page.troubleshooting.get('Authorize Clients used with a non-All Functions resource type');
    expect(passage).toMatch(/only supports the \*\*All Functions\*\* resource type/);
    const [scope, only, ...rejected] = boldNames(passage!);
    expect(scope).toBe('Authorize Clients');
    expect(catalogue.scope(scope!)?.onlyResourceTypes).toEqual([only]);
    for (const type of rejected) expect(catalogue.scopeVerdict(catalogue.scope(scope!)!, type)).toBe('unsupported');
  });

  it('requires Deploy Function and List Functions for deploying', () => {
    const passage = page.troubleshooting.get('Deploying a function requires both Deploy Function and List Functions scopes');
    const names = boldNames(passage!);
    expect(names).toContain('Deploy Function');
    expect(names).toContain('List Functions');
    expect(catalogue.action('deploy-function')?.requiredScopes).toEqual(expect.arrayContaining(['Deploy Function', 'List Functions']));
  });

  it('rejects Manage Registry Credentials with All Functions', () => {
    const passage = page.troubleshooting.get('Resource type is incompatible with the scope');
    expect(boldNames(passage!)).toEqual(expect.arrayContaining(['Manage Registry Credentials', 'All Functions', 'All Entity']));
    expect(catalogue.scopeVerdict(catalogue.scope('Manage Registry Credentials')!, 'All Functions')).toBe('unsupported');
  });

  it('gives the 15-minute propagation delay the explain command repeats', () => {
    expect(page.troubleshooting.get('Recently updated key still returning 403')).toMatch(/up to \*\*15 minutes\*\*/);
  });
});
