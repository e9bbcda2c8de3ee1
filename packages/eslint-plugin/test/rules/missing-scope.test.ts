import { FILE, FN, JS_FILE, rule, ruleTester, VERSION } from '../support.js';

ruleTester.run('missing-scope', rule('missing-scope'), {
  valid: [
    {
      name: 'the release key has every deploy scope',
      filename: FILE,
      code: `
import { execFileSync } from 'node:child_process';
execFileSync('ngc', ['cf', 'function', 'deploy', 'create', '--deployment-specification', 'gpu:L40S_1x', '${FN}:${VERSION}'], {
  env: { ...process.env, NGC_CLI_API_KEY: process.env.NVCF_RELEASE_KEY },
});
`,
    },
    {
      name: 'a key that cannot be known statically is not guessed',
      filename: FILE,
      code: `
export function listFunctions(token: string) {
  return fetch('https://api.ngc.nvidia.com/v2/nvcf/functions', { headers: { Authorization: \`Bearer \${token}\` } });
}
`,
    },
    {
      name: 'not NVCF',
      filename: JS_FILE,
      code: `
const { execSync } = require('child_process');
execSync('ngc registry image push nvcr.io/acme/chat:1.2.0', { stdio: 'inherit' });
fetch('https://api.github.com/repos/acme/chat/deployments', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NGC_CLI_API_KEY}\` } });
`,
    },
  ],
  invalid: [
    {
      name: 'ngc deploy through exec, with the inherited NGC_CLI_API_KEY',
      filename: FILE,
      code: `
import { execSync } from 'node:child_process';
execSync(\`ngc cf function deploy create --deployment-specification gpu:L40S_1x \${process.argv[2]}\`, { stdio: 'inherit' });
`,
      errors: [
        {
          messageId: 'missingScopes',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 122,
          data: { key: 'ci-deployer', action: 'deploy-function', missing: 'the List Functions scope' },
        },
      ],
    },
    {
      name: 'REST deploy with fetch',
      filename: FILE,
      code: `
const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';
export async function deploy(fn: string, version: string, spec: object) {
  return fetch(\`\${NVCF}/deployments/functions/\${fn}/versions/\${version}\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.NVCF_DEPLOY_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
}
`,
      errors: [{ messageId: 'missingScopes', line: 4, column: 10, endLine: 8, endColumn: 5 }],
    },
    {
      name: 'listing with an axios instance names both missing scopes',
      filename: FILE,
      code: `
import axios from 'axios';
const { NVCF_DEPLOY_KEY } = process.env;
const ngc = axios.create({ baseURL: 'https://api.ngc.nvidia.com', headers: { Authorization: 'Bearer ' + NVCF_DEPLOY_KEY } });
export const functions = () => ngc.get('/v2/nvcf/functions');
`,
      errors: [
        {
          message: "Key 'ci-deployer' lacks the List Functions and List Function Details scopes, which list-functions requires.",
          line: 5,
          column: 32,
        },
      ],
    },
  ],
});
