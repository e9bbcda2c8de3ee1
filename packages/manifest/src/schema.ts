import type { Catalogue } from '@nvcf-keylint/core';

export const MANIFEST_SCHEMA_ID = 'https://nvcf-keylint.dev/schema/nvcf-keys.schema.json';
export const KEY_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
export const CREDENTIAL_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
export const FUNCTION_ID_PATTERN = '^[^:\\s]+$';
export const FUNCTION_VERSION_PATTERN = '^[^:\\s]+:[^:\\s]+$';

/**
 * The JSON Schema of manifest format v1, drawn from the catalogue: every scope, resource type and
 * action with its description (editors show them as completions), and the `functions` conditions.
 * ajv validates with exactly this schema; `rules/nvcf-keys.schema.json` is this, generated.
 */
export function buildManifestSchema(catalogue: Catalogue): Record<string, unknown> {
  const typesListing = (list: string) => catalogue.resourceTypes.filter((t) => t.functionList === list).map((t) => t.name);
  const functionConditions = [
    { list: 'function-ids', pattern: FUNCTION_ID_PATTERN, what: 'a function id' },
    { list: 'function-versions', pattern: FUNCTION_VERSION_PATTERN, what: 'a function id and version, as `id:version`' },
  ].map(({ list, pattern, what }) => ({
    if: { required: ['type'], properties: { type: { enum: typesListing(list) } } },
    then: {
      required: ['functions'],
      properties: { functions: { items: { pattern, description: what } } },
    },
  }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: MANIFEST_SCHEMA_ID,
    title: 'nvcf-keylint key manifest',
    description:
      "Declares a team's NGC Service Keys for NVIDIA Cloud Functions: their scopes, resource type, the functions they cover, the environment variables or CI secrets that carry them, and what each is for.",
    type: 'object',
    additionalProperties: false,
    required: ['version', 'keys'],
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows (for editors).' },
      version: { const: 1, description: 'Manifest format version. This release reads version 1.' },
      keys: {
        type: 'object',
        description: 'The Service Keys, by a name of your choosing.',
        minProperties: 1,
        propertyNames: { pattern: KEY_NAME_PATTERN },
        additionalProperties: { $ref: '#/definitions/key' },
      },
    },
    definitions: {
      scope: {
        description: 'A Service Key scope, as the NGC UI names it.',
        enum: catalogue.scopes.map((s) => s.name),
        enumDescriptions: catalogue.scopes.map((s) => s.description),
      },
      resourceType: {
        description: 'The resource type chosen when the key was created: which entities it can access.',
        enum: catalogue.resourceTypes.map((t) => t.name),
        enumDescriptions: catalogue.resourceTypes.map((t) => t.description),
      },
      action: {
        description: 'An NVCF operation this key is meant for.',
        enum: catalogue.actions.map((a) => a.id),
        enumDescriptions: catalogue.actions.map(
          (a) => `${a.title}: needs ${a.requiredScopes.join(' and ')}${a.supportedResourceTypes ? ` with ${a.supportedResourceTypes.join(', ')}` : ' (resource types undocumented)'}.`,
        ),
      },
      key: {
        type: 'object',
        additionalProperties: false,
        required: ['scopes', 'resource'],
        properties: {
          description: { type: 'string', minLength: 1, description: 'What this key is for, for people.' },
          env: {
            type: 'array',
            description: 'Environment variables and CI secret names that carry this key.',
            items: { type: 'string', pattern: CREDENTIAL_NAME_PATTERN },
            uniqueItems: true,
          },
          scopes: {
            type: 'array',
            description: 'The scopes the key was created with.',
            items: { $ref: '#/definitions/scope' },
            minItems: 1,
            uniqueItems: true,
          },
          resource: { $ref: '#/definitions/resource' },
          actions: {
            type: 'array',
            description: 'What the key is for; nvcf-keylint checks its scopes and resource type allow each.',
            items: { $ref: '#/definitions/action' },
            uniqueItems: true,
          },
        },
      },
      resource: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: { $ref: '#/definitions/resourceType' },
          functions: {
            type: 'array',
            description: `The functions the key is limited to: ids for ${typesListing('function-ids').join(', ')}, \`id:version\` for ${typesListing('function-versions').join(', ')}.`,
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            uniqueItems: true,
          },
        },
        allOf: [
          ...functionConditions,
          {
            if: { required: ['type'], properties: { type: { enum: typesListing('none') } } },
            then: { not: { required: ['functions'] } },
          },
        ],
      },
    },
  };
}
