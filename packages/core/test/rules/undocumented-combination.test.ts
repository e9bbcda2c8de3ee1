import { undocumentedCombination } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(undocumentedCombination, {
  valid: [
    `
    version: 1
    keys:
      invoker:
        scopes: [Invoke Function]
        resource: { type: Function, functions: [fn-1] }
        actions: [invoke-function]
    `,
    // Unsupported is not undocumented: Register Function with Function Versions is a plain 403.
    `
    version: 1
    keys:
      creator:
        scopes: [Register Function]
        resource: { type: Function Versions, functions: ["fn-1:v1"] }
    `,
  ],
  invalid: [
    {
      name: 'Queue Details: the page gives it no row',
      code: `
      version: 1
      keys:
        monitor:
          scopes: [Queue Details]
          resource: { type: All Functions }
          actions: [get-queue-details]
      `,
      errors: [
        {
          messageId: 'scopeNoRow',
          line: 4,
          column: 14,
          message: "The Service Keys page does not say which resource types Queue Details works with (key 'monitor' uses All Functions).",
        },
      ],
    },
    {
      name: 'Function Versions where Function is supported',
      code: `
      version: 1
      keys:
        pinned-invoker:
          scopes: [Invoke Function]
          resource:
            type: Function Versions
            functions: ["fn-1:v1"]
      `,
      errors: [
        {
          messageId: 'scopeUndocumented',
          line: 4,
          column: 14,
          message:
            "The Service Keys page does not say whether Invoke Function works with resource type Function Versions (key 'pinned-invoker'); it documents All Functions or Function.",
        },
      ],
    },
    {
      name: 'a declared action with no scope of its own on the key',
      code: `
      version: 1
      keys:
        pinned:
          scopes: [Update Function]
          resource: { type: Function Versions, functions: ["fn-1:v1"] }
          actions: [update-function, delete-function]
      `,
      errors: [
        { messageId: 'scopeUndocumented', line: 4, column: 14 },
        { messageId: 'actionUndocumented', line: 6, column: 32 },
      ],
    },
  ],
});
