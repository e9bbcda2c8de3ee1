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
}

export async function analyseProject(inputs: readonly string[], options: ProjectOptions): Promise<Project> {
  const { cwd } = options;
  const discovery = await discoverFiles(inputs, cwd, [...MANIFEST_PATTERNS, ...CODE_PATTERNS, ...CONFIG_PATTERNS], [...CODE_IGNORES, ...(options.ignores ?? [])]);
  const { manifestFiles, codeFiles, configFiles } = await classify(discovery);
  const catalogue = loadCatalogue();
  // Files linted without any manifest among them are checked against the nearest one above them.
  const implicitManifests = manifestFiles.length > 0 ? [] : [...new Set([...configFiles.map((c) => c.file), ...codeFiles].flatMap((f) => nearestManifests(f)))];
  const [manifests, configs] = await Promise.all([readManifestFiles([...manifestFiles, ...implicitManifests]), scanConfigFiles(configFiles, catalogue)]);
  const code = await lintCode(codeFiles, {
    cwd,
    manifests: [...manifestFiles, ...implicitManifests],
    ...(options.wrappers ? { wrappers: options.wrappers } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
  });
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
  };
}

const MANIFEST_NAME = /^(?:.+\.)?nvcf-keys\.(?:ya?ml|json)$/;

/** Sorts what discovery found: code by extension, CI files and scripts by name (or shebang), manifests by name or because they were named. */
async function classify(discovery: Discovery) {
  const manifestFiles: string[] = [];
  const codeFiles: string[] = [];
  const configFiles: Array<{ file: string; kind: ConfigKind }> = [];
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
    const kind = configKind(file, name.includes('.') ? undefined : await firstLine(file));
    if (kind) configFiles.push({ file, kind });
    else if (discovery.explicit.has(file)) manifestFiles.push(file);
  }
  return { manifestFiles, codeFiles, configFiles };
}
