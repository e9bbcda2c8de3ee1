import { FILE, JS_FILE, rule, ruleTester } from '../support.js';

const FAKE = 'nvapi-EXAMPLEfakeKEYdoNotUse0000000000000000';

ruleTester.run('hardcoded-key', rule('hardcoded-key'), {
  valid: [
    { filename: FILE, code: `const headers = { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` };` },
    { filename: FILE, code: `// keys look like nvapi-... and live in the secret store` },
  ],
  invalid: [
    {
      name: 'in a string',
      filename: JS_FILE,
      code: `const headers = { Authorization: 'Bearer ${FAKE}' };`,
      errors: [{ messageId: 'hardcoded', line: 1, column: 42, endLine: 1, endColumn: 42 + FAKE.length }],
    },
    {
      name: 'in a comment and a template',
      filename: FILE,
      code: `// old: ${FAKE}\nconst key = \`${FAKE}\`;`,
      errors: [
        { messageId: 'hardcoded', line: 1, column: 9 },
        { messageId: 'hardcoded', line: 2, column: 14 },
      ],
    },
  ],
});
