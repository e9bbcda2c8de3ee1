/**
 * The configuration file: `--config FILE`, else `nvcf-keylint.config.json`, `.yaml` or `.yml` in
 * the working directory, else the `"nvcf-keylint"` key of its package.json. Validated with its
 * JSON Schema; a mistake is a usage error that says where it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalogue, rules, suggest, type SeveritySetting } from '@nvcf-keylint/core';
import { describeErrno, nodeAtPointer, parseYamlSafely, Positions, rangeOf } from '@nvcf-keylint/manifest';
import type { Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import { buildConfigSchema } from './config-schema.js';

export interface Config {
  file: string | undefined;
  severities: Record<string, SeveritySetting>;
  ignores: string[];
  wrappers: Record<string, unknown> | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const CONFIG_FILES = ['nvcf-keylint.config.json', 'nvcf-keylint.config.yaml', 'nvcf-keylint.config.yml'];

export async function loadConfig(cwd: string, explicit: string | undefined): Promise<Config> {
  const candidates = explicit !== undefined ? [path.resolve(cwd, explicit)] : CONFIG_FILES.map((f) => path.join(cwd, f)).filter((f) => fs.existsSync(f));
  const [file] = candidates;
  const shown = (f: string) => path.relative(cwd, f) || f;
  if (file !== undefined) {
    const source = read(file, shown(file));
    return { ...(await fromData(shown(file), source.data, (pointer) => locate(shown(file), source, pointer))), file };
  }
  const packageJson = path.join(cwd, 'package.json');
  if (fs.existsSync(packageJson)) {
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
    } catch {
      return EMPTY; // a broken package.json is not ours to report
    }
    if (data !== null && typeof data === 'object' && Object.hasOwn(data, 'nvcf-keylint')) {
      const source = read(packageJson, shown(packageJson));
      return { ...(await fromData(shown(packageJson), (data as Record<string, unknown>)['nvcf-keylint'], (pointer) => locate(shown(packageJson), source, `/nvcf-keylint${pointer}`))), file: packageJson };
    }
  }
  return EMPTY;
}

const EMPTY: Config = { file: undefined, severities: {}, ignores: [], wrappers: undefined };

interface Source {
  data: unknown;
  document: Document.Parsed;
  positions: Positions;
}

function read(file: string, shown: string): Source {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the configuration file ${shown}: ${describeErrno((error as NodeJS.ErrnoException).code)}.`);
  }
  const positions = new Positions(text);
  const parsed = parseYamlSafely(text, file.endsWith('.json') ? 'json' : 'yaml', positions);
  if (!parsed.ok) throw new ConfigError(`${shown}:${parsed.fatal.range.line}:${parsed.fatal.range.column}: ${parsed.fatal.message}`);
  return { data: parsed.data, document: parsed.document, positions };
}

/** `file:line:column` of what a JSON pointer names. */
function locate(file: string, source: Source, pointer: string): string {
  const target = nodeAtPointer(source.document, pointer);
  const range = rangeOf(target.key ?? target.written, source.positions);
  return `${file}:${range.line}:${range.column}`;
}

async function fromData(file: string, data: unknown, where: (pointer: string) => string): Promise<Omit<Config, 'file'>> {
  // Only runs that have a configuration file pay for loading the schema validator.
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, logger: false });
  const validate = ajv.compile(buildConfigSchema(rules, loadCatalogue()));
  if (!validate(data ?? {})) {
    const messages = (validate.errors ?? [])
      // A bad rule name comes as `propertyNames` and as an `enum` error about the name: keep one.
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if' && e.propertyName === undefined)
      .slice(0, 5)
      .map((e) => `${where(pointerOf(e))}: ${describe(e)}`);
    throw new ConfigError(`Invalid configuration in ${file}:\n  ${messages.join('\n  ')}`);
  }
  const config = (data ?? {}) as { rules?: Record<string, SeveritySetting>; ignores?: string[]; wrappers?: Record<string, unknown> };
  return { severities: config.rules ?? {}, ignores: config.ignores ?? [], wrappers: config.wrappers };
}

/** The node an error is about: the offending key for unknown or misnamed properties. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${String(params.additionalProperty)}`;
  if (error.keyword === 'propertyNames') return `${error.instancePath}/${String(params.propertyName)}`;
  return error.instancePath;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = ['$schema', 'rules', 'ignores', 'wrappers'];
      const hint = suggest(String(params.additionalProperty), known.map((name) => ({ name })));
      return `unknown property '${String(params.additionalProperty)}'${hint ? `; did you mean '${hint.value}'?` : ''}`;
    }
    case 'propertyNames':
      return `'${String(params.propertyName)}' is not a rule of nvcf-keylint`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => `'${String(v)}'`).join(', ')}`;
    case 'type':
      return `must be ${String(params.type)}`;
    case 'required':
      return `needs '${String(params.missingProperty)}'`;
    default:
      return 'is not valid here';
  }
}
