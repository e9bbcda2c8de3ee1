import type { Catalogue, Rule } from '@nvcf-keylint/core';

export const CONFIG_SCHEMA_ID = 'https://nvcf-keylint.dev/schema/nvcf-keylint.config.schema.json';

/** The JSON Schema of `nvcf-keylint.config.{json,yaml}` (and `"nvcf-keylint"` in package.json). */
export function buildConfigSchema(rules: readonly Rule[], catalogue: Catalogue): Record<string, unknown> {
  const actions = catalogue.actions.map((a) => a.id);
  const argument = {
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: '^\\d+(\\.[A-Za-z_$][\\w$]*)*$' },
    ],
    description: 'The argument that holds it: its index, or `index.property` for an options object.',
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'nvcf-keylint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows (for editors).' },
      rules: {
        type: 'object',
        description: 'Severity per rule: off, warn or error. Rules not named keep their default.',
        propertyNames: { enum: rules.map((r) => r.meta.id) },
        additionalProperties: { enum: ['off', 'warn', 'error'] },
      },
      ignores: {
        type: 'array',
        description: 'Glob patterns, relative to the project, of files not to lint (node_modules and .gitignore are always honoured).',
        items: { type: 'string', minLength: 1 },
      },
      wrappers: {
        type: 'object',
        description: 'Calls through SDKs and wrappers, by dotted call path (`*` for any one segment), as in the ESLint plugin\'s settings.nvcf.wrappers.',
        additionalProperties: {
          oneOf: [
            { enum: actions },
            {
              type: 'object',
              additionalProperties: false,
              required: ['action'],
              properties: {
                action: { enum: actions },
                functionId: argument,
                versionId: argument,
                credential: { type: 'string', description: 'The env var or CI secret the wrapper takes its key from.' },
              },
            },
          ],
        },
      },
    },
  };
}
