import { FILE, FN, rule, ruleTester, VERSION } from '../support.js';

ruleTester.run('undocumented-combination', rule('undocumented-combination'), {
  valid: [
    {
      name: 'a documented combination',
      filename: FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
    },
  ],
  invalid: [
    {
      name: 'queue details: the page documents no resource type',
      filename: FILE,
      code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: \`Bearer \${process.env.NVCF_QUEUE_KEY}\` } });
export const depth = () => api.get('queues/functions/${FN}').json();
`,
      errors: [{ messageId: 'actionNoRow', line: 4, column: 28, data: { key: 'monitor', action: 'get-queue-details', resourceType: 'All Functions', supported: '' } }],
    },
    {
      name: 'a Function Versions key, for a call that names no version',
      filename: FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_PINNED_KEY}\` } });
`,
      errors: [{ messageId: 'versionUnknown', line: 2, column: 7 }, { messageId: 'actionUndocumented', line: 2, column: 7 }],
    },
  ],
});
void VERSION;
