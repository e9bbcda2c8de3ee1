/**
 * One run over a project: discover files, read manifests, scan CI files, lint code through ESLint,
 * and join everything in one engine run. Shared by linting, `--fix`, `init` and `explain`.
 */
import * as path from 'node:path';
import type { ConfigFacts } from '@nvcf-keylint/config-scanners';
import { CONFIG_PATTERNS, configKind, type ConfigKind } from '@nvcf-keylint/config-scanners/kinds';
import { lint, loadCatalogue, type Finding, type ManifestFacts, type SeveritySetting, type Usage } from '@nvcf-keylint/core';
import { nearestManifests } from '@nvcf-keylint/manifest';
import { discoverFiles, MANIFEST_PATTERNS, type Discovery } from './discover.js';
import * as fs from 'node:fs';
import { hashContent, hashModules, resolutionOf, type ResultCache } from './cache.js';
import { CODE_IGNORES, CODE_PATTERNS, isCodeFile, lintCode } from './lint-code.js';
import { firstLine, scanConfigFiles } from './read-configs.js';
import { readManifestFiles } from './read-files.js';
import type { LintResult } from './results.js';

export interface ProjectOptions {
  cwd: string;
  /** Rule severities from the configuration file. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Glob patterns (relative to `cwd`) not to lint. */
  ignores?: readonly string[];
  /** Wrapper declarations for the ESLint plugin. */
  wrappers?: Readonly<Record<string, unknown>>;
  /** Results of unchanged files, kept between runs (`--cache`). */
  cache?: ResultCache;
}

export interface Project {
  discovery: Discovery;
  manifestFiles: string[];
  codeFiles: string[];
  configFiles: string[];
  manifests: ManifestFacts[];
  configs: ConfigFacts[];
  usages: Usage[];
  /** Engine findings for manifests and CI files (code findings come from ESLint). */
  findings: Finding[];
  /** Every engine finding, code-located ones included (they carry manifest fixes). */
  allFindings: Finding[];
  codeResults: LintResult[];
  /** Files named on the command line that nvcf-keylint does not read (no extension, not a shell script). */
  ignoredFiles: string[];
}

