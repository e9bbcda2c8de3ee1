// `node bench/eslint-retention.mjs [files]`: why ESLint with any rule enabled costs more than ESLint
// with none, without nvcf-keylint, the TypeScript parser or any real rule in the picture. Plain
// JavaScript files, ESLint's default parser, and three configurations run in separate processes:
// no rules; one rule that does nothing; the same rule with ESLint's rule contexts built so that
// they do not keep each file alive (bench/eslint-rule-context.mjs explains the mechanism). Prints
// the median CPU time and garbage-collection time of each, and checks that the experiment leaves
// ESLint's output unchanged.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ESLINT = join(root, 'node_modules/eslint/bin/eslint.js');
const PATCH = pathToFileURL(join(root, 'bench/eslint-rule-context.mjs')).href;
const files = Number(process.argv[2] ?? 1000);
const reps = 5;

// Reports the process's CPU time and its garbage collections when it exits.
const GC_STATS = `import { PerformanceObserver, constants } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
const gc = { minor: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor += entry.duration;
    else gc.major += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.GC_STATS_FILE, JSON.stringify({ cpu: (user + system) / 1000, ...gc }));
});
`;

function module(i) {
  return `import { readFile } from 'node:fs/promises';

const DEFAULTS = { retries: ${i % 5}, timeoutMs: ${(i * 37) % 10000}, label: 'service-${i}' };

export class Service${i} {
  constructor(options = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.cache = new Map();
  }

  async load(path) {
    if (this.cache.has(path)) return this.cache.get(path);
    const text = await readFile(path, 'utf8');
    const value = JSON.parse(text);
    this.cache.set(path, value);
    return value;
  }

  async status(url) {
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
        if (response.ok) return response.status;
      } catch (error) {
        if (attempt === this.options.retries) throw error;
      }
    }
    return 0;
  }
}

export function summarise(items) {
  return items
    .filter((item) => item.enabled && item.weight > ${i % 7})
    .map((item) => ({ name: item.name.trim(), score: item.weight * ${(i % 3) + 1} }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
}
`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'eslint-retention-'));
try {
  for (let i = 0; i < files; i++) {
    const dir = join(work, 'src', `group${i % 20}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `service${i}.js`), module(i));
  }
  writeFileSync(join(work, 'gc-stats.mjs'), GC_STATS);
  writeFileSync(join(work, 'no-rules.config.mjs'), `export default [{ files: ['**/*.js'] }];\n`);
  writeFileSync(
    join(work, 'empty-rule.config.mjs'),
    `const empty = { meta: { schema: [] }, create: () => ({}) };\nexport default [{ files: ['**/*.js'], plugins: { bench: { rules: { empty } } }, rules: { 'bench/empty': 'error' } }];\n`,
  );
  const configs = [
    { name: 'no rules', config: 'no-rules.config.mjs', preload: [] },
    { name: 'one empty rule', config: 'empty-rule.config.mjs', preload: [] },
    { name: 'one empty rule, contexts not retaining files', config: 'empty-rule.config.mjs', preload: ['--import', PATCH] },
  ];
  const samples = configs.map(() => []);
  const outputs = configs.map(() => new Set());
  for (let rep = 0; rep < reps; rep++) {
    for (const [i, { config, preload }] of configs.entries()) {
      const statsFile = join(work, 'stats.json');
      const run = spawnSync(process.execPath, [...preload, '--import', pathToFileURL(join(work, 'gc-stats.mjs')).href, ESLINT, '--config', config, '--format', 'json', 'src'], {
        cwd: work,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GC_STATS_FILE: statsFile },
      });
      if (run.status !== 0) throw new Error(`eslint --config ${config} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      samples[i].push(JSON.parse(readFileSync(statsFile, 'utf8')));
      outputs[i].add(run.stdout);
    }
  }
  if (outputs[1].size !== 1 || !outputs[2].has([...outputs[1]][0])) throw new Error('the experiment changed ESLint output');

  const baseline = median(samples[0].map((s) => s.cpu));
  console.log(`${files} JavaScript files, ESLint's default parser, median of ${reps} alternating runs, Node ${process.version}\n`);
  console.log('| configuration                                 | CPU      | vs no rules | minor GC | major GC |');
  console.log('| --------------------------------------------- | -------- | ----------- | -------- | -------- |');
  for (const [i, { name }] of configs.entries()) {
    const cpu = median(samples[i].map((s) => s.cpu));
    const minor = median(samples[i].map((s) => s.minor));
    const major = median(samples[i].map((s) => s.major));
    console.log(`| ${name.padEnd(45)} | ${`${cpu.toFixed(0)} ms`.padEnd(8)} | ${`${(cpu / baseline).toFixed(2)}x`.padEnd(11)} | ${`${minor.toFixed(0)} ms`.padEnd(8)} | ${`${major.toFixed(0)} ms`.padEnd(8)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
