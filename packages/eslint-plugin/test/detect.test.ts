/**
 * Detection, case by case: each snippet is parsed as ESLint would (TypeScript parser, and espree
 * for plain JS) and must give exactly these usages: action, credentials, target.
 */
import { loadCatalogue, type Usage } from '@nvcf-keylint/core';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { collectCodeFacts } from '../src/detect/index.js';
import { readSettings } from '../src/settings.js';

type Found = Pick<Usage, 'action' | 'credentials' | 'target'>;

function detect(code: string, options: { parser?: 'espree' | 'typescript'; settings?: Record<string, unknown> } = {}): Found[] {
  let usages: Usage[] = [];
  const collector: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          usages = collectCodeFacts(context.sourceCode as never, 'file.ts', readSettings(context.settings as never), loadCatalogue()).usages;
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      plugins: { test: { rules: { collect: collector } } },
      rules: { 'test/collect': 'error' },
      settings: options.settings ?? {},
      languageOptions: options.parser === 'espree' ? { ecmaVersion: 'latest', sourceType: 'module' } : { parser: tsParser as never },
    },
  ], 'file.ts');
  expect(messages).toEqual([]); // parsed, configured, and the collector ran
  return usages.map(({ action, credentials, target }) => (target ? { action, credentials, target } : { action, credentials }));
}

const FN = 'abc-123';

