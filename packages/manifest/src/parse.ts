import type { FatalProblem } from '@nvcf-keylint/core';
import { parseDocument, type Document } from 'yaml';
import type { Positions } from './positions.js';

/** A manifest may use a few aliases; an alias bomb expands past this and is refused. */
export const MAX_ALIAS_COUNT = 100;

export type Parsed =
  | { ok: true; document: Document.Parsed; data: unknown }
  | { ok: false; fatal: FatalProblem };

/**
 * Parses YAML (and JSON, which is checked as JSON first so that its errors read as JSON errors).
 * Duplicate mapping keys and alias bombs are parse failures.
 */
export function parseManifestText(text: string, format: 'yaml' | 'json', positions: Positions): Parsed {
  if (format === 'json') {
    const jsonError = checkJson(text, positions);
    if (jsonError) return { ok: false, fatal: jsonError };
  }
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    return { ok: false, fatal: { message: internalMessage(error), range: positions.range(0, 0) } };
  }
  const [first] = document.errors;
  if (first) {
    const [start, end] = first.pos;
    return { ok: false, fatal: { message: describeYamlError(first.code, first.message, text.slice(start, end)), range: positions.range(start, end) } };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
    return {
      ok: false,
      fatal: {
        message: bomb
          ? `Parsing error: aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb and is not read.`
          : internalMessage(error),
        range: positions.range(0, 0),
      },
    };
  }
  return { ok: true, document, data };
}

function checkJson(text: string, positions: Positions): FatalProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) return { message: internalMessage(error), range: positions.range(0, 0) };
    const raw = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(raw);
    const offset = at ? Number(at[1]) : text.length;
    const reason = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { message: `Parsing error: invalid JSON: ${reason}.`, range: positions.range(offset, offset + 1) };
  }
}

const YAML_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'each key may appear only once in a mapping',
  BAD_INDENT: 'check the indentation',
  MISSING_CHAR: 'a closing character is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span lines; check the indentation or a missing colon',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span lines; check the indentation or a missing colon',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs',
};

function describeYamlError(code: string, message: string, source: string): string {
  const firstLine = message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? message;
  const hint = YAML_HINTS[code];
  if (code === 'DUPLICATE_KEY') return `Parsing error: duplicate key '${source.trim()}': ${hint}.`;
  return `Parsing error: ${firstLine.replace(/\.$/, '')}${hint ? ` (${hint})` : ''}.`;
}

function internalMessage(error: unknown): string {
  if (error instanceof RangeError) return 'Parsing error: the document is nested too deeply to read.';
  return `Parsing error: ${error instanceof Error ? error.message : String(error)}`;
}
