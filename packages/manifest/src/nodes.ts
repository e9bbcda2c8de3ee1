import type { SourceRange } from '@nvcf-keylint/core';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Positions } from './positions.js';

/** Follows an alias to the node it names (aliases of aliases too, bounded). */
export function resolveNode(document: Document.Parsed, node: unknown): Node | undefined {
  let current = node;
  for (let hops = 0; hops < 32 && isAlias(current); hops++) current = current.resolve(document);
  return isAlias(current) ? undefined : (current as Node | undefined) ?? undefined;
}

export function rangeOf(node: Node | undefined | null, positions: Positions): SourceRange {
  const range = node?.range;
  if (!range) return positions.range(0, 0);
  return positions.range(range[0], range[1]);
}

/** The pair of a mapping whose key is the scalar `name`. */
export function findPair(document: Document.Parsed, map: unknown, name: string): Pair<Node, Node> | undefined {
  const resolved = resolveNode(document, map);
  if (!isMap(resolved)) return undefined;
  return resolved.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name) as Pair<Node, Node> | undefined;
}

export interface PathTarget {
  /** The node at the path, aliases followed (for walking on). */
  node: Node | undefined;
  /** The node as written at the path (an alias stays an alias), for locations. */
  written: Node | undefined;
  /** The mapping key that introduces it, if it is a mapping value. */
  key: Node | undefined;
}

/** Walks a JSON Pointer (as ajv reports it) through the YAML tree. */
export function nodeAtPointer(document: Document.Parsed, pointer: string): PathTarget {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let written = (document.contents ?? undefined) as Node | undefined;
  let node = resolveNode(document, written);
  let key: Node | undefined;
  for (const segment of segments) {
    if (isSeq(node)) {
      written = node.items[Number(segment)] as Node | undefined;
      key = undefined;
    } else if (isMap(node)) {
      const pair = findPair(document, node, segment);
      written = pair?.value ?? undefined;
      key = pair?.key ?? undefined;
    } else {
      return { node: undefined, written: undefined, key: undefined };
    }
    node = resolveNode(document, written);
    if (node === undefined) break;
  }
  return { node, written, key };
}

export function scalarText(document: Document.Parsed, node: unknown): string | undefined {
  const resolved = resolveNode(document, node);
  return isScalar(resolved) && typeof resolved.value === 'string' ? resolved.value : undefined;
}