describe('HTTP', () => {
  it.each<[string, string, Found[]]>([
    ['fetch, template URL and Bearer template', `fetch(\`https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}\`, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } })`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } }]],
    ['process.env with brackets, and + concatenation', `fetch('https://api.nvcf.nvidia.com/v2/nvcf' + '/functions', { headers: { 'Authorization': 'Bearer ' + process.env['NGC_KEY'] } })`, [{ action: 'list-functions', credentials: ['NGC_KEY'] }]],
    ['import.meta.env', `fetch('https://api.ngc.nvidia.com/v2/nvcf/functions/ids', { headers: { authorization: \`Bearer \${import.meta.env.VITE_NVCF_KEY}\` } })`, [{ action: 'list-functions', credentials: ['VITE_NVCF_KEY'] }]],
    ['headers in a const, with a spread', `const base = { Authorization: \`Bearer \${process.env.K}\` }; const headers = { ...base, Accept: 'application/json' }; fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions/${FN}/versions', { headers })`, [{ action: 'list-functions', credentials: ['K'], target: { functionId: FN } }]],
    ['new Headers with pairs', `fetch('https://api.nvcf.nvidia.com/v2/nvcf/assets', { method: 'POST', headers: new Headers([['Authorization', 'Bearer ' + process.env.K]]) })`, [{ action: 'invoke-function', credentials: ['K'] }]],
    ['Headers filled with set', `const h = new Headers({ Accept: 'application/json' });\nh.set('authorization', \`Bearer \${process.env.K}\`);\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: h })`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['the last set wins over the constructor', `const h = new Headers({ Authorization: 'Bearer ' + process.env.OLD });\nh.append('Authorization', 'Bearer ' + process.env.A);\nh.set('Authorization', 'Bearer ' + process.env.B);\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: h })`, [{ action: 'list-functions', credentials: ['B'] }]],
    ['a deleted header is unknown', `const h = new Headers({ Authorization: 'Bearer ' + process.env.K });\nh.delete('Authorization');\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: h })`, [{ action: 'list-functions', credentials: [] }]],
    ['the orgs/teams form the ngc CLI uses', `fetch(\`https://api.ngc.nvidia.com/v2/orgs/acme/teams/ml/nvcf/functions/${FN}/versions/v1\`, { method: 'DELETE', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'delete-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ['an NGC path outside /nvcf (clusters)', `fetch('https://api.ngc.nvidia.com/v2/orgs/acme/sis/clusters', { headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'list-clusters', credentials: ['K'] }]],
    ['GPU capacity on the v3 path', `fetch(\`https://api.ngc.nvidia.com/v3/orgs/\${org}/ngc/nvcf/deployments/instanceTypes\`, { headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'read-gpu-capacity', credentials: ['K'] }]],
    ['an unknown host in front of /v2/nvcf', `fetch(\`\${process.env.NVCF_URL}/v2/nvcf/pexec/functions/\${id}\`, { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'invoke-function', credentials: ['K'] }]],
    ['the per-function invocation host, any path and method', `fetch('https://${FN}.invocation.api.nvcf.nvidia.com/v1/chat/completions', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'invoke-function', credentials: ['K'], target: { functionId: FN } }]],
    ['new URL(path, base)', `const u = new URL('/v2/nvcf/queues/functions/${FN}', 'https://api.nvcf.nvidia.com/ignored'); fetch(u, { headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'get-queue-details', credentials: ['K'], target: { functionId: FN } }]],
    ['ofetch with a baseURL and a method', `import { ofetch } from 'ofetch'; ofetch('/functions/${FN}/versions/v1', { baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', method: 'DELETE', headers: { Authorization: \`Bearer \${process.env.K}\` } })`, [{ action: 'delete-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ["Nuxt's global $fetch", `export default defineEventHandler(() => $fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.NUXT_NVCF_KEY }, body: {} }))`, [{ action: 'invoke-function', credentials: ['NUXT_NVCF_KEY'], target: { functionId: FN } }]],
    ['a $fetch that is a local function is not ofetch', `function $fetch(url: string) { return url; } $fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions');`, []],
    ['axios(config)', `import axios from 'axios'; axios({ method: 'put', url: 'https://api.nvcf.nvidia.com/v2/nvcf/secrets/functions/${FN}/versions/v1', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'update-function-secrets', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ['an axios instance whose interceptor sets the key', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf' });\napi.interceptors.request.use((config) => {\n  config.headers.Authorization = \`Bearer \${process.env.K}\`;\n  return config;\n});\napi.get('/functions', { headers: { Authorization: 'Bearer ' + process.env.OVERRIDDEN } });`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['an interceptor using headers.set', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf' });\napi.interceptors.request.use(function (c) { c.headers.set('authorization', 'Bearer ' + process.env.K); return c; });\napi.delete('/functions/${FN}/versions/v1');`, [{ action: 'delete-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ['instance defaults assigned after create, which the call own headers beat', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.OLD } });\napi.defaults.headers.common['Authorization'] = \`Bearer \${process.env.K}\`;\napi.get('/functions');\napi.get('/functions', { headers: { Authorization: 'Bearer ' + process.env.OWN } });`, [{ action: 'list-functions', credentials: ['K'] }, { action: 'list-functions', credentials: ['OWN'] }]],
    ['an interceptor that replaces the headers leaves the key unknown', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.K } });\napi.interceptors.request.use((config) => { config.headers = buildHeaders(); return config; });\napi.get('/functions');`, [{ action: 'list-functions', credentials: [] }]],
    ['a got instance whose beforeRequest hook sets the key', `import got from 'got';\nconst nvcf = got.extend({ prefixUrl: 'https://api.nvcf.nvidia.com/v2/nvcf', hooks: { beforeRequest: [(options) => { options.headers.authorization = \`Bearer \${process.env.K}\`; }] } });\nnvcf.get('functions');`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['a ky instance whose hook uses headers.set, extended', `import ky from 'ky';\nconst base = ky.create({ prefixUrl: 'https://api.nvcf.nvidia.com/v2/nvcf', hooks: { beforeRequest: [(request) => request.headers.set('Authorization', 'Bearer ' + process.env.K)] } });\nconst api = base.extend({ timeout: 5000 });\napi.get('functions');`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['axios.post with data then config', `const axios = require('axios'); axios.post('https://api.nvcf.nvidia.com/v2/nvcf/functions', { name: 'x' }, { headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'create-function', credentials: ['K'] }]],
    ['got with a prefixUrl instance', `import got from 'got'; const nvcf = got.extend({ prefixUrl: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { authorization: 'Bearer ' + process.env.K } }); nvcf.get('deployments/functions/${FN}/versions/v1')`, [{ action: 'deploy-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ['undici request', `import { request } from 'undici'; request('https://api.nvcf.nvidia.com/v2/nvcf/telemetries', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'manage-telemetry-endpoints', credentials: ['K'] }]],
    ['https.request with options', `import https from 'node:https'; https.request({ hostname: 'api.nvcf.nvidia.com', path: '/v2/nvcf/registry-credentials', method: 'GET', headers: { Authorization: 'Bearer ' + process.env.K } })`, [{ action: 'manage-registry-credentials', credentials: ['K'] }]],
    ['an unknown method on a path several actions share', `fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions/${FN}/versions/v1', { method: verb, headers: { Authorization: 'Bearer ' + process.env.K } })`, []],
    ['a URL that cannot be known', `fetch(url, { headers: { Authorization: 'Bearer ' + process.env.K } })`, []],
    ['headers from a function without parameters', `function authHeaders() {\n  return { Authorization: \`Bearer \${process.env.K}\`, 'Content-Type': 'application/json' };\n}\nconst headers = () => ({ Authorization: 'Bearer ' + process.env.K2 });\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/telemetries', { headers: authHeaders() });\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { method: 'POST', headers: { ...headers(), Accept: 'application/json' } });`, [
      { action: 'manage-telemetry-endpoints', credentials: ['K'] },
      { action: 'create-function', credentials: ['K2'] },
    ]],
    ['a header function that takes arguments, is async, does more than return, or is reassigned stays unknown', `function withKey(k) { return { Authorization: 'Bearer ' + k }; }\nasync function later() { return { Authorization: 'Bearer ' + process.env.K }; }\nfunction logged() { console.log('x'); return { Authorization: 'Bearer ' + process.env.K }; }\nlet swapped = () => ({ Authorization: 'Bearer ' + process.env.K });\nswapped = other;\nfor (const h of [withKey(process.env.K), later(), logged(), swapped()]) fetch('https://api.nvcf.nvidia.com/v2/nvcf/telemetries', { headers: h });\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/telemetries', { headers: logged() });\nfetch('https://api.nvcf.nvidia.com/v2/nvcf/telemetries', { headers: swapped() });`, [
      { action: 'manage-telemetry-endpoints', credentials: [] },
      { action: 'manage-telemetry-endpoints', credentials: [] },
      { action: 'manage-telemetry-endpoints', credentials: [] },
    ]],
    ['values kept in a const config object', `const config = { apiKey: process.env.NVCF_API_KEY, nvcf: { base: 'https://api.nvcf.nvidia.com' }, functionId: '${FN}' } as const;\nfetch(new URL(\`/v2/nvcf/pexec/functions/\${config.functionId}\`, config.nvcf.base), { method: 'POST', headers: { Authorization: \`Bearer \${config.apiKey}\` } });\nfetch(\`\${config.nvcf['base']}/v2/nvcf/functions/\${config.functionId}/versions/v1\`, { method: 'DELETE', headers: { Authorization: 'Bearer ' + config.apiKey } });`, [
      { action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } },
      { action: 'delete-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN, versionId: 'v1' } },
    ]],
    ['a config object something writes to is not trusted', `const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';\nconst config = { apiKey: process.env.A };\nif (process.env.B) config.apiKey = process.env.B;\nfetch(BASE + '/telemetries', { headers: { Authorization: \`Bearer \${config.apiKey}\` } });\nconst other = { apiKey: process.env.A };\nObject.assign(other, loaded);\nfetch(BASE + '/registry-credentials', { headers: { Authorization: \`Bearer \${other.apiKey}\` } });`, [
      { action: 'manage-telemetry-endpoints', credentials: [] },
      { action: 'manage-registry-credentials', credentials: [] },
    ]],
    ['fetch of a new Request, whose init the call overrides', `const req = new Request('https://api.nvcf.nvidia.com/v2/nvcf/functions', { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.K } });\nfetch(req);\nfetch(new Request('https://api.nvcf.nvidia.com/v2/nvcf/functions', { headers: { Authorization: 'Bearer ' + process.env.K } }), { headers: { Authorization: 'Bearer ' + process.env.OWN } });\nfetch(new Request('https://api.nvcf.nvidia.com/v2/nvcf/functions', init));`, [
      { action: 'create-function', credentials: ['K'] },
      { action: 'list-functions', credentials: ['OWN'] },
    ]],
    ['an ofetch instance with a baseURL and default headers', `import { ofetch } from 'ofetch';\nconst api = ofetch.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: \`Bearer \${process.env.K}\` } });\napi('/registry-credentials');\napi.raw('/functions/${FN}/versions/v1', { method: 'DELETE', headers: { Authorization: 'Bearer ' + process.env.OWN } });`, [
      { action: 'manage-registry-credentials', credentials: ['K'] },
      { action: 'delete-function', credentials: ['OWN'], target: { functionId: FN, versionId: 'v1' } },
    ]],
    ["Nuxt's $fetch.create with an onRequest hook that sets the key", `const nvcf = $fetch.create({\n  baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf',\n  onRequest({ options }) { options.headers.set('Authorization', \`Bearer \${process.env.NUXT_K}\`); },\n});\nnvcf('/functions', { headers: { Authorization: 'Bearer ' + process.env.OVERRIDDEN } });`, [{ action: 'list-functions', credentials: ['NUXT_K'] }]],
    ['an onRequest hook written another way leaves the key unknown', `import { ofetch } from 'ofetch';\nconst api = ofetch.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.K }, onRequest: [addAuth] });\napi('/functions');`, [{ action: 'list-functions', credentials: [] }]],
    ['ofetch native is fetch without the defaults', `import { ofetch } from 'ofetch';\nconst api = ofetch.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf' });\napi.native('/functions');`, []],
    ['instance call options that cannot be read may set the key', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.K } });\nexport const list = (options) => api.get('/functions', options);\nexport const any = (config) => api('/functions', config);`, [
      { action: 'list-functions', credentials: [] },
    ]],
    ['a spread that cannot be read may set the base URL, the headers or the method', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.nvcf.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.K } });\nexport const list = (extra) => api.get('/functions', { ...extra, timeout: 5 });\nexport const call = (extra) => fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { ...extra, headers: { Authorization: 'Bearer ' + process.env.K } });
export const read = (extra) => fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { method: 'GET', ...extra });`, []],
    ['properties after a spread that cannot be read are known', `export const list = (extra) => fetch('https://api.nvcf.nvidia.com/v2/nvcf/functions', { ...extra, method: 'GET', headers: { ...extra.headers, Authorization: 'Bearer ' + process.env.K } });`, [{ action: 'list-functions', credentials: ['K'] }]],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });

  it('works with ESLint’s own parser for JavaScript', () => {
    expect(detect(`fetch('https://api.nvcf.nvidia.com/v2/nvcf/pexec/status/req-1', { headers: { Authorization: \`Bearer \${process.env.K}\` } })`, { parser: 'espree' })).toEqual([
      { action: 'invoke-function', credentials: ['K'] },
    ]);
  });
});

