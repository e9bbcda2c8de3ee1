import { createRequire } from 'node:module';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadCatalogue, redactKeyMaterial, type Finding } from '@nvcf-keylint/core';
import { discoverFiles, type Discovery } from './discover.js';
import { explain, ExplainUsageError } from './explain.js';
import { explainUsages, formatUsageExplanation } from './explain-usage.js';
import { ansiColors, formatResults, isFormatName, noColors, FORMAT_NAMES } from './formatters/index.js';
import { displayPath } from './formatters/stylish.js';
import { EXPLAIN_HELP, INIT_HELP, MAIN_HELP } from './help.js';
import { renderInitManifest } from './init.js';
import { writeFileAtomic } from './write-file.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaselineError, fingerprintsOf, readBaseline, subtractBaseline, writeBaseline } from './baseline.js';
import { hashContent, ResultCache } from './cache.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { analyseProject, type ProjectOptions } from './project.js';
import { readManifestFiles } from './read-files.js';
import { toLintResults, type LintResult } from './results.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {
  override name = 'UsageError';
}

function defaultIo(): CliIo {
  // A reader that goes away (`nvcf-keylint | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  };
}

/** Runs the CLI; resolves to the exit code. Never throws, never prints key material. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const safe: CliIo = { ...io, stdout: (t) => io.stdout(redactKeyMaterial(t)), stderr: (t) => io.stderr(redactKeyMaterial(t)) };
  try {
    if (argv[0] === 'explain') return await runExplain(argv.slice(1), safe);
    if (argv[0] === 'init') return await runInit(argv.slice(1), safe);
    return await runLint(argv, safe);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExplainUsageError || error instanceof ConfigError || error instanceof BaselineError) {
      safe.stderr(`nvcf-keylint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    safe.stderr(`nvcf-keylint: internal error: ${message}\nThis is a bug in nvcf-keylint; please report it with the input that caused it.\n`);
    return EXIT_USAGE;
  }
}

function parse<T extends ParseArgsConfig['options']>(argv: readonly string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, '')}. Run "nvcf-keylint --help" for usage.`);
  }
}

async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: 'string', short: 'f', default: 'stylish' },
      color: { type: 'boolean' },
      quiet: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      config: { type: 'string', short: 'c' },
      baseline: { type: 'string' },
      'output-file': { type: 'string', short: 'o' },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      'baseline-write': { type: 'string' },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      'warn-ignored': { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout(MAIN_HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const format = values.format;
  if (!isFormatName(format)) throw new UsageError(`Unknown format '${format}'; use one of ${FORMAT_NAMES.join(', ')}.`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);

  const inputs = positionals.length > 0 ? positionals : ['.'];
  const config = await loadConfig(io.cwd, values.config);
  const cache = values.cache ? ResultCache.load(path.resolve(io.cwd, values['cache-location'] ?? '.nvcf-keylint-cache'), cacheKey(config)) : undefined;
  const projectOptions: ProjectOptions = {
    cwd: io.cwd,
    severities: config.severities,
    ignores: config.ignores,
    ...(config.wrappers ? { wrappers: config.wrappers } : {}),
    ...(cache ? { cache } : {}),
  };
  let project = await analyseProject(inputs, projectOptions);
  reportDiscovery(project.discovery, io);
  if (project.discovery.missing.length > 0) {
    throw new UsageError(`No such file or directory: ${project.discovery.missing.join(', ')}`);
  }
  let outputs = new Map<string, string>();
  if (values.fix || values['fix-dry-run']) {
    // The diff library and the fix writer load only when fixing.
    const { fixManifests, formatFixDiff } = await import('./fix-manifests.js');
    const outcome = await fixManifests(project.allFindings, { cwd: io.cwd, dryRun: !values.fix });
    for (const failure of outcome.failed) io.stderr(`nvcf-keylint: could not fix ${displayPath(failure.file, io.cwd)}: ${failure.reason}\n`);
    if (values.fix && outcome.fixed.length > 0) {
      // Report what is left after the fixes, as ESLint does.
      project = await analyseProject(inputs, projectOptions);
    }
    if (!values.fix) {
      outputs = new Map(outcome.fixed.map((f) => [f.file, f.after]));
      if (format === 'stylish') io.stdout(formatFixDiff(outcome.fixed, io.cwd));
    }
  }
  if (cache) {
    cache.save(new Set([...project.codeFiles, ...project.configFiles]));
    if (process.env.NVCF_KEYLINT_DEBUG === 'cache') io.stderr(`nvcf-keylint: cache: ${cache.stats.reused} reused, ${cache.stats.linted} linted\n`);
  }
  const scanned = [...project.manifestFiles, ...project.configFiles];
  // As ESLint does for a file it is given but has no configuration for.
  const ignored: Finding[] = values['warn-ignored']
    ? project.ignoredFiles.map((file) => ({ ruleId: null, severity: 'warning', message: IGNORED_MESSAGE, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }))
    : [];
  let results = mergeResults(toLintResults([...scanned, ...ignored.map((f) => f.location.file)], [...project.findings, ...ignored], values.quiet), project.codeResults, values.quiet);
  if (values['baseline-write'] !== undefined) {
    const file = path.resolve(io.cwd, values['baseline-write']);
    const count = await writeBaseline(file, results, io.cwd);
    io.stdout(`Wrote a baseline of ${count} finding${count === 1 ? '' : 's'} to ${displayPath(file, io.cwd)}; run with --baseline ${values['baseline-write']} to see only new ones.\n`);
    return EXIT_OK;
  }
  if (values.baseline !== undefined) results = await subtractBaseline(results, readBaseline(path.resolve(io.cwd, values.baseline)), io.cwd);
  for (const result of results) {
    const output = outputs.get(result.filePath);
    if (output !== undefined) result.output = output;
  }
  const colors = (values.color ?? io.isTTY) && values['output-file'] === undefined ? ansiColors : noColors;
  const fingerprints = format === 'sarif' ? new Map((await fingerprintsOf(results, io.cwd)).map(({ result, prints }) => [result, prints])) : new Map();
  const output = formatResults(format, results, { colors, cwd: io.cwd, version: packageVersion(), fingerprints });
  if (values['output-file'] !== undefined) await writeOutputFile(path.resolve(io.cwd, values['output-file']), output);
  else io.stdout(output);
  if (results.length === 0 && format === 'stylish') {
    io.stderr(`nvcf-keylint: nothing to lint (looked for ${MAIN_PATTERNS_TEXT}, JS/TS files, CI files and scripts).\n`);
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`nvcf-keylint found too many warnings (maximum: ${maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

const IGNORED_MESSAGE = 'File ignored: it is neither a key manifest (YAML or JSON), code, nor a CI file or shell script (use --no-warn-ignored to suppress this warning).';

const MAIN_PATTERNS_TEXT = 'nvcf-keys.{yaml,yml,json}, *.nvcf-keys.{yaml,yml,json}';

/** Manifest and code results in one list, ordered by path; `--quiet` drops warnings from both. */
function mergeResults(manifestResults: LintResult[], codeResults: LintResult[], quiet: boolean): LintResult[] {
  const code = quiet
    ? codeResults.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }))
    : codeResults;
  return [...manifestResults, ...code].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

