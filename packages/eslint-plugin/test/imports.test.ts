/**
 * Constants imported from other modules of the project (detect/imports.ts): each snippet is linted
 * as a file in a directory of real modules, parsed by the same parser as the file.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Usage } from '@nvcf-keylint/core';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { collectCodeFacts } from '../src/detect/index.js';
import { ModuleReader, MAX_MODULE_BYTES } from '../src/detect/imports.js';
import { readSettings } from '../src/settings.js';

const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const root = mkdtempSync(join(tmpdir(), 'nvcf-keylint-imports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project of these files; `links` are symbolic links, by path, to their targets. */
function write(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(root, 'project-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const [name, target] of Object.entries(links)) symlinkSync(join(dir, target), join(dir, name));
  return dir;
}

type Found = Pick<Usage, 'action' | 'credentials' | 'target'>;

/** The usages of `src/app.ts` (or `file`) in a project of these modules, and the modules read. */
function detect(files: Record<string, string>, options: { file?: string; parser?: 'espree' | 'typescript'; links?: Record<string, string> } = {}): { usages: Found[]; modules: string[]; dir: string } {
  const dir = write(files, options.links);
  const file = join(dir, options.file ?? 'src/app.ts');
  let usages: Usage[] = [];
  let modules: string[] = [];
  const collector: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          const reader = new ModuleReader((text, filePath) =>
            (options.parser === 'espree'
              ? (context.languageOptions.parser as { parse: (t: string, o: object) => unknown }).parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true })
              : tsParser.parseForESLint(text, { filePath, range: true, loc: true }).ast) as never,
          );
          usages = collectCodeFacts(context.sourceCode as never, file, readSettings({}), loadCatalogue(), { file, reader }).usages;
          modules = [...reader.files].map((f) => f.slice(dir.length + 1));
        },
      };
    },
  };
  const messages = new Linter({ cwd: dir }).verify(
    files[options.file ?? 'src/app.ts'] ?? '',
    [{ files: ['**/*.*'], plugins: { test: { rules: { collect: collector } } }, rules: { 'test/collect': 'error' }, languageOptions: options.parser === 'espree' ? { ecmaVersion: 'latest', sourceType: 'module' } : { parser: tsParser as never } }],
    file,
  );
  expect(messages).toEqual([]);
  return { usages: usages.map(({ action, credentials, target }) => (target ? { action, credentials, target } : { action, credentials })), modules, dir };
}

const CONFIG = `
export const NVCF_BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';
const CHAT = '${FN}';
export const CHAT_FUNCTION_ID = CHAT;
export const PEXEC = \`\${NVCF_BASE}/pexec/functions\`;
export const apiKey = process.env.NVCF_API_KEY!;
export const deployKey: string = process.env['NVCF_DEPLOY_KEY'] ?? '';
export default 'https://api.ngc.nvidia.com/v2/nvcf';
`;

