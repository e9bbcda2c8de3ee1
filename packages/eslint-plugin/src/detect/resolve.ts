/**
 * Static evaluation, deliberately small: string literals and templates, `+`, `const` bindings in
 * scope (and the properties of a `const` object literal nothing writes to), `new URL(path, base)`,
 * constants imported from the project's own modules (imports.ts), and where a value comes from the
 * environment. Whatever it cannot know becomes UNKNOWN (in
 * strings) or `undefined`; callers then stay silent.
 */
import { UNKNOWN } from '@nvcf-keylint/core';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { environmentObject, isObjectMethod, isRequire, onlyOne, unwrapExpression } from './expressions.js';
import type { ImportedValue, ModuleReader } from './imports.js';
import { walkNodes } from './walk.js';

type Node = TSESTree.Node;
const MAX_DEPTH = 12;

/** Where the linted file is on disk and what reads the modules it imports (see imports.ts). */
export interface ModuleContext {
  file: string;
  reader: ModuleReader;
}

/** Parameters bound to the arguments of one call (see helpers.ts). */
export type Bindings = ReadonlyMap<NonNullable<ReturnType<typeof findVariable>>, Node>;

export class Resolver {
  readonly #bindings: Bindings | undefined;
  readonly #classes: WeakMap<TSESTree.ClassBody, ClassFacts>;
  readonly #mutated = new WeakMap<object, boolean>();
  readonly #modules: ModuleContext | undefined;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    bindings?: Bindings,
    classes = new WeakMap<TSESTree.ClassBody, ClassFacts>(),
    modules?: ModuleContext,
  ) {
    this.#bindings = bindings;
    this.#classes = classes;
    this.#modules = modules;
  }

  /** The same file, with some parameters standing for the given arguments. */
  withBindings(bindings: Bindings): Resolver {
    return new Resolver(this.sourceCode, bindings, this.#classes, this.#modules);
  }

  /**
   * A constant of another module of the project: `NAME` from `import { NAME } from './config'`
   * (or `import NAME from`, the default export), `config.NAME` from `import * as config`, and with
   * `members` the property at that path of an exported object (`config.nvcf.url`).
   */
  imported(identifier: TSESTree.Identifier, members: readonly string[] = []): ImportedValue | undefined {
    if (!this.#modules) return undefined;
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && variable?.references.every((r) => !r.isWrite() || r.init === true)) {
      return this.required(def.node, identifier.name, members);
    }
    if (def?.type !== 'ImportBinding') return undefined;
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const specifier = def.node;
    if (declaration.importKind === 'type') return undefined;
    let path: readonly string[] | undefined;
    if (specifier.type === T.ImportSpecifier) {
      const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
      path = specifier.importKind === 'type' ? undefined : [imported, ...members];
    } else if (specifier.type === T.ImportDefaultSpecifier) path = ['default', ...members];
    else if (specifier.type === T.ImportNamespaceSpecifier) path = members.length > 0 ? members : undefined;
    return path && this.exportedAt(String(declaration.source.value), path);
  }

  /**
   * CommonJS: `const config = require('./config')` (then `config.NAME`), `const { NAME } =
   * require('./config')` (also renamed), `const NAME = require('./config').NAME`.
   */
  private required(declarator: TSESTree.VariableDeclarator, local: string, members: readonly string[]): ImportedValue | undefined {
    if (!this.#modules || !declarator.init) return undefined;
    const chain = this.memberPath(declarator.init);
    const specifier = chain && this.requireSpecifier(chain.root);
    if (!chain || specifier === undefined) return undefined;
    const path = chain.members;
    if (declarator.id.type === T.ObjectPattern) {
      // A default (`{ NAME = 'x' }`) applies when the module leaves NAME undefined: unknown.
      const property = declarator.id.properties.find((p) => p.type === T.Property && p.value.type === T.Identifier && p.value.name === local);
      const key = property?.type === T.Property ? this.propertyKey(property as unknown as TSESTree.Property) : undefined;
      if (key === undefined) return undefined;
      path.push(key);
    } else if (declarator.id.type !== T.Identifier) return undefined;
    return this.exportedAt(specifier, [...path, ...members]);
  }

  /** The value at `path` (a name and its properties) exported by the module `specifier` names. */
  private exportedAt(specifier: string, path: readonly string[]): ImportedValue | undefined {
    const [name, ...rest] = path;
    return name === undefined || !this.#modules ? undefined : this.#modules.reader.exported(this.#modules.file, specifier, name, rest);
  }

  /** `a.b['c']` as its root expression and the known names of its members; `undefined` if one is not known. */
  private memberPath(node: Node): { root: Node; members: string[] } | undefined {
    const members: string[] = [];
    let current = this.unwrap(node);
    while (current.type === T.MemberExpression) {
      const name = current.computed ? this.literal(current.property) : current.property.type === T.Identifier ? current.property.name : undefined;
      if (name === undefined) return undefined;
      members.unshift(name);
      current = this.unwrap(current.object);
    }
    return { root: current, members };
  }

  /** The module `require('./x')` loads, when `require` is the module system's (no local of that name). */
  private requireSpecifier(node: Node): string | undefined {
    if (!isRequire(node)) return undefined;
    const specifier = this.literal(node.arguments[0] as Node);
    return specifier === undefined || findVariable(this.sourceCode.getScope(node), 'require')?.defs.length ? undefined : specifier;
  }

  /** `config.NAME`, `config.nvcf.url`: a member path whose root is imported from a module of the project. */
  private importedMember(member: TSESTree.MemberExpression): ImportedValue | undefined {
    const chain = this.#modules ? this.memberPath(member) : undefined;
    if (!chain) return undefined;
    const { root, members } = chain;
    // `require('./config').NAME`
    const specifier = this.requireSpecifier(root);
    if (specifier !== undefined) return this.exportedAt(specifier, members);
    // Written to in this file (`settings.url = ...`): as for a local object, unknown.
    return root.type === T.Identifier && !this.isMutated(root) ? this.imported(root, members) : undefined;
  }

  /** Strips TypeScript wrappers and optional chains (`x as T`, `x!`, `x satisfies T`, `a?.b`). */
  unwrap(node: Node): Node {
    return unwrapExpression(node);
  }

  /** The initialiser of a `const` (or never-reassigned `let`) this identifier names, if any. */
  constInit(identifier: TSESTree.Identifier): Node | undefined {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    const bound = variable && this.#bindings?.get(variable);
    if (bound) return bound;
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return undefined;
    const declaration = def.parent as TSESTree.VariableDeclaration | undefined;
    const reassigned = variable.references.some((r) => r.isWrite() && r.init !== true);
    if (declaration?.kind !== 'const' && reassigned) return undefined;
    return def.node.init;
  }

  /** Follows identifiers, `this.field` and `this.method()` to their constant values. */
  deref(node: Node, depth = 0): Node {
    const unwrapped = this.unwrap(node);
    if (depth >= MAX_DEPTH) return unwrapped;
    const value =
      unwrapped.type === T.Identifier
        ? this.constInit(unwrapped)
        : unwrapped.type === T.MemberExpression
          ? (this.thisField(unwrapped) ?? this.objectMember(unwrapped))
          : unwrapped.type === T.CallExpression
            ? this.callResult(unwrapped)
            : undefined;
    return value ? this.deref(value, depth + 1) : unwrapped;
  }

  /**
   * The one value `this.name` can hold in the class around it: a field's initialiser (or a getter's
   * single returned expression) that nothing assigns again, or the single assignment a constructor
   * makes at its top level to a field without one. Anything else (a constructor parameter, a field
   * some method sets, `this` that is not the instance) is `undefined`.
   */
  thisField(member: TSESTree.MemberExpression): Node | undefined {
    const name = thisMemberName(member);
    const body = name === undefined ? undefined : enclosingClassBody(member);
    if (name === undefined || !body) return undefined;
    const facts = this.classFacts(body);
    if (facts.parameterProperties.has(name)) return undefined;
    const writes = facts.writes.get(name) ?? [];
    const declared = facts.members.get(name);
    if (declared) return writes.length === 0 ? declared : undefined;
    const [only] = writes;
    if (writes.length !== 1 || !only) return undefined;
    const statement = only.parent;
    const constructorBody = facts.constructorBody;
    if (only.type !== T.AssignmentExpression || only.operator !== '=' || statement?.type !== T.ExpressionStatement || statement.parent !== constructorBody) return undefined;
    return only.right;
  }

  /**
   * `config.baseUrl`, `settings.nvcf['key']`: the property of a `const` object literal, when the
   * literal sets it for certain and nothing in the file writes to the object's properties
   * (`config.key = ...`, `delete config.key`, `Object.assign(config, ...)`).
   */
  objectMember(member: TSESTree.MemberExpression): Node | undefined {
    const name = member.computed ? this.literal(member.property) : member.property.type === T.Identifier ? member.property.name : undefined;
    let root: Node = this.unwrap(member.object);
    while (root.type === T.MemberExpression) root = this.unwrap(root.object);
    if (name === undefined || root.type !== T.Identifier || this.isMutated(root)) return undefined;
    const object = this.object(member.object);
    const found = object && this.property(object, name);
    return found?.certain ? found.value : undefined;
  }

  private isMutated(identifier: TSESTree.Identifier): boolean {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    if (!variable) return true;
    let mutated = this.#mutated.get(variable);
    if (mutated === undefined) {
      mutated = variable.references.some((reference) => {
        let node: Node = reference.identifier as Node;
        let parent = node.parent;
        if (parent?.type === T.CallExpression && parent.arguments[0] === node && isObjectMethod(parent.callee, 'assign')) return true;
        let member = false;
        while (parent && (parent.type === T.MemberExpression && parent.object === node || parent.type === T.TSNonNullExpression || parent.type === T.TSAsExpression)) {
          member ||= parent.type === T.MemberExpression;
          node = parent;
          parent = node.parent;
        }
        if (!member || !parent) return false;
        return (
          (parent.type === T.AssignmentExpression && parent.left === node) ||
          parent.type === T.UpdateExpression ||
          (parent.type === T.UnaryExpression && parent.operator === 'delete') ||
          ((parent.type === T.ForInStatement || parent.type === T.ForOfStatement) && parent.left === node)
        );
      });
      this.#mutated.set(variable, mutated);
    }
    return mutated;
  }

  /**
   * What a call returns, when that is one expression written in this file: `this.method()` of a
   * method whose body is `return <expression>`, or `headers()` of a function without parameters
   * (declared, or a `const` arrow or function expression) whose body is that, such as
   * `function authHeaders() { return { Authorization: ... }; }`.
   */
  callResult(call: TSESTree.CallExpression): Node | undefined {
    return this.thisMethodResult(call) ?? this.functionResult(call);
  }

  private functionResult(call: TSESTree.CallExpression): Node | undefined {
    const callee = this.unwrap(call.callee);
    if (callee.type !== T.Identifier || call.arguments.length > 0) return undefined;
    const variable = findVariable(this.sourceCode.getScope(callee), callee.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def || variable.references.some((r) => r.isWrite() && r.init !== true)) return undefined;
    let fn: Node | undefined;
    if (def.node.type === T.FunctionDeclaration) fn = def.node;
    else if (def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier && def.node.init) fn = this.unwrap(def.node.init);
    if (!fn || (fn.type !== T.FunctionDeclaration && fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression)) return undefined;
    if (fn.params.length > 0 || fn.async || fn.generator || !fn.body) return undefined;
    if (fn.body.type !== T.BlockStatement) return fn.body;
    const [only, ...rest] = fn.body.body;
    return rest.length === 0 && only?.type === T.ReturnStatement && only.argument ? only.argument : undefined;
  }

  /** `this.method()` of a method whose body is `return <expression>`: that expression. */
  thisMethodResult(call: TSESTree.CallExpression): Node | undefined {
    if (call.callee.type !== T.MemberExpression) return undefined;
    const name = thisMemberName(call.callee);
    const body = name === undefined ? undefined : enclosingClassBody(call.callee);
    if (name === undefined || !body) return undefined;
    return this.classFacts(body).methodResults.get(name);
  }

  private classFacts(body: TSESTree.ClassBody): ClassFacts {
    let facts = this.#classes.get(body);
    if (!facts) {
      facts = readClass(body, this.sourceCode);
      this.#classes.set(body, facts);
    }
    return facts;
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
        return init ? this.string(init, depth + 1) : (this.imported(n)?.text ?? UNKNOWN);
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
        const result = this.callResult(n);
        return result ? this.string(result, depth + 1) : UNKNOWN;
      }
      case T.MemberExpression: {
        if (!n.computed && n.property.type === T.Identifier && n.property.name === 'href') return this.string(n.object, depth + 1);
        const field = this.thisField(n) ?? this.objectMember(n);
        return field ? this.string(field, depth + 1) : (this.importedMember(n)?.text ?? UNKNOWN);
      }
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
   * spread wins). `certain: false` when a spread that cannot be resolved comes after the value
   * (or there is none) and might define it.
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
        if (inner.value) {
          found = inner.value;
          certain = inner.certain;
        } else if (!inner.certain) certain = false;
        continue;
      }
      const key = this.propertyKey(property);
      if (key === undefined) {
        if (property.computed) certain = false;
        continue;
      }
      if (same(key)) {
        found = property.value as Node;
        certain = true;
      }
    }
    return found === undefined ? { certain } : { value: found, certain };
  }

  propertyKey(property: TSESTree.Property): string | undefined {
    if (!property.computed && property.key.type === T.Identifier) return property.key.name;
    if (property.key.type === T.Literal && typeof property.key.value === 'string') return property.key.value;
    if (property.computed) return this.literal(property.key);
    return undefined;
  }

  isProcessEnv(node: Node): boolean {
    return environmentObject(node) === 'process';
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
        if (n.object.type === T.ThisExpression) {
          const field = this.thisField(n);
          return field ? this.credential(field, depth + 1) : undefined;
        }
        const name = n.computed ? this.literal(n.property) : n.property.type === T.Identifier ? n.property.name : undefined;
        if (name === undefined) return undefined;
        if (environmentObject(n.object) !== undefined) return name;
        const value = this.objectMember(n);
        return value ? this.credential(value, depth + 1) : this.importedMember(n)?.credential;
      }
      case T.Identifier: {
        const init = this.constInit(n);
        if (init) return this.credential(init, depth + 1);
        return this.destructuredEnv(n) ?? this.imported(n)?.credential;
      }
      case T.TemplateLiteral:
        return onlyOne(n.expressions.map((e) => this.credential(e, depth + 1)));
      case T.BinaryExpression:
        return n.operator === '+' ? onlyOne([this.credential(n.left as Node, depth + 1), this.credential(n.right, depth + 1)]) : undefined;
      case T.LogicalExpression:
        return this.credential(n.left, depth + 1);
      case T.CallExpression: {
        if (n.callee.type === T.Identifier && n.callee.name === 'String') return this.credential(n.arguments[0] as Node | undefined, depth + 1);
        const result = this.callResult(n);
        return result ? this.credential(result, depth + 1) : undefined;
      }
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

