import { unsupportedResourceType } from '@nvcf-keylint/core';
import { testManifestRule } from '../../../../test/support/rule-tester.js';

testManifestRule(unsupportedResourceType, {
  valid: [
    `
    version: 1
    keys:
      platform:
        scopes: [Manage Registry Credentials, Manage Telemetries, Read GPU Quota Rule, GPU Capacity]
        resource: { type: All Entity }
      sharing:
        scopes: [Authorize Clients]
        resource: { type: All Functions }
        actions: [authorize-clients]
      clusters:
        scopes: [List Clusters]
        resource: { type: All Clusters }
    `,
  ],
  invalid: [
    {
      name: 'registry credentials with All Functions (the page’s example)',
      code: `
      version: 1
      keys:
        registry:
          scopes: [Manage Registry Credentials]
          resource:
            type: All Functions
      `,
      errors: [
        {
          messageId: 'scopeUnsupported',
          line: 4,
          column: 14,
          message: "Key 'registry' has Manage Registry Credentials, which does not work with resource type All Functions (403); it needs All Entity.",
        },
      ],
    },
    {
      name: 'Authorize Clients with Function, Function Versions and All Entity',
      code: `
      version: 1
      keys:
        a:
          scopes: [Authorize Clients]
          resource: { type: Function, functions: [fn-1] }
        b:
          scopes: [Authorize Clients]
          resource: { type: Function Versions, functions: ["fn-1:v1"] }
        c:
          scopes: [Authorize Clients]
          resource: { type: All Entity }
      `,
      errors: [
        { messageId: 'scopeUnsupported', line: 4, column: 14, message: /needs All Functions\.$/ },
        { messageId: 'scopeUnsupported', line: 7, column: 14 },
        { messageId: 'scopeUnsupported', line: 10, column: 14 },
      ],
    },
    {
      name: 'invoke with All Entity: reported once, at the scope',
      code: `
      version: 1
      keys:
        platform:
          scopes: [Invoke Function]
          resource: { type: All Entity }
          actions: [invoke-function]
      `,
      errors: [{ messageId: 'scopeUnsupported', line: 4, column: 14, message: /it needs All Functions or Function\./ }],
    },
    {
      name: 'a declared action the type does not support, when the key lacks its scope',
      code: `
      version: 1
      keys:
        platform:
          scopes: [GPU Capacity]
          resource: { type: All Entity }
          actions: [invoke-function]
      `,
      errors: [
        {
          messageId: 'actionUnsupported',
          line: 6,
          column: 15,
          message: "Key 'platform' has resource type All Entity, which invoke-function does not support (403); use All Functions or Function.",
        },
      ],
    },
    {
      name: 'GPU scopes with All Clusters',
      code: `
      version: 1
      keys:
        capacity:
          scopes: [GPU Capacity, Read GPU Quota Rule, List Clusters]
          resource: { type: All Clusters }
      `,
      errors: [
        { messageId: 'scopeUnsupported', line: 4, column: 14 },
        { messageId: 'scopeUnsupported', line: 4, column: 28 },
      ],
    },
  ],
});
