import { loadCatalogue, suggest, type Catalogue, type ManifestSchemaMessageId, type SchemaProblem } from '@nvcf-keylint/core';
import type { ErrorObject } from 'ajv';
import { validate as validateGenerated } from './manifest-validator.generated.js';
import type { Document } from 'yaml';
import { nodeAtPointer, rangeOf } from './nodes.js';
import type { Positions } from './positions.js';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Compiled ahead of time from the catalogue's manifest schema (see scripts/generated-files.ts). */
const manifestValidator = validateGenerated as unknown as CompiledValidator;

/**
 * Validates parsed manifest data against the manifest schema and turns each ajv error into a
 * problem in words, located at the YAML node it concerns. Unknown scope and action names are left
 * to the `unknown-scope` and `unknown-action` rules, which can suggest the intended name.
 */
export function validateManifest(
  data: unknown,
  document: Document.Parsed,
  positions: Positions,
  catalogue: Catalogue = loadCatalogue(),
): SchemaProblem[] {
  if (data === null || data === undefined) {
    return [{ messageId: 'emptyManifest', data: {}, range: positions.range(0, 0) }];
  }
  const validate = manifestValidator;
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = describeError(error, data, document, positions, catalogue);
    if (!problem) continue;
    const id = `${problem.messageId}|${problem.range.line}:${problem.range.column}|${JSON.stringify(problem.data)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

type Problem = { messageId: ManifestSchemaMessageId; data: Record<string, string>; range: SchemaProblem['range'] };

function describeError(
  error: ErrorObject,
  data: unknown,
  document: Document.Parsed,
  positions: Positions,
  catalogue: Catalogue,
): Problem | undefined {
  const path = error.instancePath;
  const target = nodeAtPointer(document, path);
  // Point at `scopes:` rather than at the whole list below it, where there is such a key.
  const here = rangeOf(target.key ?? target.written, positions);
  const where = describePath(path);
  const segments = pathSegments(path);
  const field = segments.at(-1);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, segments);
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      if (property === 'functions' && field === 'resource') {
        const type = valueAt(data, [...segments, 'type']);
        return {
          messageId: 'functionsRequired',
          data: { key: segments[1] ?? '', resourceType: String(type), format: functionFormat(catalogue, String(type)) },
          range: here,
        };
      }
      return { messageId: 'missingProperty', data: { where, property }, range: here };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const pair = nodeAtPointer(document, `${path}/${escapePointer(property)}`);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = suggest(property, known.map((name) => ({ name })));
      return {
        messageId: 'unknownProperty',
        data: { where, property, hint: suggestion ? ` Did you mean \`${suggestion.value}\`?` : ` Allowed: ${known.map((k) => `\`${k}\``).join(', ')}.` },
        range: rangeOf(pair.key ?? pair.written, positions),
      };
    }
    case 'type':
      return { messageId: 'wrongType', data: { where, expected: typeName(String(params.type)), actual: describeValue(value) }, range: here };
    case 'const':
      if (path === '/version') return { messageId: 'unsupportedVersion', data: { value: describeValue(value) }, range: here };
      return { messageId: 'invalidValue', data: { where, allowed: JSON.stringify(params.allowedValue), value: describeValue(value), hint: '' }, range: here };
    case 'enum': {
      // Scope and action names have rules of their own that can suggest the intended one.
      const parent = segments.at(-2);
      if (typeof value !== 'string') {
        // Scope and action entries have no `type` of their own: say here that they must be text.
        if (parent === 'scopes' || parent === 'actions') return { messageId: 'wrongType', data: { where, expected: 'text', actual: describeValue(value) }, range: here };
        return undefined; // `type` already says what is wrong
      }
      if (parent === 'scopes' || parent === 'actions') return undefined;
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = suggest(value, allowed.map((name) => ({ name })));
      return {
        messageId: 'invalidValue',
        data: {
          where,
          allowed: `one of ${allowed.join(', ')}`,
          value: `'${value}'`,
          hint: suggestion ? ` Did you mean '${suggestion.value}'?` : '',
        },
        range: here,
      };
    }
    case 'minItems':
      return { messageId: 'emptyList', data: { where }, range: here };
    case 'minProperties':
      return { messageId: 'noKeys', data: {}, range: here };
    case 'minLength':
      return { messageId: 'emptyText', data: { where }, range: here };
    case 'uniqueItems': {
      const j = Number(params.j);
      const item = nodeAtPointer(document, `${path}/${Math.max(Number(params.i), j)}`);
      return {
        messageId: 'duplicateItem',
        data: { where, value: describeValue(Array.isArray(value) ? value[j] : undefined) },
        range: rangeOf(item.written, positions),
      };
    }
    case 'propertyNames':
      return {
        messageId: 'invalidKeyName',
        data: { value: String(params.propertyName) },
        range: rangeOf(nodeAtPointer(document, `${path}/${escapePointer(String(params.propertyName))}`).key, positions),
      };
    case 'pattern': {
      if (error.propertyName !== undefined) return undefined; // reported as `propertyNames`
      if (segments.at(-2) === 'functions') {
        const type = valueAt(data, [...segments.slice(0, -2), 'type']);
        return { messageId: 'functionFormat', data: { where, format: functionFormat(catalogue, String(type)), value: describeValue(value) }, range: here };
      }
      if (segments.at(-2) === 'env') {
        return {
          messageId: 'invalidValue',
          data: { where, allowed: 'an environment variable or CI secret name (letters, digits and _)', value: describeValue(value), hint: '' },
          range: here,
        };
      }
      return { messageId: 'invalidValue', data: { where, allowed: `text matching ${String(params.pattern)}`, value: describeValue(value), hint: '' }, range: here };
    }
    case 'not': {
      if (field === 'resource') {
        const functions = nodeAtPointer(document, `${path}/functions`);
        return {
          messageId: 'functionsNotAllowed',
          data: { key: segments[1] ?? '', resourceType: String(valueAt(data, [...segments, 'type'])) },
          range: rangeOf(functions.key, positions),
        };
      }
      return { messageId: 'invalidValue', data: { where, allowed: 'a different value', value: describeValue(value), hint: '' }, range: here };
    }
    case 'if':
    case 'allOf':
      return undefined; // the failing branch reports the real problem
    default:
      return { messageId: 'invalidValue', data: { where, allowed: 'a valid value', value: describeValue(value), hint: '' }, range: here };
  }
}

function functionFormat(catalogue: Catalogue, resourceType: string): string {
  return catalogue.resourceType(resourceType)?.functionList === 'function-versions'
    ? 'function ids with versions, as `id:version`'
    : 'function ids';
}

function pathSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** `/keys/ci/resource/functions/0` -> "Entry 1 of `resource.functions` in key 'ci'". */
export function describePath(pointer: string): string {
  const segments = pathSegments(pointer);
  if (segments.length === 0) return 'The manifest';
  if (segments[0] !== 'keys' || segments.length === 1) return `\`${segments.join('.')}\``;
  const key = segments[1] ?? '';
  const rest = segments.slice(2);
  if (rest.length === 0) return `Key '${key}'`;
  const last = rest.at(-1) ?? '';
  if (/^\d+$/.test(last)) return `Entry ${Number(last) + 1} of \`${rest.slice(0, -1).join('.')}\` in key '${key}'`;
  return `\`${rest.join('.')}\` of key '${key}'`;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  return String(value);
}