interface ClassFacts {
  /** Field initialisers and getters' returned expressions, by name (`#name` for private ones). */
  members: Map<string, Node>;
  /** Methods whose body is a single `return <expression>`. */
  methodResults: Map<string, Node>;
  /** Every write to `this.name` in the class: assignments, updates, destructuring targets. */
  writes: Map<string, Node[]>;
  /** Constructor parameters declared as fields (`constructor(private key = ...)`): any value. */
  parameterProperties: Set<string>;
  constructorBody: TSESTree.BlockStatement | undefined;
}

export function memberKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (computed) return undefined;
  if (key.type === T.Identifier) return key.name;
  if (key.type === T.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

/** `name` of `this.name` / `this.#name`, or `undefined` for anything else. */
export function thisMemberName(member: TSESTree.MemberExpression): string | undefined {
  return member.object.type === T.ThisExpression ? memberKeyName(member.property, member.computed) : undefined;
}

/** The body of the class whose instance `this` is at `node`, if that can be told. */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    switch (current.type) {
      case T.FunctionExpression:
      case T.FunctionDeclaration: {
        const method = current.parent;
        if (method?.type === T.MethodDefinition && !method.static && method.parent.type === T.ClassBody) return method.parent;
        return undefined;
      }
      case T.PropertyDefinition:
        // `this` in a field's initialiser is the instance; in its key it is not.
        return child === current.value && !current.static && current.parent.type === T.ClassBody ? current.parent : undefined;
      case T.StaticBlock:
        return undefined;
      default:
        break;
    }
    child = current;
    current = current.parent;
  }
  return undefined;
}

