import { unknownAction } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(unknownAction, {
  valid: [
    `
    version: 1
    keys:
      ci:
        scopes: [Deploy Function, List Functions, List Function Details]
        resource: { type: All Functions }
        actions: [deploy-function, list-functions, get-function]
    `,
  ],
  invalid: [
    {
      code: `
      version: 1
      keys:
        ci:
          scopes: [Deploy Function, List Functions]
          resource: { type: All Functions }
          actions:
            - deploy
            - Deploy Function
            - scale-function
      `,
      errors: [
        { messageId: 'unknownActionSuggest', line: 7, column: 9, message: "'deploy' is not a known NVCF action. Did you mean 'deploy-function'?" },
        { messageId: 'unknownActionSuggest', line: 8, column: 9, message: /Did you mean 'deploy-function'\?/ },
        { messageId: 'unknownAction', line: 9, column: 9, message: /^'scale-function' is not a known NVCF action; the actions are create-function, deploy-function/ },
      ],
    },
  ],
});
