import { FILE, FN, NO_MANIFEST_FILE, rule, ruleTester } from '../support.js';

ruleTester.run('unknown-key', rule('unknown-key'), {
  valid: [
    {
      name: 'a declared credential',
      filename: FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
    },
    {
      name: 'no Authorization header that can be read',
      filename: FILE,
      code: `
import { headers } from './auth.js';
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers });
`,
    },
    {
      name: 'an explicit env for ngc whose value cannot be known',
      filename: FILE,
      code: `
import { spawnSync } from 'node:child_process';
spawnSync('ngc', ['cf', 'function', 'list'], { env: loadEnv() });
`,
    },
  ],
  invalid: [
    {
      name: 'a credential no key declares',
      filename: FILE,
      code: `
const { NVCF_TOKEN } = process.env;
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: new Headers({ Authorization: \`Bearer \${NVCF_TOKEN}\` }) });
`,
      errors: [{ messageId: 'undeclared', line: 3, column: 7, data: { action: 'invoke-function', credential: 'NVCF_TOKEN' } }],
    },
    {
      name: 'ngc with a replaced environment that sets NGC_API_KEY from an undeclared variable',
      filename: FILE,
      code: `
import { execFile } from 'node:child_process';
execFile('ngc', ['cf', 'fn', 'ls'], { env: { PATH: process.env.PATH, NGC_API_KEY: process.env.CI_NGC_KEY } }, () => {});
`,
      errors: [{ messageId: 'undeclared', line: 3, column: 1, data: { action: 'list-functions', credential: 'CI_NGC_KEY' } }],
    },
    {
      name: 'no manifest for the file',
      filename: NO_MANIFEST_FILE,
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
      errors: [{ messageId: 'noManifest', line: 2, column: 7 }],
    },
    {
      name: 'a configured manifest that cannot be read',
      filename: FILE,
      settings: { nvcf: { manifest: 'does/not/exist.yaml' } },
      code: `
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
await fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });
`,
      errors: [{ messageId: 'manifestUnreadable', line: 2, column: 7 }],
    },
  ],
});