function reportDiscovery(discovery: Discovery, io: CliIo): void {
  for (const skipped of discovery.skipped) {
    io.stderr(`nvcf-keylint: skipped ${displayPath(skipped.path, io.cwd)}: ${skipped.reason}\n`);
  }
}

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not '${text}'.`);
  return Number(text);
}

async function runExplain(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      key: { type: 'string' },
      action: { type: 'string' },
      function: { type: 'string' },
      manifest: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT_OK;
  }
  const [position, ...extra] = positionals;
  if (position !== undefined) {
    if (extra.length > 0) throw new UsageError('explain takes one FILE:LINE.');
    return explainPosition(position, values.format, values.config, io);
  }
  if (values.key === undefined || values.action === undefined) {
    throw new UsageError('explain needs --key NAME and --action ACTION. Run "nvcf-keylint explain --help" for usage.');
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`Unknown format '${values.format}'; use text or json.`);
  const discovery = await discoverFiles([values.manifest ?? '.'], io.cwd);
  if (discovery.missing.length > 0) throw new UsageError(`No such file or directory: ${discovery.missing.join(', ')}`);
  const manifests = await readManifestFiles(discovery.files);
  const request = { key: values.key, action: values.action, ...(values.function === undefined ? {} : { function: values.function }) };
  const answer = explain(manifests, request);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    const target = answer.function === undefined ? '' : ` on ${answer.function}`;
    const lines = [
      `Key '${answer.key}' (${displayPath(answer.manifest, io.cwd)}) calling ${answer.action}${target}: ${answer.allowed ? 'allowed' : 'denied (403)'}`,
    ];
    for (const reason of answer.reasons) {
      lines.push('', `  ${reason.severity === 'error' ? 'error  ' : 'warning'}  ${reason.message}  ${reason.ruleId}`, `           fix: ${reason.fix}`);
    }
    if (answer.reasons.length === 0) lines.push('', '  Its scopes and resource type are what the Service Keys page requires for this action.');
    for (const note of answer.notes) lines.push('', `  note: ${note}`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return answer.allowed ? EXIT_OK : EXIT_PROBLEMS;
}

async function explainPosition(position: string, format: string, configFile: string | undefined, io: CliIo): Promise<number> {
  const match = /^(.+):(\d+)$/.exec(position);
  if (!match) throw new UsageError(`explain takes FILE:LINE (or --key and --action), not '${position}'.`);
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format '${format}'; use text or json.`);
  const file = path.resolve(io.cwd, match[1] as string);
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${match[1]}`);
  const config = await loadConfig(io.cwd, configFile);
  const project = await analyseProject(['.', file], { cwd: io.cwd, ignores: config.ignores, ...(config.wrappers ? { wrappers: config.wrappers } : {}) });
  const explanations = explainUsages(project.usages, project.manifests, file, Number(match[2]));
  if (explanations.length === 0) throw new UsageError(`No NVCF call found at ${position}.`);
  io.stdout(format === 'json' ? `${JSON.stringify(explanations, null, 2)}\n` : `${explanations.map((e) => formatUsageExplanation(e, io.cwd)).join('\n\n')}\n`);
  return explanations.some((e) => e.verdict === 'denied') ? EXIT_PROBLEMS : EXIT_OK;
}

async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      output: { type: 'string', short: 'o', default: 'nvcf-keys.yaml' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout(INIT_HELP);
    return EXIT_OK;
  }
  const output = path.resolve(io.cwd, values.output);
  if (!values.force && fs.existsSync(output)) {
    throw new UsageError(`${displayPath(output, io.cwd)} already exists; pass --force to replace it.`);
  }
  const config = await loadConfig(io.cwd, undefined);
  const project = await analyseProject(positionals.length > 0 ? positionals : ['.'], { cwd: io.cwd, ignores: config.ignores, ...(config.wrappers ? { wrappers: config.wrappers } : {}) });
  if (project.discovery.missing.length > 0) throw new UsageError(`No such file or directory: ${project.discovery.missing.join(', ')}`);
  const result = renderInitManifest(loadCatalogue(), project.usages, io.cwd);
  if (result.keys === 0) {
    io.stdout(`No NVCF call with a known key was found${result.unattributed.length > 0 ? ` (${result.unattributed.length} call${result.unattributed.length === 1 ? '' : 's'} whose key cannot be determined)` : ''}; nothing to write.\n`);
    return EXIT_OK;
  }
  if (values.force && fs.existsSync(output)) await writeFileAtomic(output, result.text, io.cwd);
  else await fs.promises.writeFile(output, result.text, { flag: 'wx' });
  io.stdout(`Wrote ${displayPath(output, io.cwd)} with ${result.keys} key${result.keys === 1 ? '' : 's'}.\n`);
  for (const usage of result.unattributed) {
    io.stdout(`  not in any key (its key cannot be determined): ${displayPath(usage.file, io.cwd)}:${usage.range.line} (${usage.action})\n`);
  }
  return EXIT_OK;
}

/** What every cached result depends on besides its own file: the tool, the catalogue, the configuration. */
function cacheKey(config: Config): string {
  return hashContent(JSON.stringify([packageVersion(), loadCatalogue().revision, config.severities, config.ignores, config.wrappers ?? null]));
}

/** Output to a file is redacted like everything else, and the directory is made if needed. */
async function writeOutputFile(file: string, text: string): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, redactKeyMaterial(text));
  } catch (error) {
    throw new UsageError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Set by the bundler (the bundle has no package.json beside it). */
declare const __NVCF_KEYLINT_VERSION__: string | undefined;

function packageVersion(): string {
  if (typeof __NVCF_KEYLINT_VERSION__ === 'string') return __NVCF_KEYLINT_VERSION__;
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}
