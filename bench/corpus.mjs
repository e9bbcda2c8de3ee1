// Deterministic corpora for the benchmarks: the same seed gives the same files, byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function write(root, file, text) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const uuid = (next) => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(next() * 16).toString(16));

/** A manifest of `count` keys, shaped like a real team's, a few of them with mistakes. */
export function manifestText(next, count) {
  const scopes = [['Invoke Function'], ['Deploy Function', 'List Functions'], ['List Functions', 'List Function Details'], ['Register Function', 'Deploy Function', 'List Functions'], ['Manage Registry Credentials'], ['Authorize Clients']];
  const types = ['All Functions', 'Function', 'All Entity', 'All Functions'];
  const lines = ['# Service Keys of the platform team.', 'version: 1', 'keys:'];
  for (let i = 0; i < count; i++) {
    const set = scopes[Math.floor(next() * scopes.length)];
    const type = set[0] === 'Manage Registry Credentials' ? (next() < 0.8 ? 'All Entity' : 'All Functions') : types[Math.floor(next() * types.length)];
    lines.push(`  key-${i}:`, `    description: Key ${i} of the platform`, `    env: [KEY_${i}_TOKEN]`, `    scopes: [${set.join(', ')}]`, '    resource:', `      type: ${type}`);
    if (type === 'Function') lines.push(`      functions: [${uuid(next)}]`);
  }
  return `${lines.join('\n')}\n`;
}

function ordinaryModule(next, i) {
  const name = `service${i}`;
  const url = ['https://api.github.com/repos/acme/app', 'https://api.stripe.com/v1/charges', 'https://example.com/health'][i % 3];
  return `import { readFileSync } from 'node:fs';

export interface ${name[0].toUpperCase()}${name.slice(1)}Options {
  retries: number;
  timeoutMs: number;
  label?: string;
}

const DEFAULTS: ${name[0].toUpperCase()}${name.slice(1)}Options = { retries: ${Math.floor(next() * 5)}, timeoutMs: ${Math.floor(next() * 10000)} };

export class ${name[0].toUpperCase()}${name.slice(1)} {
  private readonly options: ${name[0].toUpperCase()}${name.slice(1)}Options;

  constructor(options: Partial<${name[0].toUpperCase()}${name.slice(1)}Options> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  async fetchStatus(): Promise<number> {
    const response = await fetch('${url}', { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } });
    return response.status;
  }

  config(path: string): Record<string, unknown> {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  }

  retries(): number[] {
    return Array.from({ length: this.options.retries }, (_, n) => n * this.options.timeoutMs);
  }
}
`;
}

function nvcfModule(next, i) {
  const kind = i % 3;
  const key = `KEY_${Math.floor(next() * 40)}_TOKEN`;
  if (kind === 0) {
    return `const NVCF = 'https://api.nvcf.nvidia.com/v2/nvcf';
const FUNCTION_ID = '${uuid(next)}';

export async function invoke${i}(prompt: string) {
  const response = await fetch(\`\${NVCF}/pexec/functions/\${FUNCTION_ID}\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.${key}}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt }),
  });
  return response.json();
}
`;
  }
  if (kind === 1) {
    return `import axios from 'axios';

const ngc = axios.create({ baseURL: 'https://api.ngc.nvidia.com/v2/nvcf', headers: { Authorization: 'Bearer ' + process.env.${key} } });

export const list${i} = () => ngc.get('/functions');
`;
  }
  return `import { execSync } from 'node:child_process';

export function deploy${i}(target: string) {
  execSync(\`ngc cf function deploy create --deployment-specification GFN:L40S:gl40s_1.br25_2xlarge:1:1 \${target}\`, {
    env: { ...process.env, NGC_CLI_API_KEY: process.env.${key} },
  });
}
`;
}

/** `files` TypeScript files (a share of them calling NVCF) and a manifest of `keys` keys. */
export function codeCorpus(root, { files, nvcfShare = 0.05, keys = 40, seed = 7 }) {
  const next = random(seed);
  write(root, 'nvcf-keys.yaml', manifestText(next, keys));
  for (let i = 0; i < files; i++) {
    const dir = `packages/pkg-${Math.floor(i / 200)}/src/mod-${Math.floor(i / 20) % 10}`;
    write(root, `${dir}/file-${i}.ts`, next() < nvcfShare ? nvcfModule(next, i) : ordinaryModule(next, i));
  }
}

/** A repository with one manifest and nothing else. */
export function manifestOnly(root) {
  write(root, 'nvcf-keys.yaml', manifestText(random(1), 5));
}

/** `count` manifests of `keys` keys each, as texts. */
export function manifestTexts(count, keys, seed = 11) {
  const next = random(seed);
  return Array.from({ length: count }, () => manifestText(next, keys));
}