describe('constants imported from a relative module', () => {
  it.each<[string, string, Found[]]>([
    ['named constants: URL, function id and key', `import { PEXEC, CHAT_FUNCTION_ID, apiKey } from '../lib/config';\nfetch(\`\${PEXEC}/\${CHAT_FUNCTION_ID}\`, { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` } });`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } }]],
    ['renamed, with the TypeScript ESM .js suffix', `import { NVCF_BASE as base, deployKey as key } from '../lib/config.js';\nfetch(base + '/functions', { headers: { Authorization: 'Bearer ' + key } });`, [{ action: 'list-functions', credentials: ['NVCF_DEPLOY_KEY'] }]],
    ['the default export', `import ngc from '../lib/config';\nfetch(\`\${ngc}/telemetries\`, { headers: { Authorization: \`Bearer \${process.env.K}\` } });`, [{ action: 'manage-telemetry-endpoints', credentials: ['K'] }]],
    ['a namespace import', `import * as cfg from '../lib/config';\nfetch(\`\${cfg.NVCF_BASE}/registry-credentials\`, { headers: { Authorization: \`Bearer \${cfg.apiKey}\` } });`, [{ action: 'manage-registry-credentials', credentials: ['NVCF_API_KEY'] }]],
    ['through an index that re-exports', `import { BASE, apiKey } from '../lib';\nfetch(\`\${BASE}/functions\`, { headers: { Authorization: \`Bearer \${apiKey}\` } });`, [{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]],
  ])('%s', (_name, code, expected) => {
    const { usages } = detect({ 'lib/config.ts': CONFIG, 'lib/index.ts': `export { NVCF_BASE as BASE } from './config';\nimport { apiKey } from './config';\nexport { apiKey };\n`, 'src/app.ts': code });
    expect(usages).toEqual(expected);
  });

  it.each<[string, Record<string, string>]>([
    ['a `let` (may be reassigned)', { 'lib/config.ts': `export let BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';` }],
    ['a value from the environment with a fallback', { 'lib/config.ts': `export const BASE = process.env.NVCF_URL ?? 'https://api.nvcf.nvidia.com/v2/nvcf';` }],
    ['a function result', { 'lib/config.ts': `export const BASE = base();\nfunction base() { return 'https://api.nvcf.nvidia.com/v2/nvcf'; }` }],
    ['a module that does not parse', { 'lib/config.ts': `export const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf' +;` }],
    ['a module that is missing', {}],
    ['a re-export cycle', { 'lib/config.ts': `export { BASE } from './other';`, 'lib/other.ts': `export { BASE } from './config';` }],
    ['a wildcard re-export (not followed)', { 'lib/config.ts': `export * from './other';`, 'lib/other.ts': `export const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';` }],
    ['a type-only export of the name', { 'lib/config.ts': `const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexport type { BASE };` }],
  ])('leaves the URL unknown for %s', (_name, modules) => {
    const code = `import { BASE } from '../lib/config';\nfetch(\`\${BASE}/functions/\${'x'}/versions\`, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.K}\` } });\nfetch(BASE, { headers: { Authorization: 'Bearer ' + process.env.K } });`;
    expect(detect({ ...modules, 'src/app.ts': code }).usages).toEqual([]);
  });

  const OBJECTS = `
import { NVCF_BASE } from './config';
const nvcf = { baseUrl: NVCF_BASE, functionId: '${FN}' };
export const settings = Object.freeze({ nvcf, apiKey: process.env.NVCF_API_KEY, 'deploy-key': process.env.NVCF_DEPLOY_KEY } as const);
export default { url: 'https://api.ngc.nvidia.com/v2/nvcf' };
`;

  it.each<[string, string, Found[]]>([
    ['a property path of an exported object', `import { settings } from '../lib/settings';\nfetch(\`\${settings.nvcf.baseUrl}/pexec/functions/\${settings.nvcf.functionId}\`, { method: 'POST', headers: { Authorization: \`Bearer \${settings.apiKey}\` } });`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } }]],
    ['through a namespace import, with a quoted key', `import * as lib from '../lib/settings';\nfetch(lib.settings.nvcf.baseUrl + '/functions', { headers: { Authorization: 'Bearer ' + lib.settings['deploy-key'] } });`, [{ action: 'list-functions', credentials: ['NVCF_DEPLOY_KEY'] }]],
    ['of the default export', `import api from '../lib/settings';\nfetch(\`\${api.url}/telemetries\`, { headers: { Authorization: \`Bearer \${process.env.K}\` } });`, [{ action: 'manage-telemetry-endpoints', credentials: ['K'] }]],
  ])('reads %s', (_name, code, expected) => {
    expect(detect({ 'lib/config.ts': CONFIG, 'lib/settings.ts': OBJECTS, 'src/app.ts': code }).usages).toEqual(expected);
  });

  it('leaves an imported object property unknown when the importing file writes to it', () => {
    const code = `import { settings } from '../lib/settings';\nsettings.url = process.argv[2];\nfetch(\`\${settings.url}/functions\`, { headers: { Authorization: 'Bearer ' + process.env.K } });`;
    expect(detect({ 'lib/settings.ts': `export const settings = { url: 'https://api.nvcf.nvidia.com/v2/nvcf' };`, 'src/app.ts': code }).usages).toEqual([]);
  });

  it.each<[string, string]>([
    ['the module writes to it', `export const settings = { url: 'https://api.nvcf.nvidia.com/v2/nvcf' };\nexport function setUrl(u: string) { settings.url = u; }`],
    ['Object.assign writes to it', `export const settings = { url: 'https://api.nvcf.nvidia.com/v2/nvcf' };\nObject.assign(settings, JSON.parse('{}'));`],
    ['a spread may set the property', `const defaults = { timeout: 1 };\nexport const settings = { url: 'https://api.nvcf.nvidia.com/v2/nvcf', ...defaults };`],
    ['a getter computes it', `export const settings = { get url() { return 'https://api.nvcf.nvidia.com/v2/nvcf'; } };`],
    ['it is a `let`', `export let settings = { url: 'https://api.nvcf.nvidia.com/v2/nvcf' };`],
  ])('leaves an imported object property unknown when %s', (_name, module) => {
    const code = `import { settings } from '../lib/settings';\nfetch(\`\${settings.url}/functions\`, { headers: { Authorization: 'Bearer ' + process.env.K } });`;
    expect(detect({ 'lib/settings.ts': module, 'src/app.ts': code }).usages).toEqual([]);
  });

  it.each<[string, string, Found[]]>([
    ['a destructured require of module.exports', `const { NVCF, KEY: key } = require('../lib/config.cjs');\nfetch(NVCF + '/functions', { headers: { Authorization: 'Bearer ' + key } });`, [{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]],
    ['a whole-module require and a property path', `const config = require('../lib/config.cjs');\nfetch(\`\${config.nested.url}/telemetries\`, { headers: { Authorization: \`Bearer \${config.KEY}\` } });`, [{ action: 'manage-telemetry-endpoints', credentials: ['NVCF_API_KEY'] }]],
    ['a required member, from exports.NAME', `const url = require('../lib/named.js').NVCF_URL;\nfetch(\`\${url}/functions\`, { headers: { Authorization: \`Bearer \${process.env.K}\` } });`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['the interop default of module.exports', `import config from '../lib/config.cjs';\nfetch(config.NVCF + '/functions', { headers: { Authorization: 'Bearer ' + process.env.K } });`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['nothing through a local `require`', `const require = (m: string) => ({ NVCF: m });\nconst { NVCF } = require('../lib/config.cjs');\nfetch(NVCF + '/functions', { headers: { Authorization: 'Bearer ' + process.env.K } });`, []],
    ['nothing from a module that assigns module.exports twice', `const { NVCF } = require('../lib/twice.cjs');\nfetch(NVCF + '/functions', { headers: { Authorization: 'Bearer ' + process.env.K } });`, []],
    ['nothing from module.exports mixed with exports.NAME', `const { NVCF } = require('../lib/mixed.cjs');\nfetch(NVCF + '/functions', { headers: { Authorization: 'Bearer ' + process.env.K } });`, []],
    ['nothing from exports a function writes', `const { NVCF } = require('../lib/written.cjs');\nfetch(NVCF + '/functions', { headers: { Authorization: 'Bearer ' + process.env.K } });`, []],
  ])('CommonJS: %s', (_name, code, expected) => {
    const modules = {
      'lib/config.cjs': `const { NVCF_BASE } = require('./config');\nconst KEY = process.env.NVCF_API_KEY;\nmodule.exports = { NVCF: NVCF_BASE, KEY, nested: { url: 'https://api.ngc.nvidia.com/v2/nvcf' } };\n`,
      'lib/named.js': `exports.NVCF_URL = 'https://api.nvcf.nvidia.com/v2/nvcf';\n`,
      'lib/twice.cjs': `module.exports = { NVCF: 'https://api.nvcf.nvidia.com/v2/nvcf' };\nmodule.exports = { NVCF: 'https://example.com' };\n`,
      'lib/mixed.cjs': `exports.NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nmodule.exports = { OTHER: 1 };\n`,
      'lib/written.cjs': `exports.NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexports.configure = (url) => { exports.NVCF = url; };\n`,
    };
    expect(detect({ 'lib/config.ts': CONFIG, ...modules, 'src/app.ts': code }).usages).toEqual(expected);
  });

  it('reads a file whose only call is node’s https module, when it imports relatively', () => {
    // Nothing in the file's own text says NVCF: only what it imports does.
    const code = `import https from 'node:https';\nimport { BASE, apiKey } from '../lib';\nhttps.get(\`\${BASE}/functions\`, { headers: { Authorization: \`Bearer \${apiKey}\` } });`;
    expect(code).not.toMatch(/nvcf|ngc/i);
    expect(detect({ 'lib/config.ts': CONFIG, 'lib/index.ts': `export { NVCF_BASE as BASE, apiKey } from './config';\n`, 'src/app.ts': code }).usages).toEqual([{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]);
  });

  it('does not take `process.env` from a module that declares its own `process`', () => {
    const { usages } = detect({
      'lib/config.ts': `import process from './fake-process';\nexport const key = process.env.NVCF_API_KEY;`,
      'src/app.ts': `import { key } from '../lib/config';\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: \`Bearer \${key}\` } });`,
    });
    expect(usages).toEqual([{ action: 'list-functions', credentials: [] }]);
  });

  it('reads only relative imports, and reports the modules it read', () => {
    const { usages, modules } = detect({
      'lib/config.ts': CONFIG,
      'src/app.ts': `import { NVCF_BASE } from 'lib/config';\nimport { apiKey } from '../lib/config';\nfetch(\`\${NVCF_BASE}/functions\`, { headers: { Authorization: \`Bearer \${apiKey}\` } });\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: \`Bearer \${apiKey}\` } });`,
    });
    expect(usages).toEqual([{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]);
    expect(modules).toEqual(['lib/config.ts']);
  });

  it('skips modules too large to be a project’s constants, and symbolic links that loop', () => {
    const big = `export const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';\n${'//'.padEnd(MAX_MODULE_BYTES, 'x')}\n`;
    const code = `import { BASE } from '../lib/config';\nimport { OTHER } from '../lib/loop';\nfetch(\`\${BASE}/functions\`, { headers: { Authorization: 'Bearer ' + process.env.K } });\nfetch(\`\${OTHER}/functions\`, { headers: { Authorization: 'Bearer ' + process.env.K } });`;
    const links = { 'lib/loop.ts': 'lib/loop2.ts', 'lib/loop2.ts': 'lib/loop.ts' };
    expect(detect({ 'lib/config.ts': big, 'src/app.ts': code }, { links }).usages).toEqual([]);
    // The same module under the limit is read: the limit, not something else, kept it out.
    expect(detect({ 'lib/config.ts': big.slice(0, 200), 'src/app.ts': code }, { links }).usages).toEqual([{ action: 'list-functions', credentials: ['K'] }]);
  });

  it('works with ESLint’s own parser for JavaScript modules', () => {
    const { usages } = detect(
      { 'lib/config.js': `export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexport const KEY = process.env.NVCF_API_KEY;`, 'src/app.js': `import { NVCF, KEY } from '../lib/config.js';\nfetch(\`\${NVCF}/functions\`, { headers: { Authorization: \`Bearer \${KEY}\` } });` },
      { file: 'src/app.js', parser: 'espree' },
    );
    expect(usages).toEqual([{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]);
  });
});

describe('in the plugin', () => {
  it('reports the call in the importing file, with the key the imported constant names', () => {
    const dir = write({
      'nvcf-keys.yaml': `version: 1\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource:\n      type: Function\n      functions: ["${FN}"]\n`,
      'src/config.ts': `export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\nexport const KEY = process.env.NVCF_API_KEY;\n`,
    });
    const code = `import { NVCF, KEY } from './config';\nexport const list = () => fetch(\`\${NVCF}/functions\`, { headers: { Authorization: \`Bearer \${KEY}\` } });\n`;
    const messages = new Linter({ cwd: dir }).verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never } }, plugin.configs.recommended as never], join(dir, 'src/app.ts'));
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['nvcf-keylint/missing-scope', 2, 27]]);
  });

  it('parses the imported module with ESLint’s own parser when the linted file uses it', () => {
    const dir = write({
      'nvcf-keys.yaml': 'version: 1\nkeys:\n  invoker:\n    env: [NVCF_API_KEY]\n    scopes: [Invoke Function]\n    resource:\n      type: All Functions\n',
      'src/config.js': "export const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';\n",
    });
    const code = "import { NVCF } from './config.js';\nexport const list = () => fetch(`${NVCF}/functions`, { headers: { Authorization: `Bearer ${process.env.NVCF_API_KEY}` } });\n";
    const messages = new Linter({ cwd: dir }).verify(code, [{ files: ['**/*.js'] }, plugin.configs.recommended as never], join(dir, 'src/app.js'));
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['nvcf-keylint/missing-scope', 2, 27]]);
  });
});
