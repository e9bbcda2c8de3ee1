import { FILE, FN, rule, ruleTester } from '../support.js';

ruleTester.run('unsupported-resource-type', rule('unsupported-resource-type'), {
  valid: [
    {
      name: 'registry credentials with the All Entity key',
      filename: FILE,
      code: `
import axios from 'axios';
export const credentials = () =>
  axios.get('https://api.ngc.nvidia.com/v2/nvcf/registry-credentials', { headers: { Authorization: \`Bearer \${process.env.NVCF_PLATFORM_KEY}\` } });
`,
    },
    {
      name: 'invoking with a Function key',
      filename: FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.NVCF_API_KEY } });
`,
    },
  ],
  invalid: [
    {
      name: 'invoking with the All Entity key (the invocation host form)',
      filename: FILE,
      code: `
import got from 'got';
const key = process.env.NVCF_PLATFORM_KEY;
export const warmUp = () => got.post('https://${FN}.invocation.api.nvcf.nvidia.com/v1/models', { headers: { authorization: \`Bearer \${key}\` } });
`,
      errors: [
        {
          messageId: 'actionUnsupported',
          line: 4,
          column: 29,
          data: { key: 'platform', action: 'invoke-function', resourceType: 'All Entity', supported: 'All Functions or Function' },
        },
      ],
    },
    {
      name: 'GPU capacity with an All Functions key, through ngc and execa',
      filename: FILE,
      code: `
import { execa } from 'execa';
await execa('ngc', ['cf', 'gpu', 'capacity'], { env: { NGC_CLI_API_KEY: process.env.NVCF_RELEASE_KEY } });
`,
      errors: [{ messageId: 'actionUnsupported', line: 3, column: 7, data: { key: 'release', action: 'read-gpu-capacity', resourceType: 'All Functions', supported: 'All Entity' } }],
    },
  ],
});
