import { hardcodedKey } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

const FAKE = 'nvapi-EXAMPLEfakeKEY000000000000000000000';

testManifestRule(hardcodedKey, {
  valid: [
    `
    version: 1
    keys:
      invoker:
        description: The key starts with nvapi- and lives in the vault.
        env: [NVCF_API_KEY]
        scopes: [Invoke Function]
        resource: { type: All Functions }
    `,
  ],
  invalid: [
    {
      name: 'in a value',
      code: `
      version: 1
      keys:
        invoker:
          description: "${FAKE}"
          scopes: [Invoke Function]
          resource: { type: All Functions }
      `,
      errors: [{ messageId: 'hardcoded', line: 4, column: 19, endColumn: 19 + FAKE.length }],
    },
    {
      name: 'in a comment',
      code: `
      version: 1
      # old key: ${FAKE}
      keys:
        invoker:
          scopes: [Invoke Function]
          resource: { type: All Functions }
      `,
      errors: [{ messageId: 'hardcoded', line: 2, column: 12 }],
    },
  ],
});
