/**
 * Applies fixes to a manifest as text edits at the nodes they concern, so that comments, key
 * order, quoting and the formatting of everything else stay byte for byte as they were.
 */
import type { ManifestFix, SourceRange } from '@nvcf-keylint/core';
import { isAlias, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { findPair, resolveNode } from './nodes.js';
import { parseManifestText } from './parse.js';
import { Positions } from './positions.js';
import { manifestFormat } from './read.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The manifest text with `fixes` applied; the same text when none applies. */
export function applyManifestFixes(file: string, text: string, fixes: readonly ManifestFix[]): string {
  const positions = new Positions(text);
  const parsed = parseManifestText(text, manifestFormat(file), positions);
  if (!parsed.ok) return text;
  const json = manifestFormat(file) === 'json';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  // Several findings may ask for items on the same list: one insertion per list, in order.
  const additions = new Map<string, { key: string; field: 'scopes' | 'actions'; items: string[] }>();
  for (const fix of fixes) {
    if (fix.kind === 'replace-item') {
      edits.push(replaceScalar(text, offsetRange(text, fix.range), fix.text, json));
      continue;
    }
    const id = `${fix.key}\u0000${fix.field}`;
    const entry = additions.get(id) ?? { key: fix.key, field: fix.field, items: [] };
    for (const item of fix.items) if (!entry.items.includes(item)) entry.items.push(item);
    additions.set(id, entry);
  }
  for (const { key, field, items } of additions.values()) {
    const edit = appendItems(parsed.document, text, key, field, items, json, newline);
    if (edit) edits.push(edit);
  }
  return applyEdits(text, edits);
}

function offsetRange(text: string, range: SourceRange): { start: number; end: number } {
  const offset = (line: number, column: number) => {
    let index = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', index);
      if (next === -1) return text.length;
      index = next + 1;
    }
    return index + column - 1;
  };
  return { start: offset(range.line, range.column), end: offset(range.endLine, range.endColumn) };
}

/** Replaces the scalar at a range, in the quoting it was written in. */
function replaceScalar(text: string, at: { start: number; end: number }, value: string, json: boolean): Edit {
  const raw = text.slice(at.start, at.end);
  const quote = raw.startsWith('"') || json ? '"' : raw.startsWith("'") ? "'" : '';
  return { start: at.start, end: at.end, text: render(value, quote) };
}

function render(value: string, quote: string): string {
  if (quote === '"') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** Adds items at the end of a key's list, in the list's own style (flow or block, quoted or not). */
function appendItems(document: Document.Parsed, text: string, keyName: string, field: 'scopes' | 'actions', items: readonly string[], json: boolean, newline: string): Edit | undefined {
  const keys = resolveNode(document, findPair(document, document.contents, 'keys')?.value);
  const key = resolveNode(document, findPair(document, keys, keyName)?.value);
  const pair = findPair(document, key, field);
  // A list shared through an anchor is not edited: the change would reach other keys.
  if (!pair || isAlias(pair.value) || !isSeq(pair.value) || !pair.value.range || pair.value.anchor) return undefined;
  const seq = pair.value;
  const range = pair.value.range;
  const existing = seq.items.filter((i): i is Scalar => isScalar(i));
  const missing = items.filter((item) => !existing.some((e) => e.value === item));
  if (missing.length === 0) return undefined;
  const quote = json ? '"' : (quoteOf(existing[0]) ?? '');
  if (seq.flow) {
    const close = text.lastIndexOf(']', range[1] - 1);
    if (close < range[0]) return undefined;
    const last = seq.items.at(-1) as Node | undefined;
    const rendered = missing.map((m) => render(m, quote)).join(', ');
    if (!last?.range) return { start: range[0], end: close + 1, text: `[${rendered}]` };
    return { start: last.range[1], end: last.range[1], text: `, ${rendered}` };
  }
  const last = seq.items.at(-1) as Node | undefined;
  if (!last?.range) return undefined;
  const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
  const dash = text.indexOf('-', lineStart);
  if (dash === -1 || dash > last.range[0]) return undefined;
  const indent = text.slice(lineStart, dash);
  const lineEnd = text.indexOf('\n', last.range[1]);
  const insertAt = lineEnd === -1 ? text.length : lineEnd > 0 && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { start: insertAt, end: insertAt, text: missing.map((m) => `${newline}${indent}- ${render(m, quote)}`).join('') };
}

function quoteOf(node: Scalar | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'QUOTE_DOUBLE') return '"';
  if (node.type === 'QUOTE_SINGLE') return "'";
  return '';
}

/** Applies non-overlapping edits, last first; an edit overlapping an earlier one is dropped. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let boundary = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > boundary) continue;
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    boundary = edit.start;
  }
  return result;
}
