/**
 * The manifest reader's fast path for plain YAML data gives exactly what `document.toJS()` gives,
 * and leaves every tree it does not handle (aliases, merge keys, tags, complex keys) to toJS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { plainData } from '../packages/manifest/src/plain-data.js';

const toJS = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) as unknown;
const fast = (text: string) => plainData(parseDocument(text, { uniqueKeys: true }).contents);

/**
 * Same values, same own properties in the same order (an own __proto__ or constructor included),
 * same prototypes. (toStrictEqual compares `constructor` properties as classes, so it cannot.)
 */
function expectSame(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  if (actual === null || typeof actual !== 'object') {
    expect(Object.is(actual, expected)).toBe(true);
    return;
  }
  expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
  expect(Reflect.ownKeys(actual)).toEqual(Reflect.ownKeys(expected as object));
  for (const key of Reflect.ownKeys(actual)) {
    const [a, b] = [Object.getOwnPropertyDescriptor(actual, key), Object.getOwnPropertyDescriptor(expected, key)] as [PropertyDescriptor, PropertyDescriptor];
    expect({ ...a, value: undefined }).toEqual({ ...b, value: undefined });
    expectSame(a.value, b.value);
  }
}

describe('plainData', () => {
  it('equals toJS on any JSON value written as YAML, block or flow', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, flow) => {
        const text = stringify(value, flow ? { collectionStyle: 'flow' } : {});
        const result = fast(text);
        expect(result).toBeDefined();
        expectSame(result?.value, toJS(text));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a manifest', 'version: 1\nkeys:\n  ci:\n    env: [NGC_CLI_API_KEY]\n    scopes: [Deploy Function, List Functions]\n    resource: { type: All Functions }\n'],
    ['inherited names as keys', '__proto__: 1\nconstructor: { toString: 2 }\nhasOwnProperty: 3\n'],
    ['non-string scalar keys', '1.0: a\ntrue: b\n~: c\n0x10: d\n'],
    ['keys that name the same property', '1: a\nx: y\n"1": b\ntrue: c\n"true": d\n'],
    ['empty values and an empty document', 'a:\nb: []\nc: {}\nd: ""\n'],
    ['an empty document', ''],
    ['a comment only', '# nothing\n'],
    ['numbers and specials', 'a: .inf\nb: -.inf\nc: 1e3\nd: 0o17\ne: null\nf: false\n'],
    ['an anchor without an alias', 'a: &x [1, 2]\nb: 3\n'],
    ['a pair in a flow sequence (a one-pair mapping)', 'a: [x: 1, y]\n'],
  ])('equals toJS on %s', (_name, text) => {
    const result = fast(text);
    expect(result).toBeDefined();
    expectSame(result?.value, toJS(text));
  });

  it.each([
    ['an alias', 'a: &x [1]\nb: *x\n'],
    ['a merge key', 'base: &b { x: 1 }\nkey:\n  <<: *b\n'],
    ['a set', 'a: !!set { x, y }\n'],
    ['an ordered map', 'a: !!omap [ x: 1 ]\n'],
    ['binary data', 'a: !!binary aGVsbG8=\n'],
    ['a collection as a key', '? [a, b]\n: v\n'],
  ])('leaves %s to toJS', (_name, text) => {
    expect(fast(text)).toBeUndefined();
  });
});
