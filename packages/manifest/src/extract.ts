import type { Catalogue, KeySpec, Located } from '@nvcf-keylint/core';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { findPair, rangeOf, resolveNode, scalarText } from './nodes.js';
import type { Positions } from './positions.js';

/**
 * Reads every key the manifest declares, leniently: a field the manifest got wrong becomes `null`
 * (or is left out) so that the rest of the key is still checked. The schema reports the mistake.
 */
export function extractKeys(document: Document.Parsed, file: string, positions: Positions, catalogue: Catalogue): KeySpec[] {
  const keysPair = findPair(document, document.contents, 'keys');
  const keysMap = resolveNode(document, keysPair?.value);
  if (!isMap(keysMap)) return [];
  const keys: KeySpec[] = [];
  for (const pair of keysMap.items) {
    if (!isScalar(pair.key)) continue;
    const body = resolveNode(document, pair.value);
    const name = String(pair.key.value);
    // Names the catalogue knows are handed on as its own strings (see Catalogue#knownName).
    const located = (node: unknown) => locatedStrings(document, node, positions, catalogue);
    const resource = findPair(document, body, 'resource');
    const typePair = findPair(document, resource?.value, 'type');
    const typeText = scalarText(document, typePair?.value);
    const description = scalarText(document, findPair(document, body, 'description')?.value);
    const actionsPair = findPair(document, body, 'actions');
    const key: KeySpec = {
      name,
      file,
      range: rangeOf(pair.key as Node, positions),
      env: located(findPair(document, body, 'env')?.value) ?? [],
      scopes: located(findPair(document, body, 'scopes')?.value),
      resourceType:
        typeText === undefined ? null : { value: catalogue.knownName(typeText), range: rangeOf(typePair?.value as Node, positions) },
      functions: located(findPair(document, resource?.value, 'functions')?.value) ?? [],
      // Declared but malformed counts as declared: the schema reports it, nothing is inferred.
      actions: actionsPair === undefined ? null : (located(actionsPair.value) ?? []),
    };
    if (description !== undefined) key.description = description;
    keys.push(key);
  }
  return keys;
}

/** The string items of a sequence, each at the place it is written; `null` if not a sequence. */
function locatedStrings(document: Document.Parsed, node: unknown, positions: Positions, catalogue: Catalogue): Located<string>[] | null {
  const seq = resolveNode(document, node);
  if (!isSeq(seq)) return null;
  const items: Located<string>[] = [];
  for (const item of seq.items) {
    const text = scalarText(document, item);
    if (text !== undefined) items.push({ value: catalogue.knownName(text), range: rangeOf(item as Node, positions) });
  }
  return items;
}
