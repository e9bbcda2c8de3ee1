/**
 * Reading expressions without scope analysis: what both the linted file's resolver (resolve.ts)
 * and the reader of imported modules (imports.ts) need.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';

type Node = TSESTree.Node;

/** Strips TypeScript wrappers and optional chains (`x as T`, `x!`, `x satisfies T`, `a?.b`). */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (
    current.type === T.TSAsExpression ||
    current.type === T.TSNonNullExpression ||
    current.type === T.TSSatisfiesExpression ||
    current.type === T.TSTypeAssertion ||
    current.type === T.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** `process.env` or `import.meta.env` as written (whether `process` is the global is the caller's question). */
export function environmentObject(node: Node): 'process' | 'import.meta' | undefined {
  const n = unwrapExpression(node);
  if (n.type !== T.MemberExpression || n.computed || n.property.type !== T.Identifier || n.property.name !== 'env') return undefined;
  if (n.object.type === T.Identifier && n.object.name === 'process') return 'process';
  if (n.object.type === T.MetaProperty && n.object.meta.name === 'import' && n.object.property.name === 'meta') return 'import.meta';
  return undefined;
}

/** The one value among the parts (one key in `Bearer ${a}${b}`), or `undefined` for none or several. */
export function onlyOne<V>(values: ReadonlyArray<V | undefined>): V | undefined {
  const known = values.filter((v): v is V => v !== undefined);
  return known.length === 1 ? known[0] : undefined;
}

/** `require(x)`: a call of `require` with one argument (whether it is the module system's is the caller's question). */
export function isRequire(node: Node): node is TSESTree.CallExpression {
  return node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require' && node.arguments.length === 1;
}

/** `Object.NAME` as a callee (`Object.assign`, `Object.freeze`). */
export function isObjectMethod(callee: Node, name: string): boolean {
  return callee.type === T.MemberExpression && !callee.computed && callee.object.type === T.Identifier && callee.object.name === 'Object' && callee.property.type === T.Identifier && callee.property.name === name;
}