describe('OpenAI-compatible clients', () => {
  it.each<[string, string, Found[]]>([
    ['new OpenAI with the invocation host as baseURL', `import OpenAI from 'openai'; const client = new OpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: process.env.NVCF_API_KEY });`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } }]],
    ['the named export, with the key in a const', `const { OpenAI } = require('openai'); const apiKey = process.env.K; new OpenAI({ apiKey, baseURL: \`https://\${'${FN}'}.invocation.api.nvcf.nvidia.com/v1/\` });`, [{ action: 'invoke-function', credentials: ['K'], target: { functionId: FN } }]],
    ['a key that cannot be known', `import OpenAI from 'openai'; new OpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: getKey() });`, [{ action: 'invoke-function', credentials: [], target: { functionId: FN } }]],
    ['a base URL that is not NVCF (the API catalogue)', `import OpenAI from 'openai'; new OpenAI({ baseURL: 'https://integrate.api.nvidia.com/v1', apiKey: process.env.NVIDIA_API_KEY });`, []],
    ['a base URL that cannot be known', `import OpenAI from 'openai'; new OpenAI({ baseURL: process.env.BASE_URL, apiKey: process.env.K });`, []],
    ['a class of the same name from elsewhere', `import { OpenAI } from './my-client'; new OpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: process.env.K });`, []],
    ['the Vercel AI SDK: createOpenAI', `import { createOpenAI } from '@ai-sdk/openai'; const nim = createOpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: process.env.NIM_KEY });`, [{ action: 'invoke-function', credentials: ['NIM_KEY'], target: { functionId: FN } }]],
    ['the Vercel AI SDK: createOpenAICompatible, options in a const', `import { createOpenAICompatible } from '@ai-sdk/openai-compatible'; const options = { name: 'nim', apiKey: process.env.NIM_KEY, baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1' }; export const nim = createOpenAICompatible(options);`, [{ action: 'invoke-function', credentials: ['NIM_KEY'], target: { functionId: FN } }]],
    ['the Vercel AI SDK: the default provider is not NVCF', `import { openai } from '@ai-sdk/openai'; openai('gpt-4o');`, []],
    ['a createOpenAI of another module', `import { createOpenAI } from './providers'; createOpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: process.env.K });`, []],
    ['createOpenAI called with new is not the factory', `import { createOpenAI } from '@ai-sdk/openai'; new createOpenAI({ baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1', apiKey: process.env.K });`, []],
    ['LangChain: ChatOpenAI with configuration.baseURL', `import { ChatOpenAI } from '@langchain/openai'; const llm = new ChatOpenAI({ model: 'meta/llama-3.1-8b-instruct', apiKey: process.env.NIM_KEY, configuration: { baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1' } });`, [{ action: 'invoke-function', credentials: ['NIM_KEY'], target: { functionId: FN } }]],
    ['LangChain: the key inside configuration', `const { OpenAIEmbeddings } = require('@langchain/openai'); new OpenAIEmbeddings({ configuration: { apiKey: process.env.EMBED_KEY, baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1' } });`, [{ action: 'invoke-function', credentials: ['EMBED_KEY'], target: { functionId: FN } }]],
    ['LangChain: its own apiKey wins over configuration.apiKey', `import { ChatOpenAI } from '@langchain/openai'; new ChatOpenAI({ apiKey: process.env.A, configuration: { apiKey: process.env.B, baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1' } });`, [{ action: 'invoke-function', credentials: ['A'], target: { functionId: FN } }]],
    ['LangChain: a top-level baseURL is not where ChatOpenAI reads it', `import { ChatOpenAI } from '@langchain/openai'; new ChatOpenAI({ apiKey: process.env.A, baseURL: 'https://${FN}.invocation.api.nvcf.nvidia.com/v1' });`, []],
    ['LangChain: a configuration that cannot be known', `import { ChatOpenAI } from '@langchain/openai'; new ChatOpenAI({ apiKey: process.env.A, configuration: makeConfig() });`, []],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });
});

