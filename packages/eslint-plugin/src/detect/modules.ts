/**
 * Where a called function comes from: `{ module: 'axios', path: ['get'] }` for `axios.get(...)`
 * whether axios was imported, required, or destructured. A `default` export is the module itself
 * (as CommonJS interop makes it), and `node:` prefixes are dropped. Globals are module `global`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { isRequire } from './expressions.js';
import type { Resolver } from './resolve.js';

type Node = TSESTree.Node;

export interface CalleeOrigin {
  module: string;
  path: string[];
}

export function normalizeModule(name: string): string {
  return name.replace(/^node:/, '');
}

/** The module origin of an expression, or `undefined` for anything local or dynamic. */
export function originOf(resolver: Resolver, node: Node, depth = 0): CalleeOrigin | undefined {
  if (depth > 8) return undefined;
  const n = resolver.unwrap(node);
  if (n.type === T.MemberExpression) {
    const name = n.computed ? resolver.literal(n.property) : n.property.type === T.Identifier ? n.property.name : undefined;
    if (name === undefined) return undefined;
    // globalThis.fetch, window.fetch
    if (n.object.type === T.Identifier && ['globalThis', 'window', 'self', 'global'].includes(n.object.name)) {
      return { module: 'global', path: [name] };
    }
    const base = originOf(resolver, n.object, depth + 1);
    return base && { module: base.module, path: [...base.path, name] };
  }
  if (isRequire(n)) {
    const module = resolver.literal(n.arguments[0] as Node | undefined);
    return module === undefined ? undefined : { module: normalizeModule(module), path: [] };
  }
  if (n.type !== T.Identifier) return undefined;
  const variable = findVariable(resolver.sourceCode.getScope(n), n.name);
  if (!variable || variable.defs.length === 0) return { module: 'global', path: [n.name] };
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0] as (typeof variable.defs)[number];
  if (def.type === 'ImportBinding') {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const module = normalizeModule(String(declaration.source.value));
    const specifier = def.node;
    if (specifier.type === T.ImportNamespaceSpecifier || specifier.type === T.ImportDefaultSpecifier) return { module, path: [] };
    if (specifier.type === T.ImportSpecifier) {
      const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
      return { module, path: imported === 'default' ? [] : [imported] };
    }
    return undefined;
  }
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
    const { id, init } = def.node;
    if (id.type === T.Identifier) {
      const unwrapped = resolver.unwrap(init);
      // `const x = require('m')`, `const x = require('m').y`; `const x = y` for module bindings only
      if (isRequire(unwrapped) || unwrapped.type === T.MemberExpression) return originOf(resolver, unwrapped, depth + 1);
      if (unwrapped.type === T.Identifier) return originOf(resolver, unwrapped, depth + 1);
      // `const execAsync = promisify(exec)`: the same function, with a promise for a callback
      const call = unwrapped as Node; // isRequire narrowed calls away
      if (call.type === T.CallExpression && call.arguments.length === 1 && call.arguments[0]?.type !== T.SpreadElement) {
        const wrapper = originOf(resolver, call.callee, depth + 1);
        if (wrapper?.module === 'util' && wrapper.path.length === 1 && wrapper.path[0] === 'promisify') return originOf(resolver, call.arguments[0] as Node, depth + 1);
      }
      return undefined;
    }
    if (id.type === T.ObjectPattern) {
      const base = originOf(resolver, init, depth + 1);
      if (!base) return undefined;
      for (const property of id.properties) {
        if (property.type !== T.Property) continue;
        const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
        if (value.type === T.Identifier && value.name === n.name) {
          const key = resolver.propertyKey(property);
          return key === undefined ? undefined : { module: base.module, path: [...base.path, key] };
        }
      }
    }
  }
  return undefined;
}


/** The dotted text of a callee (`client.functions.create`, `this.api.deploy`), if it is one. */
export function calleePath(node: Node): string[] | undefined {
  if (node.type === T.Identifier) return [node.name];
  if (node.type === T.ThisExpression) return ['this'];
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
    const base = calleePath(node.object);
    return base && [...base, node.property.name];
  }
  if (node.type === T.ChainExpression) return calleePath(node.expression);
  return undefined;
}
