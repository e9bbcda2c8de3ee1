import { duplicateCredential } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(duplicateCredential, {
  valid: [
    `
    version: 1
    keys:
      invoker:
        env: [NVCF_API_KEY, INVOKE_KEY]
        scopes: [Invoke Function]
        resource: { type: All Functions }
      deployer:
        env: [NGC_CLI_API_KEY]
        scopes: [Deploy Function, List Functions]
        resource: { type: All Functions }
    `,
  ],
  invalid: [
    {
      code: `
      version: 1
      keys:
        invoker:
          env: [NGC_API_KEY]
          scopes: [Invoke Function]
          resource: { type: All Functions }
        deployer:
          env:
            - NGC_CLI_API_KEY
            - NGC_API_KEY
          scopes: [Deploy Function, List Functions]
          resource: { type: All Functions }
      `,
      errors: [
        {
          messageId: 'duplicate',
          line: 10,
          column: 9,
          message:
            "'NGC_API_KEY' is claimed by key 'deployer' and already by key 'invoker'; one credential carries one key, so calls through it cannot be checked.",
        },
      ],
    },
    {
      name: 'across manifests of one project',
      code: {
        files: {
          'services/chat/nvcf-keys.yaml': `
          version: 1
          keys:
            chat-invoker:
              env: [NVCF_API_KEY]
              scopes: [Invoke Function]
              resource: { type: All Functions }
          `,
          'services/search/nvcf-keys.yaml': `
          version: 1
          keys:
            search-invoker:
              env: [NVCF_API_KEY]
              scopes: [Invoke Function]
              resource: { type: All Functions }
          `,
        },
      },
      errors: [{ messageId: 'duplicate', line: 4, column: 11, file: 'services/search/nvcf-keys.yaml' }],
    },
  ],
});