function readClass(body: TSESTree.ClassBody, sourceCode: Readonly<TSESLint.SourceCode>): ClassFacts {
  const facts: ClassFacts = { members: new Map(), methodResults: new Map(), writes: new Map(), parameterProperties: new Set(), constructorBody: undefined };
  const methodCount = new Map<string, number>();
  for (const element of body.body) {
    if (element.type === T.PropertyDefinition && !element.static) {
      const name = memberKeyName(element.key, element.computed);
      if (name !== undefined && element.value) facts.members.set(name, element.value);
    } else if (element.type === T.MethodDefinition && !element.static) {
      const name = memberKeyName(element.key, element.computed);
      if (element.kind === 'constructor') {
        facts.constructorBody = element.value.body ?? undefined;
        for (const param of element.value.params) {
          if (param.type !== T.TSParameterProperty) continue;
          const target = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
          if (target.type === T.Identifier) facts.parameterProperties.add(target.name);
        }
        continue;
      }
      if (name === undefined) continue;
      methodCount.set(name, (methodCount.get(name) ?? 0) + 1);
      const statements = element.value.body?.body ?? [];
      const [only] = statements;
      const returned = statements.length === 1 && only?.type === T.ReturnStatement && only.argument ? only.argument : undefined;
      if (element.kind === 'get' && returned) facts.members.set(name, returned);
      if (element.kind === 'method' && returned) facts.methodResults.set(name, returned);
    }
  }
  // Overloads and same-named members: no single answer.
  for (const [name, count] of methodCount) if (count > 1) facts.methodResults.delete(name);
  walkNodes(sourceCode, body, (node) => {
    // A nested class has its own `this`.
    if (node.type === T.ClassBody && node !== body) return false;
    if (node.type === T.MemberExpression) {
      const name = thisMemberName(node);
      if (name !== undefined && isWriteTarget(node)) facts.writes.set(name, [...(facts.writes.get(name) ?? []), node.parent as TSESTree.Node]);
    }
    return true;
  });
  return facts;
}

function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  if (!parent) return false;
  if (parent.type === T.AssignmentExpression) return parent.left === member;
  if (parent.type === T.UpdateExpression) return true;
  if (parent.type === T.AssignmentPattern) return (parent.left as TSESTree.Node) === member;
  if (parent.type === T.ArrayPattern || parent.type === T.RestElement) return true;
  return parent.type === T.Property && parent.value === member && parent.parent.type === T.ObjectPattern;
}

/** `Object.assign`, which writes to its first argument. */
