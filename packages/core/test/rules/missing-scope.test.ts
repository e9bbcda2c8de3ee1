import { missingScope } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(missingScope, {
  valid: [
    `
    version: 1
    keys:
      ci-deployer:
        description: Deploys the chat function from CI
        env: [NVCF_DEPLOY_KEY]
        scopes: [Deploy Function, List Functions]
        resource:
          type: Function
          functions: [3fa85f64-5717-4562-b3fc-2c963f66afa6]
        actions: [deploy-function]
    `,
    // No declared actions: every scope is usable through some action whose scopes are all present.
    `
    version: 1
    keys:
      reader:
        scopes: [List Functions, List Function Details]
        resource: { type: All Functions }
      invoker:
        scopes: [Invoke Function]
        resource: { type: Function, functions: [fn-1] }
    `,
    // A misspelt scope with one obvious reading is reported once, by unknown-scope, not again here.
    `
    version: 1
    keys:
      ci:
        scopes: [deploy_function, List Functions]
        resource: { type: All Functions }
        actions: [deploy-function]
    `,
  ],
  invalid: [
    {
      name: 'deploy without List Functions (the page: deploying needs both)',
      code: `
      version: 1
      keys:
        ci-deployer:
          env: [NVCF_DEPLOY_KEY]
          scopes: [Deploy Function]
          resource:
            type: All Functions
          actions: [deploy-function]
      `,
      errors: [
        {
          messageId: 'missingScopes',
          line: 8,
          column: 15,
          endColumn: 30,
          message: "Key 'ci-deployer' lacks the List Functions scope, which deploy-function requires.",
        },
      ],
    },
    {
      name: 'every missing scope is named',
      code: `
      version: 1
      keys:
        ops:
          scopes: [Register Function]
          resource: { type: All Functions }
          actions:
            - create-function
            - deploy-function
      `,
      errors: [
        {
          messageId: 'missingScopes',
          line: 8,
          column: 9,
          message: "Key 'ops' lacks the Deploy Function and List Functions scopes, which deploy-function requires.",
        },
      ],
    },
    {
      name: 'no declared actions: Deploy Function alone is useless',
      code: `
      version: 1
      keys:
        deployer:
          scopes:
            - Deploy Function
          resource: { type: Function, functions: [fn-1] }
      `,
      errors: [
        {
          messageId: 'scopeAlone',
          line: 5,
          column: 9,
          message: "Key 'deployer' has Deploy Function, but deploy-function also requires the List Functions scope; without it the key gets 403.",
        },
      ],
    },
    {
      name: 'get/list needs both listing scopes, as the page says',
      code: `
      version: 1
      keys:
        dashboard:
          scopes: [List Functions]
          resource: { type: All Functions }
          actions: [list-functions, get-function]
      `,
      errors: [
        { messageId: 'missingScopes', line: 6, column: 15, message: /List Function Details scope, which list-functions/ },
        { messageId: 'missingScopes', line: 6, column: 31, message: /List Function Details scope, which get-function/ },
      ],
    },
  ],
});
