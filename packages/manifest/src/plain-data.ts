/**
 * The JavaScript value of a YAML tree that is plain data, as real manifests are: mappings with
 * scalar keys, sequences and scalars, without aliases, tags on collections or merge keys. For such
 * a tree it equals `document.toJS()` (a property test compares them), at a fraction of the cost:
 * toJS tracks anchors and builds a context per node, which profiles of manifest throughput showed
 * as the largest cost after parsing itself. Anything else is `undefined`, and the caller uses toJS.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';

const NOT_PLAIN = Symbol('not plain');

export function plainData(contents: unknown): { value: unknown } | undefined {
  const value = convert(contents);
  return value === NOT_PLAIN ? undefined : { value };
}

function convert(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const { value } = node;
    return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : NOT_PLAIN;
  }
  if (isMap(node)) {
    if (node.tag !== undefined) return NOT_PLAIN;
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : NOT_PLAIN;
      // toJS names keys as String() does, null as ''; `<<` may be a merge key, left to toJS.
      if (key === '<<' || !(key === null || typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean')) return NOT_PLAIN;
      const name = key === null ? '' : String(key);
      const value = convert(pair.value);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      // As toJS does: `__proto__` becomes an own property, not the prototype. It is the only name
      // Object.prototype has a setter for; any other assignment makes or overwrites an own property.
      if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
      else object[name] = value;
    }
    return object;
  }
  if (isSeq(node)) {
    if (node.tag !== undefined) return NOT_PLAIN;
    const array: unknown[] = [];
    for (const item of node.items) {
      const value = isPair(item) ? NOT_PLAIN : convert(item);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      array.push(value);
    }
    return array;
  }
  return NOT_PLAIN;
}
