import { findKeyMaterial } from '@nvcf-keylint/core';
import { findPair, parseYamlSafely, Positions, resolveNode } from '@nvcf-keylint/manifest';
import { isMap, type Document, type YAMLMap } from 'yaml';
import type { ConfigFacts } from './facts.js';

export interface YamlConfig {
  text: string;
  positions: Positions;
  document: Document.Parsed;
  root: YAMLMap;
  /** The value under `key` of a mapping, aliases followed. */
  get(node: unknown, key: string): ReturnType<typeof resolveNode>;
}

/**
 * Parses a YAML CI file the safe way (nesting and alias limits) and finds its key material.
 * Returns the facts to report as they are when there is nothing more to scan.
 */
export function readYamlConfig(file: string, text: string): { facts: ConfigFacts; config?: YamlConfig } {
  const positions = new Positions(text);
  const secrets = findKeyMaterial(text).map(({ start, end }) => ({ file, range: positions.range(start, end) }));
  const parsed = parseYamlSafely(text, 'yaml', positions);
  if (!parsed.ok) return { facts: { file, usages: [], secrets, problems: [{ file, range: parsed.fatal.range, message: parsed.fatal.message, fatal: true }] } };
  const { document } = parsed;
  const facts: ConfigFacts = { file, usages: [], secrets, problems: [] };
  const root = resolveNode(document, document.contents);
  if (!isMap(root)) return { facts };
  const get = (node: unknown, key: string) => resolveNode(document, findPair(document, node, key)?.value);
  return { facts, config: { text, positions, document, root, get } };
}
