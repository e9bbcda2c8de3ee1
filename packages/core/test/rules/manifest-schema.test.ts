import { manifestSchema } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(manifestSchema, {
  valid: [
    `
    # yaml-language-server: $schema=https://nvcf-keylint.dev/schema/nvcf-keys.schema.json
    version: 1
    keys:
      ci-deployer:
        description: Deploys the chat function from CI
        env: [NVCF_DEPLOY_KEY]
        scopes: [Deploy Function, List Functions]
        resource:
          type: Function
          functions:
            - 3fa85f64-5717-4562-b3fc-2c963f66afa6
        actions: [deploy-function]
      pinned:
        scopes: [Invoke Function]
        resource:
          type: Function Versions
          functions: ["3fa85f64-5717-4562-b3fc-2c963f66afa6:0b2ff2ad-7ac4-4d2e-8f3a-4b0d6e1c2f11"]
      constructor:
        scopes: [List Clusters]
        resource: { type: All Clusters }
    `,
    {
      name: 'JSON',
      files: {
        'nvcf-keys.json': `
        {
          "version": 1,
          "keys": {
            "invoker": { "env": ["NVCF_API_KEY"], "scopes": ["Invoke Function"], "resource": { "type": "All Functions" } }
          }
        }
        `,
      },
    },
    // Anchors and aliases are YAML; a shared scope list is fine.
    `
    version: 1
    keys:
      a:
        scopes: &deploy [Deploy Function, List Functions]
        resource: { type: All Functions }
      b:
        scopes: *deploy
        resource: { type: All Functions }
    `,
  ],
  invalid: [
    {
      name: 'Function without functions',
      code: `
      version: 1
      keys:
        ci-deployer:
          scopes: [Deploy Function, List Functions]
          resource:
            type: Function
      `,
      errors: [
        {
          messageId: 'functionsRequired',
          line: 5,
          column: 5,
          message:
            "Key 'ci-deployer' has resource type Function, which grants access only to the functions it names: list them in `resource.functions` (function ids).",
        },
      ],
    },
    {
      name: 'Function Versions entries need a version; Function entries must not have one',
      code: `
      version: 1
      keys:
        pinned:
          scopes: [Invoke Function]
          resource: { type: Function Versions, functions: [fn-1] }
        whole:
          scopes: [Invoke Function]
          resource: { type: Function, functions: ["fn-1:v1"] }
      `,
      errors: [
        { messageId: 'functionFormat', line: 5, column: 54, message: "Entry 1 of `resource.functions` in key 'pinned' must be function ids with versions, as `id:version`, not 'fn-1'." },
        { messageId: 'functionFormat', line: 8, column: 45, message: "Entry 1 of `resource.functions` in key 'whole' must be function ids, not 'fn-1:v1'." },
      ],
    },
    {
      name: 'functions on a type that is not limited to functions',
      code: `
      version: 1
      keys:
        broad:
          scopes: [Invoke Function]
          resource:
            type: All Functions
            functions: [fn-1]
      `,
      errors: [{ messageId: 'functionsNotAllowed', line: 7, column: 7 }],
    },
    {
      name: 'unknown property, with a suggestion',
      code: `
      version: 1
      keys:
        invoker:
          descriptoin: Invokes the chat function
          scopes: [Invoke Function]
          resource: { type: All Functions }
      `,
      errors: [
        {
          messageId: 'unknownProperty',
          line: 4,
          column: 5,
          endColumn: 16,
          message: "Key 'invoker' has an unknown property `descriptoin`. Did you mean `description`?",
        },
      ],
    },
    {
      name: 'wrong types',
      code: `
      version: 1
      keys:
        invoker:
          scopes: Invoke Function
          env: NVCF_API_KEY
          resource: { type: All Functions }
      `,
      errors: [
        { messageId: 'wrongType', line: 4, column: 5, message: "`scopes` of key 'invoker' must be a list, not 'Invoke Function'." },
        { messageId: 'wrongType', line: 5, column: 5, message: "`env` of key 'invoker' must be a list, not 'NVCF_API_KEY'." },
      ],
    },
    {
      name: 'missing required fields',
      code: `
      version: 1
      keys:
        invoker:
          env: [NVCF_API_KEY]
      `,
      errors: [
        { messageId: 'missingProperty', line: 3, column: 3, message: "Key 'invoker' is missing the required property `resource`." },
        { messageId: 'missingProperty', line: 3, column: 3, message: "Key 'invoker' is missing the required property `scopes`." },
      ],
    },
    {
      name: 'an unknown resource type, with a suggestion',
      code: `
      version: 1
      keys:
        invoker:
          scopes: [Invoke Function]
          resource: { type: All Function }
      `,
      errors: [
        {
          messageId: 'invalidValue',
          line: 5,
          column: 17,
          message:
            "`resource.type` of key 'invoker' must be one of All Functions, Function, Function Versions, All Clusters, All Entity, not 'All Function'. Did you mean 'All Functions'?",
        },
      ],
    },
    {
      name: 'another version',
      code: `
      version: 2
      keys:
        invoker:
          scopes: [Invoke Function]
          resource: { type: All Functions }
      `,
      errors: [{ messageId: 'unsupportedVersion', line: 1, column: 1, message: 'This manifest says `version: 2`; nvcf-keylint reads manifest version 1.' }],
    },
    { name: 'an empty file', code: '', errors: [{ messageId: 'emptyManifest', line: 1, column: 1 }] },
    { name: 'only comments', code: '# keys go here\n', errors: [{ messageId: 'emptyManifest', line: 1, column: 1 }] },
    {
      name: 'no keys',
      code: `
      version: 1
      keys: {}
      `,
      errors: [{ messageId: 'noKeys', line: 2, column: 1 }],
    },
    {
      name: 'a list where the manifest is expected',
      code: `
      - version: 1
      `,
      errors: [{ messageId: 'wrongType', line: 1, column: 1, message: 'The manifest must be a mapping, not a list.' }],
    },
    {
      name: 'duplicate entries, empty lists, bad env names',
      code: `
      version: 1
      keys:
        invoker:
          env: [nvcf-api-key]
          scopes: [Invoke Function, Invoke Function]
          resource: { type: All Functions }
          actions: []
        deployer:
          scopes: []
          resource: { type: All Functions }
      `,
      errors: [
        { messageId: 'invalidValue', line: 4, column: 11, message: /must be an environment variable or CI secret name/ },
        { messageId: 'duplicateItem', line: 5, column: 31, message: "`scopes` of key 'invoker' lists 'Invoke Function' twice." },
        { messageId: 'emptyList', line: 9, column: 5, message: "`scopes` of key 'deployer' must list at least one entry." },
      ],
    },
    {
      name: 'scope and action entries that are not text',
      code: `
      version: 1
      keys:
        invoker:
          scopes: [Invoke Function, 42, null]
          resource: { type: All Functions }
          actions: [{ invoke: true }]
      `,
      errors: [
        { messageId: 'wrongType', line: 4, column: 31, message: "Entry 2 of `scopes` in key 'invoker' must be text, not 42." },
        { messageId: 'wrongType', line: 4, column: 35, message: "Entry 3 of `scopes` in key 'invoker' must be text, not empty." },
        { messageId: 'wrongType', line: 6, column: 15, message: "Entry 1 of `actions` in key 'invoker' must be text, not a mapping." },
      ],
    },
    {
      name: '__proto__ is not a key name (and pollutes nothing)',
      code: `
      version: 1
      keys:
        __proto__:
          scopes: [Invoke Function]
          resource: { type: All Functions }
      `,
      errors: [{ messageId: 'invalidKeyName', line: 3, column: 3, message: /^Key name '__proto__' is not valid/ }],
    },
    {
      name: 'JSON, located in the JSON file',
      code: {
        files: {
          'nvcf-keys.json': `
          {
            "version": 1,
            "keys": {
              "invoker": { "scopes": ["Invoke Function"], "resource": { "type": "Function" } }
            }
          }
          `,
        },
      },
      errors: [{ messageId: 'functionsRequired', line: 4, column: 49, file: 'nvcf-keys.json' }],
    },
  ],
});