export async function analyseProject(inputs: readonly string[], options: ProjectOptions): Promise<Project> {
  const { cwd } = options;
  const discovery = await discoverFiles(inputs, cwd, [...MANIFEST_PATTERNS, ...CODE_PATTERNS, ...CONFIG_PATTERNS], [...CODE_IGNORES, ...(options.ignores ?? [])]);
  const { manifestFiles, codeFiles, configFiles, ignoredFiles } = await classify(discovery);
  const catalogue = loadCatalogue();
  // Files linted without any manifest among them are checked against the nearest one above them.
  const implicitManifests = manifestFiles.length > 0 ? [] : [...new Set([...configFiles.map((c) => c.file), ...codeFiles].flatMap((f) => nearestManifests(f)))];
  const [manifests, configs] = await Promise.all([readManifestFiles([...manifestFiles, ...implicitManifests]), scanConfigFiles(configFiles, catalogue, options.cache)]);
  const code = await lintCodeCached(codeFiles, manifests, {
    cwd,
    manifests: [...manifestFiles, ...implicitManifests],
    ...(options.wrappers ? { wrappers: options.wrappers } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
  }, options.cache);
  const usages = [...configs.flatMap((c) => c.usages), ...code.usages];
  const allFindings = lint(
    {
      manifests,
      usages,
      secrets: configs.flatMap((c) => c.secrets),
      problems: configs.flatMap((c) => c.problems),
      suppressions: [...manifests.flatMap((m) => m.suppressions ?? []), ...configs.flatMap((c) => c.suppressions ?? [])],
    },
    { catalogue, ...(options.severities ? { severities: options.severities } : {}) },
  );
  // Code findings come from ESLint, which honours its disable directives; the engine adds the project-wide view.
  const codeFileSet = new Set(codeFiles);
  const findings = allFindings.filter((f) => !implicitManifests.includes(f.location.file) && !codeFileSet.has(f.location.file));
  return {
    discovery,
    manifestFiles,
    codeFiles,
    configFiles: configFiles.map((c) => c.file),
    manifests,
    configs,
    usages,
    findings,
    allFindings,
    codeResults: code.results,
    ignoredFiles,
  };
}

/** Lints the code files the cache cannot answer for, and reuses the rest. */
async function lintCodeCached(
  files: readonly string[],
  manifests: readonly ManifestFacts[],
  options: Parameters<typeof lintCode>[1],
  cache: ResultCache | undefined,
): Promise<{ results: LintResult[]; usages: Usage[] }> {
  const results: LintResult[] = [];
  const usages: Usage[] = [];
  const hashes = new Map<string, string>();
  const stats = new Map<string, { mtimeMs: number; size: number }>();
  const toLint: string[] = [];
  const moduleMemo = new Map<string, string>();
  for (const file of files) {
    if (!cache) {
      toLint.push(file);
      continue;
    }
    let hash: string;
    try {
      // Like ESLint's own cache: a file whose time and size are unchanged is not read again.
      const stat = await fs.promises.stat(file);
      hash = cache.knownHash(file, stat.mtimeMs, stat.size) ?? hashContent(await fs.promises.readFile(file));
      stats.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
    } catch {
      toLint.push(file); // ESLint reports what cannot be read
      continue;
    }
    hashes.set(file, hash);
    const cached = cache.code(file, hash, (u) => resolutionOf(u, manifests));
    const modules = cached?.modules ?? {};
    const moduleHashes = hashModules(Object.keys(modules), moduleMemo);
    const entry = cached && Object.entries(modules).every(([module, known]) => moduleHashes[module] === known) ? cached : undefined;
    if (entry) {
      cache.stats.reused++;
      Object.assign(entry, stats.get(file));
      results.push(entry.result);
      usages.push(...entry.usages);
    } else toLint.push(file);
  }
  const linted = await lintCode(toLint, options);
  for (const result of linted.results) {
    const facts = linted.facts.get(result.filePath) ?? { usages: [], secrets: [], modules: [] };
    usages.push(...facts.usages);
    results.push(result);
    const hash = hashes.get(result.filePath);
    if (cache && hash !== undefined) {
      cache.stats.linted++;
      const modules = hashModules(facts.modules, moduleMemo);
      cache.setCode(result.filePath, { hash, ...stats.get(result.filePath), resolution: resolutionOf(facts.usages, manifests), ...(Object.keys(modules).length > 0 ? { modules } : {}), result, usages: facts.usages, secrets: facts.secrets });
    }
  }
  return { results: results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0)), usages };
}

const MANIFEST_NAME = /^(?:.+\.)?nvcf-keys\.(?:ya?ml|json)$/;

/** What a file named on the command line may be read as a manifest by: YAML or JSON. */
const MANIFEST_EXTENSION = /\.(?:ya?ml|json)$/i;

/**
 * Sorts what discovery found: code by extension, CI files and scripts by name (or shebang),
 * manifests by name, or because they were named and are YAML or JSON. Any other named regular
 * file (LICENSE, a binary in bin/, README.md, a Python script) is neither: it is ignored, with a
 * warning, as ESLint does with a file no configuration matches.
 */
async function classify(discovery: Discovery) {
  const manifestFiles: string[] = [];
  const codeFiles: string[] = [];
  const configFiles: Array<{ file: string; kind: ConfigKind }> = [];
  const ignoredFiles: string[] = [];
  for (const file of discovery.files) {
    const name = path.basename(file);
    if (isCodeFile(file)) {
      codeFiles.push(file);
      continue;
    }
    if (MANIFEST_NAME.test(name)) {
      manifestFiles.push(file);
      continue;
    }
    const first = name.includes('.') ? undefined : await firstLine(file);
    const kind = configKind(file, first);
    if (kind) configFiles.push({ file, kind });
    else if (discovery.explicit.has(file)) {
      // Something that cannot be read as a file (a FIFO, a directory link) gets the manifest reader's diagnostic.
      const readable = name.includes('.') ? await isRegularFile(file) : first !== undefined;
      (MANIFEST_EXTENSION.test(name) || !readable ? manifestFiles : ignoredFiles).push(file);
    }
  }
  return { manifestFiles, codeFiles, configFiles, ignoredFiles };
}

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}
