import type { FatalProblem } from '@nvcf-keylint/core';
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Composer, Parser, type CST, type Document } from 'yaml';
import { plainData } from './plain-data.js';
import type { Positions } from './positions.js';

/** A manifest may use a few aliases; an alias bomb expands past this and is refused. */
export const MAX_ALIAS_COUNT = 100;

/**
 * A manifest nests about six levels deep. Deeper documents are refused before they are composed:
 * the composer recurses, and a stack overflow inside V8's regular-expression engine is fatal to the
 * process rather than a catchable error.
 */
export const MAX_NESTING = 64;

export type Parsed =
  | { ok: true; document: Document.Parsed; data: unknown }
  | { ok: false; fatal: FatalProblem };

/**
 * Parses YAML (and JSON, which is checked as JSON first so that its errors read as JSON errors).
 * Duplicate mapping keys and alias bombs are parse failures.
 */
export function parseManifestText(text: string, format: 'yaml' | 'json', positions: Positions): Parsed {
  let document: Document.Parsed;
  try {
    // The CST parser is iterative, so it is safe on any input; depth is checked before composing.
    const tokens = [...new Parser().parse(text)];
    const tooDeep = findExcessiveNesting(tokens, MAX_NESTING);
    if (tooDeep !== undefined) {
      return {
        ok: false,
        fatal: {
          message: `Parsing error: the document nests more than ${MAX_NESTING} levels deep and is not read; a manifest needs a handful.`,
          range: positions.range(tooDeep, tooDeep + 1),
        },
      };
    }
    const documents = [...new Composer({ prettyErrors: false, uniqueKeys: true, strict: true }).compose(tokens, true, text.length)];
    if (documents.length > 1) {
      const second = documents[1]?.range[0] ?? 0;
      return {
        ok: false,
        fatal: { message: `Parsing error: a manifest is one YAML document; this file has ${documents.length}.`, range: positions.range(second, second) },
      };
    }
    document = documents[0] as Document.Parsed;
  } catch (error) {
    return { ok: false, fatal: { message: internalMessage(error), range: positions.range(0, 0) } };
  }
  if (format === 'json') {
    // Checked after YAML, whose errors are located well; this catches what YAML allows and JSON not.
    const jsonError = checkJson(text, positions);
    if (jsonError) return { ok: false, fatal: jsonError };
  }
  const [first] = document.errors;
  if (first) {
    const [start, end] = first.pos;
    return { ok: false, fatal: { message: describeYamlError(first.code, first.message, keyTextAt(text, start)), range: positions.range(start, end) } };
  }
  let data: unknown;
  try {
    const plain = plainData(document.contents);
    data = plain ? plain.value : document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
  const errors: ParseError[] = [];
  parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const [first] = errors;
  if (!first) return undefined;
  return {
    message: `Parsing error: invalid JSON: ${JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)}.`,
    range: positions.range(first.offset, first.offset + Math.max(1, first.length)),
  };
}

const JSON_ERRORS: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace is expected',
  CloseBracketExpected: 'a closing bracket is expected',
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

const YAML_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'each key may appear only once in a mapping',
  BAD_INDENT: 'check the indentation',
  MISSING_CHAR: 'a closing character is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span lines; check the indentation or a missing colon',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span lines; check the indentation or a missing colon',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs',
};

/** The mapping key written at `offset`, quoted or plain (for duplicate-key messages). */
function keyTextAt(text: string, offset: number): string {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:\n]*))/.exec(text.slice(offset, offset + 200));
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
}

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

/** The offset of the first collection nested deeper than `max`, walking the CST without recursion. */
function findExcessiveNesting(tokens: readonly CST.Token[], max: number): number | undefined {
  // Two parallel stacks rather than one of {token, depth} records: this walk runs on every manifest.
  const stack: Array<CST.Token | null | undefined> = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (stack.length > 0) {
    const token = stack.pop();
    const depth = depths.pop() as number;
    if (token === undefined || token === null) continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        depths.push(depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > max) return token.offset;
        for (const item of token.items) {
          // Only collections nest: scalars in the items need no visit.
          if ('key' in item && isCollection(item.key)) {
            stack.push(item.key);
            depths.push(depth + 1);
          }
          if (isCollection(item.value)) {
            stack.push(item.value);
            depths.push(depth + 1);
          }
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

function isCollection(token: CST.Token | null | undefined): boolean {
  const type = token?.type;
  return type === 'block-map' || type === 'block-seq' || type === 'flow-collection';
}
