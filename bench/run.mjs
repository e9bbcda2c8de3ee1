// `pnpm bench`: each target of the performance issue as a ratio against a baseline measured in the
// same run on the same machine, printed as a table with the machine it ran on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { codeCorpus, manifestOnly, manifestTexts } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'bundle/nvcf-keylint.mjs');
const ESLINT = join(root, 'node_modules/eslint/bin/eslint.js');
const PARSER = pathToFileURL(join(root, 'node_modules/@typescript-eslint/parser/dist/index.js')).href;
const PLUGIN = pathToFileURL(join(root, 'packages/eslint-plugin/dist/index.js')).href;
const quick = process.argv.includes('--quick');

/**
 * CPU time (user + system) of a child process, from GNU time: on a small shared machine it varies
 * far less than wall time, which a busy neighbour core stretches.
 */
function time(command, args, cwd, env = {}) {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...cacheEnv, ...env } });
  const codeLine = run.stderr.trim().split('\n').pop() ?? '';
  const [user, system] = codeLine.split(' ').map(Number);
  if (run.status !== 0 && run.status !== 1 && !/exited with non-zero status 1/.test(run.stderr)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return ((user ?? 0) + (system ?? 0)) * 1000;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternates the two commands, so that machine noise hits both alike. */
function compare(reps, a, b) {
  const as = [];
  const bs = [];
  for (let i = 0; i < reps; i++) {
    as.push(a());
    bs.push(b());
  }
  return { measured: median(as), baseline: median(bs) };
}

function eslintConfig(dir, withPlugin) {
  writeFileSync(
    join(dir, withPlugin ? 'with-plugin.config.mjs' : 'parser-only.config.mjs'),
    `import parser from '${PARSER}';\n${withPlugin ? `import plugin from '${PLUGIN}';\n` : ''}export default [{ files: ['**/*.ts'], languageOptions: { parser } }${withPlugin ? ', plugin.configs.recommended' : ''}];\n`,
  );
  // ESLint does work for every file as soon as any rule is on; a rule that does nothing measures it.
  writeFileSync(
    join(dir, 'noop-rule.config.mjs'),
    `import parser from '${PARSER}';\nconst noop = { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) };\nexport default [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }];\n`,
  );
}

const rows = [];
const record = (target, measured, baseline, limit, unit = 'x') => {
  const ratio = measured / baseline;
  rows.push({ target, measured: `${measured.toFixed(0)} ms`, baseline: `${baseline.toFixed(0)} ms`, ratio: `${ratio.toFixed(2)}${unit}`, limit: limit === undefined ? '(for reference)' : `<= ${limit}${unit}`, pass: limit === undefined ? undefined : ratio <= limit });
};

const work = mkdtempSync(join(tmpdir(), 'nvcf-keylint-bench-'));
// The bundle keeps its compiled code (compile-cache.ts); a cache of the bench's own starts cold.
const cacheEnv = { NODE_COMPILE_CACHE: join(work, 'compile-cache') };
const NO_CACHE = { NODE_DISABLE_COMPILE_CACHE: '1' };
try {
  // 1. Cold start, manifest only: the CLI against `node -e 0`.
  const manifestRepo = join(work, 'manifest-only');
  manifestOnly(manifestRepo);
  {
    time(process.execPath, [CLI], manifestRepo); // the first run fills the compile cache
    const { measured, baseline } = compare(quick ? 5 : 15, () => time(process.execPath, [CLI], manifestRepo), () => time(process.execPath, ['-e', '0'], manifestRepo));
    record('1a cold start, one manifest (vs node -e 0)', measured, baseline, 2);
    const uncached = compare(quick ? 3 : 7, () => time(process.execPath, [CLI], manifestRepo, NO_CACHE), () => time(process.execPath, ['-e', '0'], manifestRepo));
    record('1a without the compile cache', uncached.measured, uncached.baseline);
  }
  // 1b. Ten TypeScript files: the CLI against eslint with the TypeScript parser and no rules.
  const small = join(work, 'ten-files');
  codeCorpus(small, { files: 10, nvcfShare: 0.3 });
  eslintConfig(small, false);
  {
    time(process.execPath, [CLI], small);
    const { measured, baseline } = compare(quick ? 3 : 7, () => time(process.execPath, [CLI], small), () => time(process.execPath, [ESLINT, '--config', 'parser-only.config.mjs', '.'], small));
    record('1b cold start, 10 TS files (vs eslint, parser only)', measured, baseline, 1.1);
    const uncached = compare(quick ? 3 : 5, () => time(process.execPath, [CLI], small, NO_CACHE), () => time(process.execPath, [ESLINT, '--config', 'parser-only.config.mjs', '.'], small));
    record('1b without the compile cache', uncached.measured, uncached.baseline);
  }
  // 2. Plugin overhead on 2,000 files, 5% of them calling NVCF.
  const corpus = join(work, 'corpus-2000');
  codeCorpus(corpus, { files: quick ? 400 : 2000 });
  eslintConfig(corpus, false);
  eslintConfig(corpus, true);
  {
    const { measured, baseline } = compare(quick ? 3 : 5, () => time(process.execPath, [ESLINT, '--config', 'with-plugin.config.mjs', '.'], corpus), () => time(process.execPath, [ESLINT, '--config', 'parser-only.config.mjs', '.'], corpus));
    record(`2  eslint + plugin, ${quick ? 400 : 2000} files (vs parser only)`, measured, baseline, 1.05);
    const own = compare(quick ? 3 : 5, () => time(process.execPath, [ESLINT, '--config', 'with-plugin.config.mjs', '.'], corpus), () => time(process.execPath, [ESLINT, '--config', 'noop-rule.config.mjs', '.'], corpus));
    record('2b eslint + plugin (vs one rule that does nothing)', own.measured, own.baseline, 1.05);
    // Both again with ESLint's rule contexts built so that they do not keep every file alive
    // (eslint-rule-context.mjs): what the plugin costs once ESLint's cost of enabling a rule is gone.
    const contexts = ['--import', pathToFileURL(join(root, 'bench/eslint-rule-context.mjs')).href];
    const fixed = compare(quick ? 3 : 5, () => time(process.execPath, [...contexts, ESLINT, '--config', 'with-plugin.config.mjs', '.'], corpus), () => time(process.execPath, [...contexts, ESLINT, '--config', 'parser-only.config.mjs', '.'], corpus));
    record('2c as 2, ESLint not retaining every file (see text)', fixed.measured, fixed.baseline);
    // The plugin's per-file cost alone: one process, the two configurations taking turns file by
    // file, so both run on the same warmed-up code and heap. Compare with 2 to see what ESLint
    // itself adds, per process, once any rule is enabled.
    const { ESLint } = await import('eslint');
    const parserOnly = new ESLint({ cwd: corpus, overrideConfigFile: join(corpus, 'parser-only.config.mjs') });
    const withPlugin = new ESLint({ cwd: corpus, overrideConfigFile: join(corpus, 'with-plugin.config.mjs') });
    const texts = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => [join(corpus, f), readFileSync(join(corpus, f), 'utf8')]);
    const cpu = async (eslint, [filePath, text]) => {
      const start = process.cpuUsage();
      await eslint.lintText(text, { filePath });
      const { user, system } = process.cpuUsage(start);
      return (user + system) / 1000;
    };
    let plugin = 0;
    let parser = 0;
    for (let round = 0; round < 3; round++) {
      for (const [i, file] of texts.entries()) {
        // Each goes first on every other file.
        let a;
        let b;
        if (i % 2 === 0) {
          a = await cpu(withPlugin, file);
          b = await cpu(parserOnly, file);
        } else {
          b = await cpu(parserOnly, file);
          a = await cpu(withPlugin, file);
        }
        if (round === 0) continue; // the first round warms up
        plugin += a;
        parser += b;
      }
    }
    record('2d plugin per file, in one process (vs parser only)', plugin, parser);
  }
  // 3. Manifest throughput: 1,000 manifests of 20 keys, in process.
  {
    const { readManifestText } = await import(pathToFileURL(join(root, 'packages/manifest/dist/index.js')).href);
    const { lint } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
    const texts = manifestTexts(quick ? 200 : 1000, 20);
    const validate = () => {
      const start = performance.now();
      for (const [i, text] of texts.entries()) lint({ manifests: [readManifestText(`m${i}.yaml`, text)], usages: [], secrets: [] });
      return performance.now() - start;
    };
    const parse = () => {
      const start = performance.now();
      for (const text of texts) parseDocument(text);
      return performance.now() - start;
    };
    for (let i = 0; i < 3; i++) {
      validate();
      parse(); // warm both up: the JIT settles after a few rounds
    }
    const { measured, baseline } = compare(9, validate, parse);
    record(`3  validate ${texts.length} manifests x 20 keys (vs yaml.parseDocument)`, measured, baseline, 1.2);
  }
  // 4. Incremental: a second, unchanged --cache run against the first.
  {
    const cacheFile = join(work, 'bench.cache');
    rmSync(cacheFile, { force: true });
    const first = time(process.execPath, [CLI, '--cache', '--cache-location', cacheFile], corpus);
    const second = median([1, 2, 3].map(() => time(process.execPath, [CLI, '--cache', '--cache-location', cacheFile], corpus)));
    record('4  second --cache run (vs the first)', second, first, 0.1);
  }
  // 5. Scale: 1k, 5k and 20k files with a 5,000-key manifest; memory and linear growth.
  {
    const sizes = quick ? [500, 1000, 2000] : [1000, 5000, 20000];
    const measures = [];
    for (const files of sizes) {
      const dir = join(work, `scale-${files}`);
      codeCorpus(dir, { files, keys: 5000, seed: files });
      const env = { ...process.env, ...cacheEnv };
      const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env });
      const start = performance.now();
      spawnSync(process.execPath, [CLI], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env });
      const ms = performance.now() - start;
      const rssMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
      measures.push({ files, ms, rssMb });
      rmSync(dir, { recursive: true, force: true });
    }
    const [smallest] = measures;
    for (const m of measures) {
      rows.push({ target: `5  ${m.files} files, 5,000 keys`, measured: `${m.ms.toFixed(0)} ms`, baseline: `${(m.ms / m.files).toFixed(2)} ms/file`, ratio: `${m.rssMb.toFixed(0)} MB`, limit: '<= 1024 MB', pass: m.rssMb <= 1024 });
    }
    const largest = measures.at(-1);
    const growth = largest.ms / largest.files / (smallest.ms / smallest.files);
    rows.push({ target: `5  per-file time, ${largest.files} vs ${smallest.files} files`, measured: `${(largest.ms / largest.files).toFixed(2)} ms`, baseline: `${(smallest.ms / smallest.files).toFixed(2)} ms`, ratio: `${growth.toFixed(2)}x`, limit: '<= 1.5x (linear)', pass: growth <= 1.5 });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const machine = `CPU time (user + system), median of alternating runs; ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${quick ? ' (--quick)' : ''}`;
const header = ['target', 'measured', 'baseline', 'ratio', 'limit', 'pass'];
const table = [header, ...rows.map((r) => [r.target, r.measured, r.baseline, r.ratio, r.limit, r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL'])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`Machine: ${machine}\n`);
console.log(`| ${table[0].map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const row of table.slice(1)) console.log(`| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
process.exitCode = rows.every((r) => r.pass !== false) ? 0 : 1;
