import { UNKNOWN } from './nvcf-request.js';

/** One simple command of a shell string: its leading `NAME=value` assignments and its words. */
export interface ShellCommand {
  assignments: Map<string, ShellWord>;
  words: ShellWord[];
}

export interface ShellWord {
  /** The word with quotes removed; expansions that cannot be known are {@link UNKNOWN}. */
  text: string;
  /** A lone `$NAME` / `${NAME}` (possibly quoted): the variable it expands. */
  variable?: string;
  /** Offsets of the word in the input. */
  start: number;
  end: number;
}

/**
 * Splits a command string the way `exec()` hands it to `sh -c`: quotes, backslashes, `$VAR` and
 * `${VAR}` expansions, and the operators that separate commands (`;`, `&&`, `||`, `|`, `&`,
 * newlines). Enough for the one-line commands code passes to child_process; CI files and scripts
 * get a real shell parser. Linear in the input; never throws.
 */
export function splitShellCommands(input: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: RawWord[] = [];
  let i = 0;
  const flush = () => {
    const assignments = new Map<string, ShellWord>();
    let first = 0;
    for (; first < words.length; first++) {
      const word = words[first] as RawWord;
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.raw);
      if (!match) break;
      const valueText = word.text.slice((match[1] as string).length + 1);
      const value: ShellWord = { text: valueText, start: word.start + (match[1] as string).length + 1, end: word.end };
      const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word.raw.slice((match[1] as string).length + 1).replace(/^"(.*)"$/, '$1'));
      if (variable) value.variable = variable[1] as string;
      assignments.set(match[1] as string, value);
    }
    if (words.length > 0) commands.push({ assignments, words: words.slice(first).map(stripRaw) });
    words = [];
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')') {
      flush();
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < input.length && input[i] !== '\n') i++;
      continue;
    }
    const start = i;
    let text = '';
    let singleVariable: string | undefined;
    let parts = 0;
    while (i < input.length && !' \t\n;|&()'.includes(input[i] as string)) {
      const c = input[i] as string;
      parts++;
      if (c === '\\') {
        if (input[i + 1] === '\n') {
          i += 2;
          continue;
        }
        text += input[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        const close = input.indexOf("'", i + 1);
        const end = close === -1 ? input.length : close;
        text += input.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        i++;
        while (i < input.length && input[i] !== '"') {
          if (input[i] === '\\' && i + 1 < input.length) {
            text += input[i + 1];
            i += 2;
          } else if (input[i] === '$') {
            const expansion = readExpansion(input, i);
            text += UNKNOWN;
            if (expansion.variable && parts === 1) singleVariable = expansion.variable;
            i = expansion.end;
          } else {
            text += input[i];
            i++;
          }
        }
        i++;
      } else if (c === '$') {
        const expansion = readExpansion(input, i);
        text += UNKNOWN;
        if (expansion.variable) singleVariable = parts === 1 ? expansion.variable : undefined;
        i = expansion.end;
      } else if (c === '`') {
        const close = input.indexOf('`', i + 1);
        text += UNKNOWN;
        i = close === -1 ? input.length : close + 1;
      } else {
        text += c;
        i++;
      }
    }
    const word: RawWord = { text, start, end: i, raw: input.slice(start, i) };
    if (singleVariable !== undefined && text === UNKNOWN) word.variable = singleVariable;
    words.push(word);
  }
  flush();
  return commands;
}

type RawWord = ShellWord & { raw: string };

function stripRaw(word: RawWord): ShellWord {
  const { raw: _raw, ...rest } = word;
  return rest;
}

function readExpansion(input: string, at: number): { end: number; variable?: string } {
  const next = input[at + 1];
  if (next === '{') {
    const close = input.indexOf('}', at + 2);
    const end = close === -1 ? input.length : close + 1;
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.exec(input.slice(at + 2, end - 1));
    return name ? { end, variable: name[0] } : { end };
  }
  if (next === '(') {
    let depth = 0;
    let j = at + 1;
    for (; j < input.length; j++) {
      if (input[j] === '(') depth++;
      else if (input[j] === ')' && --depth === 0) break;
    }
    return { end: Math.min(input.length, j + 1) };
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(at + 1, at + 256));
  if (name) return { end: at + 1 + name[0].length, variable: name[0] };
  return { end: Math.min(input.length, at + 2) };
}
