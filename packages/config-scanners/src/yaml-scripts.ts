/**
 * Scripts inside YAML (a `run: |` step, a GitLab `script:` item), as embedded text that maps
 * back to the file: block scalars line by line without their indentation, quoted and plain
 * scalars where they stand.
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
      if (newline === -1) return fallback(value, at(start));
      const body = raw.slice(newline + 1);
      const lines = body.split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
      if (!Number.isFinite(indent)) return fallback(value, at(start));
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
      return embedded.text.trimEnd() === value.trimEnd() || folded ? embedded : fallback(value, at(start));
    }
    case 'PLAIN':
      return !raw.includes('\n') && raw === value ? new EmbeddedText().append(value, at(start).line, at(start).column) : fallback(value, at(start));
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE': {
      const inner = raw.slice(1, -1);
      return inner === value && !inner.includes('\n') ? new EmbeddedText().append(value, at(start + 1).line, at(start + 1).column) : fallback(value, at(start));
    }
    default:
      return fallback(value, at(start));
  }
}

/** The value itself, every line placed at the scalar's start: positions are approximate. */
function fallback(value: string, at: { line: number; column: number }): EmbeddedText {
  const embedded = new EmbeddedText();
  value.split('\n').forEach((line, i) => {
    if (i > 0) embedded.appendSynthetic('\n');
    embedded.append(line, at.line + i, i === 0 ? at.column : 1);
  });
  return embedded;
}

export type { Document };
