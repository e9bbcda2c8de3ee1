/**
 * Scripts inside YAML (a `run: |` step, a GitLab `script:` item), as embedded text that maps
 * back to the file: block scalars line by line without their indentation, quoted and plain
 * scalars character by character through folding and escapes.
 */
import { isScalar, type Document, type Node, type Scalar } from 'yaml';
import { EmbeddedText } from './embedded-text.js';
import type { Positions } from '@nvcf-keylint/manifest';

export function scalarScript(node: Node | undefined | null, source: string, positions: Positions): EmbeddedText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const scalar = node as Scalar<string>;
  const [start, end] = scalar.range as [number, number, number];
  const raw = source.slice(start, end);
  const at = (offset: number) => {
    const range = positions.range(offset, offset);
    return { line: range.line, column: range.column };
  };
  const value = scalar.value;
  switch (scalar.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const newline = raw.indexOf('\n');
      if (newline === -1) return anchored(value, at(start));
      const body = raw.slice(newline + 1);
      const lines = body.split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
      if (!Number.isFinite(indent)) return anchored(value, at(start));
      const embedded = new EmbeddedText();
      let offset = start + newline + 1;
      const folded = scalar.type === 'BLOCK_FOLDED';
      lines.forEach((line, i) => {
        if (i > 0) embedded.appendSynthetic(folded && line.trim() !== '' && (lines[i - 1] ?? '').trim() !== '' && !/^\s/.test(line.slice(indent)) ? ' ' : '\n');
        const content = line.slice(Math.min(indent, line.length));
        const position = at(offset + Math.min(indent, line.length));
        embedded.append(content, position.line, position.column);
        offset += line.length + 1;
      });
      // Trust the mapping only when it reproduces the value YAML reads.
      return embedded.text.trimEnd() === value.trimEnd() || folded ? embedded : anchored(value, at(start));
    }
    case 'PLAIN':
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE': {
      // Flow scalars fold across lines and (quoted) have escapes: map each character back.
      const quoted = scalar.type !== 'PLAIN';
      const chars = flowCharacters(quoted ? raw.slice(1, -1) : raw, quoted ? start + 1 : start, scalar.type);
      if (!chars || chars.map((c) => c.text).join('') !== value) return anchored(value, at(start));
      const embedded = new EmbeddedText();
      let run: { text: string; from: number; last: number } | undefined;
      const flush = () => {
        if (!run) return;
        const position = at(run.from);
        embedded.append(run.text, position.line, position.column);
        run = undefined;
      };
      for (const c of chars) {
        if (c.at === undefined) {
          flush();
          embedded.appendSynthetic(c.text);
        } else if (run && c.at === run.last + 1 && !c.escape) {
          run.text += c.text;
          run.last = c.at;
        } else {
          flush();
          if (c.escape) {
            const position = at(c.at);
            embedded.append(c.text, position.line, position.column);
          } else run = { text: c.text, from: c.at, last: c.at };
        }
      }
      flush();
      return embedded;
    }
    default:
      return anchored(value, at(start));
  }
}

interface FlowCharacter {
  text: string;
  /** Its offset in the file; `undefined` for a line break folded into a space or newline. */
  at?: number;
  /** An escape sequence (or `''`) that stands for it: longer in the file than in the value. */
  escape?: boolean;
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The characters of a plain or quoted flow scalar as YAML reads them, each with where it is in the
 * file: line folding (a line break between text is a space, n empty lines are n newlines, the
 * spaces around a break are dropped), `''` in single quotes, and double-quoted escapes (with `\`
 * at a line end joining the lines). `undefined` for anything it does not understand.
 */
function flowCharacters(inner: string, base: number, type: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'): FlowCharacter[] | undefined {
  const out: FlowCharacter[] = [];
  let i = 0;
  while (i < inner.length) {
    const c = inner[i] as string;
    if (c === '\n' || (c === '\r' && inner[i + 1] === '\n')) {
      // Spaces before the break go, unless escaped.
      while (out.length > 0 && (out.at(-1)?.text === ' ' || out.at(-1)?.text === '\t') && !out.at(-1)?.escape) out.pop();
      let breaks = 0;
      while (i < inner.length && (inner[i] === '\n' || inner[i] === '\r')) {
        if (inner[i] === '\r') i++;
        if (inner[i] !== '\n') return undefined;
        breaks++;
        i++;
        while (inner[i] === ' ' || inner[i] === '\t') i++;
      }
      if (breaks === 1) out.push({ text: ' ' });
      else for (let k = 1; k < breaks; k++) out.push({ text: '\n' });
      continue;
    }
    if (type === 'QUOTE_SINGLE' && c === "'" && inner[i + 1] === "'") {
      out.push({ text: "'", at: base + i, escape: true });
      i += 2;
      continue;
    }
    if (type === 'QUOTE_DOUBLE' && c === '\\') {
      const next = inner[i + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break: the lines join with nothing between them.
        i += next === '\r' ? 3 : 2;
        while (inner[i] === ' ' || inner[i] === '\t') i++;
        continue;
      }
      if (next !== undefined && ESCAPES[next] !== undefined) {
        out.push({ text: ESCAPES[next] as string, at: base + i, escape: true });
        i += 2;
        continue;
      }
      const digits = next === undefined ? undefined : HEX_ESCAPES[next];
      const hex = digits === undefined ? undefined : inner.slice(i + 2, i + 2 + digits);
      if (digits === undefined || hex === undefined || !new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
      out.push({ text: String.fromCodePoint(Number.parseInt(hex, 16)), at: base + i, escape: true });
      i += 2 + digits;
      continue;
    }
    out.push({ text: c, at: base + i });
    i++;
  }
  return out;
}

/**
 * The value as synthetic text anchored at the scalar's start, when its characters cannot be placed
 * (an indentation indicator, a mapping that does not reproduce the value): every position is then
 * the scalar's start, approximate but always inside the file.
 */
function anchored(value: string, at: { line: number; column: number }): EmbeddedText {
  return new EmbeddedText().append('', at.line, at.column).appendSynthetic(value);
}

export type { Document };
