import { at } from './locate.js';
import { defineRule } from './rule.js';

export const manifestSchema = defineRule({
  meta: {
    id: 'manifest-schema',
    type: 'problem',
    description: 'Require key manifests to follow the nvcf-keys manifest format',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      emptyManifest: 'The manifest is empty: it needs `version: 1` and a `keys` mapping.',
      missingProperty: '{{where}} is missing the required property `{{property}}`.',
      unknownProperty: '{{where}} has an unknown property `{{property}}`.{{hint}}',
      wrongType: '{{where}} must be {{expected}}, not {{actual}}.',
      invalidValue: '{{where}} must be {{allowed}}, not {{value}}.{{hint}}',
      unsupportedVersion: 'This manifest says `version: {{value}}`; nvcf-keylint reads manifest version 1.',
      emptyList: '{{where}} must list at least one entry.',
      duplicateItem: '{{where}} lists {{value}} twice.',
      emptyText: '{{where}} must not be empty.',
      invalidKeyName:
        "Key name '{{value}}' is not valid: start with a letter or digit, then use letters, digits, '-', '_' or '.' (at most 64).",
      functionsRequired:
        "Key '{{key}}' has resource type {{resourceType}}, which grants access only to the functions it names: list them in `resource.functions` ({{format}}).",
      functionsNotAllowed:
        "Key '{{key}}' lists `resource.functions`, but its resource type {{resourceType}} is not limited to functions; functions are listed only for Function and Function Versions.",
      functionFormat: '{{where}} must be {{format}}, not {{value}}.',
      noKeys: 'The manifest declares no keys: add at least one under `keys`.',
    },
    schema: [],
    source: { ref: 'service-keys', section: 'Resource Types' },
  },
  check(context) {
    for (const manifest of context.facts.manifests) {
      for (const problem of manifest.schemaProblems) {
        context.report({
          messageId: problem.messageId as keyof typeof manifestSchema.meta.messages,
          data: problem.data,
          location: at(manifest.file, problem.range),
        });
      }
    }
  },
});

export type ManifestSchemaMessageId = keyof typeof manifestSchema.meta.messages;
