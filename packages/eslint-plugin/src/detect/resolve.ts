/**
 * Static evaluation, deliberately small: string literals and templates, `+`, `const` bindings in
 * scope, `new URL(path, base)`, and where a value comes from the environment. Whatever it cannot
 * know becomes UNKNOWN (in strings) or `undefined`; callers then stay silent.
 */
import { UNKNOWN } from '@nvcf-keylint/core';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';

type Node = TSESTree.Node;
const MAX_DEPTH = 12;

export class Resolver {
  constructor(readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** Strips TypeScript wrappers and parentheses-free noise (`x as T`, `x!`, `x satisfies T`). */
  unwrap(node: Node): Node {
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

  /** The initialiser of a `const` (or never-reassigned `let`) this identifier names, if any. */
  constInit(identifier: TSESTree.Identifier): Node | undefined {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return undefined;
    const declaration = def.parent as TSESTree.VariableDeclaration | undefined;
    const reassigned = variable.references.some((r) => r.isWrite() && r.init !== true);
    if (declaration?.kind !== 'const' && reassigned) return undefined;
    return def.node.init;
  }

  /** Follows identifiers to their constant values. */
  deref(node: Node, depth = 0): Node {
    const unwrapped = this.unwrap(node);
    if (unwrapped.type === T.Identifier && depth < MAX_DEPTH) {
      const init = this.constInit(unwrapped);
      if (init) return this.deref(init, depth + 1);
    }
    return unwrapped;
  }

  /** A string with UNKNOWN where a part cannot be known; UNKNOWN alone for nothing known. */
  string(node: Node | undefined | null, depth = 0): string {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    const n = this.unwrap(node);
    switch (n.type) {
      case T.Literal:
        return typeof n.value === 'string' || typeof n.value === 'number' ? String(n.value) : UNKNOWN;
      case T.TemplateLiteral: {
        let text = '';
        n.quasis.forEach((quasi, i) => {
          text += quasi.value.cooked ?? UNKNOWN;
          const expression = n.expressions[i];
          if (expression) text += this.string(expression, depth + 1);
        });
        return text;
      }
      case T.BinaryExpression:
        return n.operator === '+' ? this.string(n.left as Node, depth + 1) + this.string(n.right, depth + 1) : UNKNOWN;
      case T.Identifier: {
        const init = this.constInit(n);
        return init ? this.string(init, depth + 1) : UNKNOWN;
      }
      case T.NewExpression:
        return n.callee.type === T.Identifier && n.callee.name === 'URL' ? this.url(n.arguments[0], n.arguments[1], depth) : UNKNOWN;
      case T.CallExpression: {
        // String(x), encodeURIComponent(x), x.toString(), url.href via toString
        if (n.callee.type === T.Identifier && ['String', 'encodeURIComponent', 'encodeURI'].includes(n.callee.name)) {
          return this.string(n.arguments[0] as Node | undefined, depth + 1);
        }
        if (n.callee.type === T.MemberExpression && !n.callee.computed && n.callee.property.type === T.Identifier && n.callee.property.name === 'toString') {
          return this.string(n.callee.object, depth + 1);
        }
        return UNKNOWN;
      }
      case T.MemberExpression:
        if (!n.computed && n.property.type === T.Identifier && n.property.name === 'href') return this.string(n.object, depth + 1);
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /** `new URL(input, base)`, as WHATWG URL resolution would combine literal parts. */
  private url(input: Node | undefined, base: Node | undefined, depth: number): string {
    const path = this.string(input as Node | undefined, depth + 1);
    if (base === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
    const root = this.string(base, depth + 1);
    if (path.startsWith('/')) {
      const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)/i.exec(root)?.[1];
      return origin === undefined ? UNKNOWN + path : origin + path;
    }
    return root.replace(/[^/]*$/, '') + path;
  }

  /** A string known in full (no UNKNOWN part), or `undefined`. */
  literal(node: Node | undefined | null): string | undefined {
    const text = this.string(node);
    return text.includes(UNKNOWN) ? undefined : text;
  }

  /** The object literal an expression evaluates to, through `const` bindings. */
  object(node: Node | undefined | null): TSESTree.ObjectExpression | undefined {
    if (!node) return undefined;
    const n = this.deref(node);
    return n.type === T.ObjectExpression ? n : undefined;
  }

  /**
   * The value of property `name` of an object literal, honouring spreads (a later property or
   * spread wins). `matched: false` when some spread cannot be resolved and might define it.
   */
  property(object: TSESTree.ObjectExpression, name: string, caseInsensitive = false, depth = 0): { value?: Node; certain: boolean } {
    let found: Node | undefined;
    let certain = true;
    const same = (key: string) => (caseInsensitive ? key.toLowerCase() === name.toLowerCase() : key === name);
    for (const property of object.properties) {
      if (property.type === T.SpreadElement) {
        const spread = this.object(property.argument);
        if (!spread || depth > MAX_DEPTH) {
          if (!this.isProcessEnv(property.argument)) certain = false;
          continue;
        }
        const inner = this.property(spread, name, caseInsensitive, depth + 1);
        if (inner.value) found = inner.value;
        if (!inner.certain) certain = false;
        continue;
      }
      const key = this.propertyKey(property);
      if (key === undefined) {
        if (property.computed) certain = false;
        continue;
      }
      if (same(key)) found = property.value as Node;
    }
    return found === undefined ? { certain } : { value: found, certain: true };
  }

  propertyKey(property: TSESTree.Property): string | undefined {
    if (!property.computed && property.key.type === T.Identifier) return property.key.name;
    if (property.key.type === T.Literal && typeof property.key.value === 'string') return property.key.value;
    if (property.computed) return this.literal(property.key);
    return undefined;
  }

  isProcessEnv(node: Node): boolean {
    const n = this.unwrap(node);
    return (
      n.type === T.MemberExpression &&
      !n.computed &&
      n.property.type === T.Identifier &&
      n.property.name === 'env' &&
      n.object.type === T.Identifier &&
      n.object.name === 'process'
    );
  }

  /**
   * The environment variable a value is read from: `process.env.X`, `process.env['X']`,
   * `import.meta.env.X`, `const { X } = process.env`, through `const`s, templates (`Bearer ${key}`),
   * `+`, `??` and `||`.
   */
  credential(node: Node | undefined | null, depth = 0): string | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    const n = this.unwrap(node);
    switch (n.type) {
      case T.MemberExpression: {
        const name = n.computed ? this.literal(n.property) : n.property.type === T.Identifier ? n.property.name : undefined;
        if (name === undefined) return undefined;
        if (this.isProcessEnv(n.object)) return name;
        const object = this.unwrap(n.object);
        if (object.type === T.MemberExpression && object.object.type === T.MetaProperty && !object.computed && object.property.type === T.Identifier && object.property.name === 'env') {
          return name;
        }
        return undefined;
      }
      case T.Identifier: {
        const init = this.constInit(n);
        if (init) return this.credential(init, depth + 1);
        return this.destructuredEnv(n);
      }
      case T.TemplateLiteral: {
        const found = n.expressions.map((e) => this.credential(e, depth + 1)).filter((c) => c !== undefined);
        return found.length === 1 ? found[0] : undefined;
      }
      case T.BinaryExpression: {
        if (n.operator !== '+') return undefined;
        const found = [this.credential(n.left as Node, depth + 1), this.credential(n.right, depth + 1)].filter((c) => c !== undefined);
        return found.length === 1 ? found[0] : undefined;
      }
      case T.LogicalExpression:
        return this.credential(n.left, depth + 1);
      case T.CallExpression:
        if (n.callee.type === T.Identifier && n.callee.name === 'String') return this.credential(n.arguments[0] as Node | undefined, depth + 1);
        return undefined;
      default:
        return undefined;
    }
  }

  /** `const { X } = process.env` or `const { X: key } = process.env`. */
  private destructuredEnv(identifier: TSESTree.Identifier): string | undefined {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    const def = variable?.defs[0];
    if (!def || variable?.defs.length !== 1 || def.node.type !== T.VariableDeclarator) return undefined;
    const { id, init } = def.node;
    if (id.type !== T.ObjectPattern || !init || !this.isProcessEnv(init)) return undefined;
    for (const property of id.properties) {
      if (property.type !== T.Property) continue;
      const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (value.type === T.Identifier && value.name === identifier.name) return this.propertyKey(property);
    }
    return undefined;
  }
}
