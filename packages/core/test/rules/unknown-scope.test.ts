import { unknownScope } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(unknownScope, {
  valid: [
    `
    version: 1
    keys:
      all:
        scopes:
          - Invoke Function
          - List Functions
          - List Function Details
          - Register Function
          - Deploy Function
          - Update Function
          - Delete Function
          - Authorize Clients
          - Update Function Secrets
        resource: { type: All Functions }
    `,
  ],
  invalid: [
    {
      name: 'snake_case, kebab-case, plural and case variants',
      code: `
      version: 1
      keys:
        ci:
          scopes:
            - deploy_function
            - list-functions
            - Deploy Functions
            - list function details
          resource: { type: All Functions }
      `,
      errors: [
        { messageId: 'unknownScopeSuggest', line: 5, column: 9, endColumn: 24, message: "'deploy_function' is not an NVCF Service Key scope. Did you mean 'Deploy Function'?" },
        { messageId: 'unknownScopeSuggest', line: 6, column: 9, message: /Did you mean 'List Functions'\?/ },
        { messageId: 'unknownScopeSuggest', line: 7, column: 9, message: /Did you mean 'Deploy Function'\?/ },
        { messageId: 'unknownScopeSuggest', line: 8, column: 9, message: /Did you mean 'List Function Details'\?/ },
      ],
    },
    {
      name: 'a scope with no near match',
      code: `
      version: 1
      keys:
        admin:
          scopes: ["Administer Everything"]
          resource: { type: All Entity }
      `,
      errors: [
        {
          messageId: 'unknownScope',
          line: 4,
          column: 14,
          message: "'Administer Everything' is not an NVCF Service Key scope; use a name from the Available Scopes table.",
        },
      ],
    },
  ],
});
