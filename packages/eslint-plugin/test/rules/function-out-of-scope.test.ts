import { FILE, FN, rule, ruleTester, VERSION } from '../support.js';

const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

ruleTester.run('function-out-of-scope', rule('function-out-of-scope'), {
  valid: [
    {
      name: 'the function the key names, as a const',
      filename: FILE,
      code: `
const FUNCTION_ID = '${FN}';
const url = new URL(\`/v2/nvcf/pexec/functions/\${FUNCTION_ID}\`, 'https://api.nvcf.nvidia.com');
await fetch(url, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
    },
    {
      name: 'a function id that is not known statically',
      filename: FILE,
      code: `
export const invoke = (functionId: string) =>
  fetch(\`https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/\${functionId}\`, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
    },
    {
      name: 'the pinned version',
      filename: FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}/versions/${VERSION}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_PINNED_KEY}\` } });
`,
    },
  ],
  invalid: [
    {
      name: 'another function (the page: a key for abc-123 cannot be used for xyz-789)',
      filename: FILE,
      code: `
const FUNCTION_ID = '${OTHER}';
const url = new URL(\`/v2/nvcf/pexec/functions/\${FUNCTION_ID}\`, 'https://api.nvcf.nvidia.com');
await fetch(url, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
      errors: [
        {
          message: `Key 'chat-invoker' is limited to ${FN} (Function); a call for ${OTHER} gets 403.`,
          line: 4,
          column: 7,
        },
      ],
    },
    {
      name: 'another version under Function Versions, via a declared wrapper',
      filename: FILE,
      settings: { nvcf: { wrappers: { 'nvcf.invoke': { action: 'invoke-function', functionId: 0, versionId: 1, credential: 'NVCF_PINNED_KEY' } } } },
      code: `
import * as nvcf from './nvcf.js';
await nvcf.invoke('${FN}', 'v2', { prompt: 'hi' });
`,
      errors: [{ messageId: 'notCovered', line: 3, column: 7 }],
    },
  ],
});
