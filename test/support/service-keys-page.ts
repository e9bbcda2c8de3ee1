/**
 * Reads the NVCF Service Keys page (the copy at ../shared/seed/service-keys.md) into its tables and
 * lists, so tests can compare the catalogue with the page itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PAGE = fileURLToPath(new URL('../../../shared/seed/service-keys.md', import.meta.url));

export interface PageTable {
  header: string[];
  rows: string[][];
}

export interface ServiceKeysPage {
  text: string;
  availableScopes: PageTable;
  resourceTypes: PageTable;
  scopeRequirements: PageTable;
  /** The bullet list in the Info box: scopes that only work with All Entity. */
  allEntityOnly: string[];
  /** Each `**Bold**` heading paragraph of the Common 403 Errors section, with the quote under it. */
  troubleshooting: Map<string, string>;
}

export function readServiceKeysPage(path = SEED_PAGE): ServiceKeysPage {
  const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  return {
    text,
    availableScopes: tableAfter(text, '## Available Scopes'),
    resourceTypes: tableAfter(text, '## Resource Types'),
    scopeRequirements: tableAfter(text, '## Scope Requirements'),
    allEntityOnly: infoList(text),
    troubleshooting: troubleshooting(text),
  };
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`the page has no heading "${heading}"`);
  const level = heading.split(' ')[0] as string;
  const rest = text.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next === -1 ? rest : rest.slice(0, next);
}

function tableAfter(text: string, heading: string): PageTable {
  const lines = section(text, heading)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  if (lines.length < 2) throw new Error(`no table under "${heading}"`);
  const [header, , ...rows] = lines.map(splitRow);
  return { header: header as string[], rows };
}

/** Splits a Markdown table row on pipes that are outside backticks. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (const ch of body) {
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

function infoList(text: string): string[] {
  const info = /<Info>([\s\S]*?)<\/Info>/.exec(text);
  if (!info) throw new Error('the page has no <Info> box');
  return [...(info[1] as string).matchAll(/^\s*-\s+(.+?)\s*$/gm)].map((m) => m[1] as string);
}

function troubleshooting(text: string): Map<string, string> {
  const body = section(text, '### Common 403 Errors');
  const map = new Map<string, string>();
  for (const m of body.matchAll(/^\*\*(.+?)\*\*\n\n((?:>.*\n?)+)/gm)) {
    map.set(m[1] as string, (m[2] as string).replace(/^> ?/gm, '').trim());
  }
  return map;
}

/** Names in bold (`**Name**`) within a passage, in order. */
export function boldNames(passage: string): string[] {
  return [...passage.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] as string);
}

/** The `...` spans of a cell. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}
