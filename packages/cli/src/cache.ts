/**
 * `--cache`: results of unchanged files are reused. A code file's entry is keyed on its content
 * hash and on how the manifests resolve the credentials its calls use, so a manifest change re-lints
 * exactly the files whose keys changed, and a change to a module whose constants a file imports re-lints
 * that file; CI files' facts depend on their content, a GitLab file's
 * also on its pipeline's files, a reusable workflow's or composite action's on the workflows
 * calling it (findings are recomputed from facts every run). The whole cache is dropped when the
 * tool, the catalogue or the configuration changes.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigFacts } from '@nvcf-keylint/config-scanners';
import { keysByCredential, resolveCredential, type Facts, type ManifestFacts, type SecretOccurrence, type Usage } from '@nvcf-keylint/core';
import type { LintResult } from './results.js';

export interface CodeEntry {
  hash: string;
  /** The file's modification time and size when it was hashed: unchanged, no need to read it. */
  mtimeMs?: number;
  size?: number;
  resolution: string;
  /** The modules whose constants the file's calls were read with, and their content hashes. */
  modules?: Record<string, string>;
  result: LintResult;
  usages: Usage[];
  secrets: SecretOccurrence[];
}

interface CacheData {
  version: 1;
  key: string;
  code: Record<string, CodeEntry>;
  configs: Record<string, { hash: string; facts: ConfigFacts }>;
}

export function hashContent(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export class ResultCache {
  readonly stats = { reused: 0, linted: 0 };
  #data: CacheData;

  private constructor(
    readonly file: string,
    key: string,
    data: CacheData | undefined,
  ) {
    this.#data = data && data.version === 1 && data.key === key ? data : { version: 1, key, code: {}, configs: {} };
  }

  static load(file: string, key: string): ResultCache {
    let data: CacheData | undefined;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
    } catch {
      data = undefined; // missing or unreadable: start over
    }
    return new ResultCache(file, key, data);
  }

  code(file: string, hash: string, resolution: (usages: readonly Usage[]) => string): CodeEntry | undefined {
    const entry = this.#data.code[file];
    if (!entry || entry.hash !== hash || entry.resolution !== resolution(entry.usages)) return undefined;
    return entry;
  }

  /** The content hash recorded for a file whose modification time and size have not changed. */
  knownHash(file: string, mtimeMs: number, size: number): string | undefined {
    const entry = this.#data.code[file];
    return entry && entry.mtimeMs === mtimeMs && entry.size === size ? entry.hash : undefined;
  }

  setCode(file: string, entry: CodeEntry): void {
    this.#data.code[file] = entry;
  }

  config(file: string, hash: string): ConfigFacts | undefined {
    const entry = this.#data.configs[file];
    return entry && entry.hash === hash ? entry.facts : undefined;
  }

  setConfig(file: string, hash: string, facts: ConfigFacts): void {
    this.#data.configs[file] = { hash, facts };
  }

  /** Keeps only entries of files seen this run, and writes atomically. */
  save(seen: ReadonlySet<string>): void {
    const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([f]) => seen.has(f)));
    const data: CacheData = { ...this.#data, code: keep(this.#data.code), configs: keep(this.#data.configs) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(data));
      fs.renameSync(temporary, this.file);
    } catch {
      fs.rmSync(temporary, { force: true }); // a cache that cannot be written is only slower
    }
  }
}

/** The content hash of each module, `missing` for one that cannot be read (see CodeEntry.modules). */
export function hashModules(files: readonly string[], memo: Map<string, string>): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    let hash = memo.get(file);
    if (hash === undefined) {
      try {
        hash = hashContent(fs.readFileSync(file));
      } catch {
        hash = 'missing';
      }
      memo.set(file, hash);
    }
    hashes[file] = hash;
  }
  return hashes;
}

/**
 * How the manifests resolve the credentials of these calls: the keys (their scopes, type,
 * functions and actions) or their absence, and whether any manifest is unreadable. Two runs with
 * the same resolution give the same findings for the same code.
 */
export function resolutionOf(usages: readonly Usage[], manifests: readonly ManifestFacts[]): string {
  if (usages.length === 0) return '';
  const facts: Facts = { manifests: [...manifests], usages: [], secrets: [] };
  const byName = keysByCredential(facts);
  const keys = usages.map((usage) => {
    const key = resolveCredential(usage, byName);
    if (!key) return null;
    const value = (items: Array<{ value: string }> | null) => items?.map((i) => i.value) ?? null;
    return { name: key.name, file: key.file, line: key.range.line, scopes: value(key.scopes), type: key.resourceType?.value ?? null, functions: value(key.functions), actions: value(key.actions) };
  });
  const broken = manifests.filter((m) => m.fatal).map((m) => [m.file, m.fatal?.message]);
  return hashContent(JSON.stringify({ keys, broken, any: manifests.length > 0 }));
}