describe('clients written as classes', () => {
  const URL_ = `'https://api.nvcf.nvidia.com/v2/nvcf/functions'`;
  const call = (key: string) => `fetch(${URL_}, { headers: { Authorization: \`Bearer \${${key}}\` } })`;
  it.each<[string, string, Found[]]>([
    ['a field initialised from the environment', `class C { private readonly key = process.env.NVCF_API_KEY; list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: ['NVCF_API_KEY'] }]],
    ['a private #field, and the base URL in a field', `class C { #key = process.env.K; base = 'https://api.nvcf.nvidia.com/v2/nvcf'; list() { return fetch(\`\${this.base}/functions\`, { headers: { Authorization: 'Bearer ' + this.#key } }); } }`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['a field the constructor sets once', `class C { key: string; constructor() { this.key = process.env.K ?? ''; } list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['headers from a method or a getter', `class C { headers() { return { Authorization: \`Bearer \${process.env.K}\` }; } get auth() { return { Authorization: \`Bearer \${process.env.G}\` }; } a() { return fetch(${URL_}, { headers: this.headers() }); } b() { return fetch(${URL_}, { headers: this.auth }); } }`, [{ action: 'list-functions', credentials: ['K'] }, { action: 'list-functions', credentials: ['G'] }]],
    ['an arrow function keeps the instance', `class C { key = process.env.K; list = () => ${call('this.key')}; }`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['a field some method reassigns', `class C { key = process.env.K; rotate(k: string) { this.key = k; } list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: [] }]],
    ['a constructor that sets it conditionally', `class C { key: string; constructor(k?: string) { if (k) this.key = k; else this.key = process.env.K; } list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: [] }]],
    ['a constructor parameter property, default or not', `class C { constructor(private readonly key = process.env.K) {} list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: [] }]],
    ['this inside a plain function is not the instance', `class C { key = process.env.K; list() { return [1].map(function () { return ${call('this.key')}; }); } }`, [{ action: 'list-functions', credentials: [] }]],
    ['a static field', `class C { static key = process.env.K; static list() { return ${call('this.key')}; } }`, [{ action: 'list-functions', credentials: [] }]],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });
});

describe('requests inside small helpers', () => {
  const NVCF = `const BASE = 'https://api.nvcf.nvidia.com/v2/nvcf';\n`;
  it.each<[string, string, Found[]]>([
    ['a fetch helper called with literal paths and methods', `${NVCF}async function nvcf(path: string, init: RequestInit = {}) {\n  return fetch(BASE + path, { ...init, headers: { Authorization: \`Bearer \${process.env.NVCF_API_KEY}\` } });\n}\nawait nvcf('/functions');\nawait nvcf('/deployments/functions/${FN}/versions/v1', { method: 'POST' });`, [
      { action: 'list-functions', credentials: ['NVCF_API_KEY'] },
      { action: 'deploy-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN, versionId: 'v1' } },
    ]],
    ['the key as an argument of a const arrow helper', `${NVCF}const get = (path: string, key: string) => fetch(\`\${BASE}\${path}\`, { headers: { Authorization: 'Bearer ' + key } });\nget('/functions', process.env.LIST_KEY!);`, [{ action: 'list-functions', credentials: ['LIST_KEY'] }]],
    ['a class method helper called through this', `${NVCF}class Api { key = process.env.K; request(path: string, method = 'GET') { return fetch(BASE + path, { method, headers: { Authorization: \`Bearer \${this.key}\` } }); } list() { return this.request('/functions'); } remove(f: string, v: string) { return this.request(\`/functions/\${f}/versions/\${v}\`, 'DELETE'); } }`, [
      { action: 'list-functions', credentials: ['K'] },
      { action: 'delete-function', credentials: ['K'] },
    ]],
    ['an OpenAI client built by a factory for a function', `import OpenAI from 'openai';\nconst nim = (fid: string) => new OpenAI({ baseURL: \`https://\${fid}.invocation.api.nvcf.nvidia.com/v1\`, apiKey: process.env.K });\nexport const chat = nim('${FN}');`, [{ action: 'invoke-function', credentials: ['K'], target: { functionId: FN } }]],
    ['an ngc helper over execSync', `import { execSync } from 'node:child_process';\nfunction ngc(args: string) { return execSync(\`ngc \${args}\`, { env: { ...process.env, NGC_CLI_API_KEY: process.env.DEPLOY_KEY } }); }\nngc('cf function list');\nngc('registry image list');`, [{ action: 'list-functions', credentials: ['DEPLOY_KEY'] }]],
    ['a helper whose request does not depend on its parameters is reported in place', `${NVCF}function list(verbose: boolean) { return fetch(BASE + '/functions', { headers: { Authorization: \`Bearer \${process.env.K}\` } }); }\nlist(true); list(false);`, [{ action: 'list-functions', credentials: ['K'] }]],
    ['a call with a path that cannot be known stays silent', `${NVCF}function nvcf(path: string) { return fetch(BASE + path, { headers: { Authorization: \`Bearer \${process.env.K}\` } }); }\nnvcf(process.argv[2]!);`, []],
    ['a parameter the helper reassigns is not bound', `${NVCF}function nvcf(path: string) { path = '/queues' + path; return fetch(BASE + path, { headers: { Authorization: \`Bearer \${process.env.K}\` } }); }\nnvcf('/functions');`, []],
    ['a spread argument binds nothing', `${NVCF}function nvcf(path: string) { return fetch(BASE + path, { headers: { Authorization: \`Bearer \${process.env.K}\` } }); }\nconst args = ['/functions'] as const;\nnvcf(...args);`, []],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });
});

describe('gRPC metadata', () => {
  const GRPC = `import * as grpc from '@grpc/grpc-js';\nconst client = new InferenceClient('grpc.nvcf.nvidia.com:443', grpc.credentials.createSsl());\n`;
  it.each<[string, string, Found[]]>([
    ['the key and the function in the metadata, passed to a call', `${GRPC}const metadata = new grpc.Metadata();\nmetadata.add('authorization', \`Bearer \${process.env.NVCF_API_KEY}\`);\nmetadata.add('function-id', '${FN}');\nclient.modelInfer(request, metadata, callback);`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } }]],
    ['set, a version, and two calls', `${GRPC}const md = new grpc.Metadata();\nmd.set('Authorization', 'Bearer ' + process.env.K);\nmd.set('function-id', '${FN}');\nmd.set('function-version-id', 'v1');\nclient.a(req, md);\nclient.b(req, md);`, [{ action: 'invoke-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }, { action: 'invoke-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' } }]],
    ['a named import, a function id from the environment, passed nowhere visible', `import { Metadata } from '@grpc/grpc-js';\nconst host = 'grpc.nvcf.nvidia.com:443';\nexport const md = new Metadata();\nmd.add('function-id', process.env.FUNCTION_ID);\nmd.add('authorization', \`Bearer \${process.env.K}\`);`, [{ action: 'invoke-function', credentials: ['K'] }]],
    ['metadata without a function id is another service', `${GRPC}const md = new grpc.Metadata();\nmd.add('authorization', 'Bearer ' + process.env.K);\nclient.call(req, md);`, []],
    ['a file that never names the NVCF gRPC host', `import * as grpc from '@grpc/grpc-js';\nconst md = new grpc.Metadata();\nmd.add('function-id', '${FN}');\nmd.add('authorization', 'Bearer ' + process.env.NVCF_API_KEY);\nclient.call(req, md);`, []],
    ['a Metadata class from elsewhere', `import { Metadata } from './metadata';\nconst host = 'grpc.nvcf.nvidia.com:443';\nconst md = new Metadata();\nmd.add('function-id', '${FN}');\nclient.call(req, md);`, []],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });
});

describe('the ngc CLI', () => {
  const INHERITED = ['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY'];
  it.each<[string, string, Found[]]>([
    ['exec with the inherited environment', `import { exec } from 'child_process'; exec('ngc cf function info ${FN}:v1', () => {})`, [{ action: 'get-function', credentials: INHERITED, target: { functionId: FN, versionId: 'v1' } }]],
    ['several commands in one string, with an inline assignment', `import cp from 'node:child_process'; cp.execSync('ngc config set && NGC_CLI_API_KEY=$DEPLOY_KEY ngc cloud-function function deploy remove ${FN}:v1')`, [{ action: 'deploy-function', credentials: ['DEPLOY_KEY'], target: { functionId: FN, versionId: 'v1' } }]],
    ['spawn with a replaced environment', `import { spawn } from 'child_process'; spawn('ngc', ['cf', 'registry-credential', 'list'], { env: { PATH: process.env.PATH, NGC_API_KEY: process.env.PLATFORM } })`, [{ action: 'manage-registry-credentials', credentials: ['PLATFORM'] }]],
    ['spawnSync extending the environment: inherited NGC_CLI_API_KEY still wins', `import { spawnSync } from 'child_process'; spawnSync('/usr/local/bin/ngc', ['cf', 'cluster', 'ls'], { env: { ...process.env, NGC_API_KEY: process.env.X } })`, [{ action: 'list-clusters', credentials: ['NGC_CLI_API_KEY', 'X'] }]],
    ['a promisified exec', `import { exec } from 'node:child_process';\nimport util from 'node:util';\nconst run = util.promisify(exec);\nawait run('ngc cf function deploy create ${FN}:v1 --deployment-specification a:b:c:1:1', { env: { ...process.env, NGC_CLI_API_KEY: process.env.DEPLOY } });`, [{ action: 'deploy-function', credentials: ['DEPLOY'], target: { functionId: FN, versionId: 'v1' } }]],
    ['promisify of something else is not exec', `import { promisify } from 'util';\nconst run = promisify(myExec);\nawait run('ngc cf function list');`, []],
    ['execFile through bash -c', `import { execFile } from 'child_process'; execFile('bash', ['-c', 'ngc cf gpu quota'], () => {})`, [{ action: 'read-gpu-quota', credentials: INHERITED }]],
    ['execa, which extends the environment', `import { execa } from 'execa'; await execa('ngc', ['cf', 'fn', 'update-secret', '${FN}:v2'], { env: { NGC_CLI_API_KEY: process.env.SECRETS_KEY } })`, [{ action: 'update-function-secrets', credentials: ['SECRETS_KEY'], target: { functionId: FN, versionId: 'v2' } }]],
    ['execa’s $ template', `import { $ } from 'execa'; await $\`ngc cf function authorization add \${fid} --authorized-party 123\``, [{ action: 'authorize-clients', credentials: INHERITED }]],
    ['zx with its globals', `#!/usr/bin/env zx\nawait $\`ngc cf telemetry-endpoint create --name otel\``, [{ action: 'manage-telemetry-endpoints', credentials: INHERITED }]],
    ['an env option that cannot be read', `import { execSync } from 'child_process'; execSync('ngc cf function list', { env: buildEnv() })`, [{ action: 'list-functions', credentials: [] }]],
    ['not the cloud-function tree', `import { execSync } from 'child_process'; execSync('ngc registry image list')`, []],
    ['a command that cannot be known', `import { execSync } from 'child_process'; execSync(command)`, []],
  ])('%s', (_name, code, expected) => {
    expect(detect(code)).toEqual(expected);
  });
});

describe('wrappers', () => {
  it('from settings, with the client’s apiKey as credential and a wildcard path', () => {
    const code = `const client = new NvcfClient({ apiKey: process.env.NVCF_API_KEY }); await client.pexec.functions.create({ functionId: '${FN}' });`;
    expect(detect(code, { settings: { nvcf: { wrappers: { '*.pexec.functions.create': { action: 'invoke-function', functionId: '0.functionId' } } } } })).toEqual([
      { action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN } },
    ]);
  });

  it('from JSDoc tags on a function of the same file', () => {
    const code = `
/** Deploys a version. @nvcfAction deploy-function @nvcfFunctionArg 0 @nvcfVersionArg 1 @nvcfCredential NVCF_DEPLOY_KEY */
export async function deployVersion(functionId: string, versionId: string) { return functionId + versionId; }
await deployVersion('${FN}', 'v3');
`;
    expect(detect(code)).toEqual([{ action: 'deploy-function', credentials: ['NVCF_DEPLOY_KEY'], target: { functionId: FN, versionId: 'v3' } }]);
  });

  it('ignores a wrapper declared with an unknown action', () => {
    expect(detect(`nvcf.scale('x')`, { settings: { nvcf: { wrappers: { 'nvcf.scale': 'scale-function' } } } })).toEqual([]);
  });
});
