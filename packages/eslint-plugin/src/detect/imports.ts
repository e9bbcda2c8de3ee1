/**
 * Constants imported from another module of the project: `import { NVCF_URL } from './config'`
 * where config.ts says `export const NVCF_URL = 'https://api.nvcf.nvidia.com/v2/nvcf'`, or
 * `export const apiKey = process.env.NVCF_API_KEY`. Deliberately small, like resolve.ts: relative
 * imports only; in the imported module, only its top-level `const` declarations (strings,
 * templates and `+` of them, its other such constants, its own relative imports and re-exports,
 * `process.env` / `import.meta.env` reads, and property paths of object literals it does not write
 * to). Anything else stays unknown, so callers stay silent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UNKNOWN } from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { environmentObject, isObjectMethod, isRequire, onlyOne, unwrapExpression } from './expressions.js';

type Node = TSESTree.Node;

export interface ImportedValue {
  /** The value as text, with UNKNOWN where a part cannot be known. */
  text: string;
  /** The environment variable the value is read from, if it is one. */
  credential: string | undefined;
}

/** Parses a module's text as the linted file's parser would; `undefined` when it cannot. */
export type ParseModule = (text: string, file: string) => TSESTree.Program | undefined;

/** Larger modules are generated or bundled code, not where a project keeps its constants. */
export const MAX_MODULE_BYTES = 512 * 1024;
const MAX_HOPS = 8;
const MAX_DEPTH = 12;
const MAX_CACHED = 2000;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript's ESM convention: `import './config.js'` is config.ts in the sources. */
const SOURCE_OF: Partial<Record<string, string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

type Export = { local: string } | { node: Node; commonJs?: boolean } | { from: string; name: string };
/** The key under which a CommonJS module's `module.exports = ...` is kept. */
const MODULE_EXPORTS = '\0module.exports';

interface ModuleSummary {
  file: string;
  /** Top-level `const` initialisers by name. */
  constants: Map<string, Node>;
  /** Names bound by relative imports: the module and the name it exports. */
  imports: Map<string, { from: string; name: string }>;
  exports: Map<string, Export>;
  /** The module declares its own `process`: `process.env` there is not the environment. */
  shadowsProcess: boolean;
  /** Names whose properties the module writes (`config.url = ...`, `Object.assign(config, ...)`), with how often. */
  mutated: Map<string, number>;
  /** Top-level CommonJS export statements (`module.exports = ...`, `exports.NAME = ...`). */
  commonJsExports: number;
}

/** Parsed modules by path, kept while their time and size are unchanged (editors run for days). */
const summaries = new Map<string, { mtimeMs: number; size: number; summary: ModuleSummary | undefined }>();

export class ModuleReader {
  /** Every module file this reader looked at, for caches keyed on the files a result depends on. */
  readonly files = new Set<string>();
  /** Values by module and name, for this reader only: another module's may change in between. */
  readonly #values = new Map<string, ImportedValue | undefined>();

  constructor(private readonly parse: ParseModule) {}

  /**
   * The value `name` exported by the module `specifier` names, imported from `fromFile`; with
   * `members`, the value at that property path of the exported object (`config.nvcf.url`).
   */
  exported(fromFile: string, specifier: string, name: string, members: readonly string[] = [], hops = 0): ImportedValue | undefined {
    if (hops > MAX_HOPS || !(specifier.startsWith('./') || specifier.startsWith('../'))) return undefined;
    const candidates = moduleCandidates(path.dirname(fromFile), specifier);
    const file = candidates.find(isFile);
    // A module that is not there yet is a dependency too: creating it changes what the import is.
    if (file === undefined) for (const candidate of candidates) this.files.add(candidate);
    const summary = file === undefined ? undefined : this.#summary(file);
    if (!summary) return undefined;
    const key = [summary.file, name, ...members].join('\0');
    if (this.#values.has(key)) return this.#values.get(key);
    this.#values.set(key, undefined); // a cycle of re-exports ends here, unknown
    let entry = summary.exports.get(name);
    let selector = members;
    // CommonJS: a name the module does not export by itself is a property of `module.exports`
    // (and `default`, as Node's ESM interop has it, the object itself).
    const whole = summary.exports.get(MODULE_EXPORTS);
    if (entry === undefined && whole !== undefined) {
      entry = whole;
      selector = name === 'default' ? members : [name, ...members];
    }
    // CommonJS exports written anywhere but in the module's top-level export statements: unknown.
    if (entry && 'commonJs' in entry && !commonJsSettled(summary)) entry = undefined;
    let value: ImportedValue | undefined;
    if (entry && 'from' in entry) value = this.exported(summary.file, entry.from, entry.name, selector, hops + 1);
    else if (entry && 'node' in entry) value = this.#select(summary, entry.node, selector, hops);
    else if (entry) {
      const node = summary.constants.get(entry.local);
      const imported = summary.imports.get(entry.local);
      if (node && !(selector.length > 0 && writes(summary, entry.local))) value = this.#select(summary, node, selector, hops);
      else if (imported) value = this.exported(summary.file, imported.from, imported.name, selector, hops + 1);
    }
    this.#values.set(key, value);
    return value;
  }

  /**
   * The value at `members` of an object literal, through the module's constants and imports: a
   * property that a spread, a computed key or a getter may hide, or an object the module writes
   * to, is unknown.
   */
  #select(summary: ModuleSummary, node: Node, members: readonly string[], hops: number): ImportedValue | undefined {
    let current = unwrapValue(node);
    let steps = 0;
    for (let i = 0; i < members.length; i++) {
      if (++steps > MAX_DEPTH) return undefined;
      if (current.type === T.Identifier) {
        if (writes(summary, current.name)) return undefined;
        const init = summary.constants.get(current.name);
        const binding = summary.imports.get(current.name);
        if (!init) return binding && this.exported(summary.file, binding.from, binding.name, members.slice(i), hops + 1);
        current = unwrapValue(init);
        i--;
        continue;
      }
      const property = current.type === T.ObjectExpression ? propertyOf(current, members[i] as string) : undefined;
      if (!property) return undefined;
      current = unwrapValue(property);
    }
    return { text: this.#text(summary, current, hops, 0), credential: this.#credential(summary, current, hops, 0) };
  }

  #summary(file: string): ModuleSummary | undefined {
    this.files.add(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    const cached = summaries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.summary;
    let summary: ModuleSummary | undefined;
    if (stat.isFile() && stat.size <= MAX_MODULE_BYTES) {
      try {
        const program = this.parse(fs.readFileSync(file, 'utf8'), file);
        summary = program && summarise(file, program);
      } catch {
        summary = undefined; // unreadable or unparsable: its constants are unknown
      }
    }
    if (summaries.size >= MAX_CACHED) summaries.clear();
    summaries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
    return summary;
  }

  #imported(summary: ModuleSummary, name: string, hops: number): ImportedValue | undefined {
    const binding = summary.imports.get(name);
    return binding && this.exported(summary.file, binding.from, binding.name, [], hops + 1);
  }

  #text(summary: ModuleSummary, node: Node, hops: number, depth: number): string {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const n = unwrapExpression(node);
    switch (n.type) {
      case T.Literal:
        return typeof n.value === 'string' || typeof n.value === 'number' ? String(n.value) : UNKNOWN;
      case T.TemplateLiteral:
        return n.quasis.map((quasi, i) => (quasi.value.cooked ?? UNKNOWN) + (n.expressions[i] ? this.#text(summary, n.expressions[i], hops, depth + 1) : '')).join('');
      case T.BinaryExpression:
        return n.operator === '+' ? this.#text(summary, n.left as Node, hops, depth + 1) + this.#text(summary, n.right, hops, depth + 1) : UNKNOWN;
      case T.Identifier: {
        const init = summary.constants.get(n.name);
        if (init) return this.#text(summary, init, hops, depth + 1);
        return this.#imported(summary, n.name, hops)?.text ?? UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  #credential(summary: ModuleSummary, node: Node, hops: number, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const n = unwrapExpression(node);
    switch (n.type) {
      case T.MemberExpression: {
        const name = !n.computed && n.property.type === T.Identifier ? n.property.name : n.computed && n.property.type === T.Literal && typeof n.property.value === 'string' ? n.property.value : undefined;
        const environment = environmentObject(n.object);
        return name !== undefined && (environment === 'import.meta' || (environment === 'process' && !summary.shadowsProcess)) ? name : undefined;
      }
      case T.Identifier: {
        const init = summary.constants.get(n.name);
        if (init) return this.#credential(summary, init, hops, depth + 1);
        return this.#imported(summary, n.name, hops)?.credential;
      }
      case T.TemplateLiteral:
        return onlyOne(n.expressions.map((e) => this.#credential(summary, e, hops, depth + 1)));
      case T.BinaryExpression:
        return n.operator === '+' ? onlyOne([this.#credential(summary, n.left as Node, hops, depth + 1), this.#credential(summary, n.right, hops, depth + 1)]) : undefined;
      case T.LogicalExpression:
        return this.#credential(summary, n.left, hops, depth + 1);
      default:
        return undefined;
    }
  }
}


function writes(summary: ModuleSummary, name: string): boolean {
  return summary.mutated.has(name) || summary.mutated.has('*');
}

/**
 * Whether the module's CommonJS exports are what its top-level statements say: every write to
 * `module` / `exports` is one of them, and `module.exports = ...` is not mixed with others.
 */
function commonJsSettled(summary: ModuleSummary): boolean {
  const all = (summary.mutated.get('module') ?? 0) + (summary.mutated.get('exports') ?? 0);
  if (summary.mutated.has('*') || all > summary.commonJsExports) return false;
  return !(summary.exports.has(MODULE_EXPORTS) && summary.commonJsExports > 1);
}

/** `{ ... }` as written, also `{ ... } as const`, `satisfies`, and `Object.freeze({ ... })`. */
function unwrapValue(node: Node): Node {
  const n = unwrapExpression(node);
  if (n.type === T.CallExpression && n.arguments.length === 1 && isObjectMethod(n.callee, 'freeze')) return unwrapExpression(n.arguments[0] as Node);
  return n;
}

/** The value of property `name`, when the literal sets it for certain (no spread, computed key or accessor). */
function propertyOf(object: TSESTree.ObjectExpression, name: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.properties) {
    if (property.type === T.SpreadElement) return undefined;
    let key: string | undefined;
    if (!property.computed && property.key.type === T.Identifier) key = property.key.name;
    else if (property.key.type === T.Literal && (typeof property.key.value === 'string' || typeof property.key.value === 'number')) key = String(property.key.value);
    else return undefined;
    if (key !== name) continue;
    if (property.kind !== 'init' || property.method) return undefined;
    found = property.value as Node;
  }
  return found;
}

/**
 * The names whose properties the module writes anywhere: the root of a member expression that is
 * assigned, updated or deleted, or the first argument of `Object.assign` / `defineProperty`.
 * Without scope analysis a local of the same name counts too, which only makes more unknown.
 */
function mutatedNames(program: TSESTree.Program): Map<string, number> {
  const names = new Map<string, number>();
  const add = (name: string) => names.set(name, (names.get(name) ?? 0) + 1);
  const rootOf = (node: Node): string | undefined => {
    let current = unwrapExpression(node);
    let member = false;
    while (current.type === T.MemberExpression) {
      member = true;
      current = unwrapExpression(current.object);
    }
    return member && current.type === T.Identifier ? current.name : undefined;
  };
  const stack: unknown[] = [program];
  let visited = 0;
  while (stack.length > 0 && visited++ < 200_000) {
    const node = stack.pop() as Node;
    let target: Node | undefined;
    if (node.type === T.AssignmentExpression) target = node.left;
    else if (node.type === T.UpdateExpression) target = node.argument;
    else if (node.type === T.UnaryExpression && node.operator === 'delete') target = node.argument;
    else if ((node.type === T.ForInStatement || node.type === T.ForOfStatement) && node.left.type !== T.VariableDeclaration) target = node.left;
    const root = target && rootOf(target);
    if (root !== undefined) add(root);
    if (node.type === T.CallExpression && (isObjectMethod(node.callee, 'assign') || isObjectMethod(node.callee, 'defineProperty') || isObjectMethod(node.callee, 'defineProperties'))) {
      const first = node.arguments[0];
      const written = first && unwrapExpression(first as Node);
      if (written?.type === T.Identifier) add(written.name);
      else if (written) {
        const base = rootOf(written);
        if (base !== undefined) add(base);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') stack.push(item);
      } else if (typeof (value as { type?: unknown }).type === 'string') stack.push(value);
    }
  }
  // A module too large to walk in full is treated as writing everything.
  if (stack.length > 0) add('*');
  return names;
}


/** The files a relative specifier may name, in the order TypeScript and bundlers look for them. */
export function moduleCandidates(directory: string, specifier: string): string[] {
  const base = path.resolve(directory, specifier);
  const extension = path.extname(base);
  if (EXTENSIONS.includes(extension)) return [base, ...(SOURCE_OF[extension] ?? []).map((source) => base.slice(0, -extension.length) + source)];
  return [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function summarise(file: string, program: TSESTree.Program): ModuleSummary {
  const summary: ModuleSummary = { file, constants: new Map(), imports: new Map(), exports: new Map(), shadowsProcess: false, mutated: mutatedNames(program), commonJsExports: 0 };
  const declare = (declaration: TSESTree.VariableDeclaration, exported: boolean) => {
    for (const declarator of declaration.declarations) {
      const required = declarator.init ? requiredModule(declarator.init) : undefined;
      if (required !== undefined && declarator.id.type === T.ObjectPattern && declaration.kind === 'const') {
        // `const { NAME, OTHER: alias } = require('./other')`
        for (const property of declarator.id.properties) {
          if (property.type !== T.Property || property.value.type !== T.Identifier) continue;
          const key = !property.computed && property.key.type === T.Identifier ? property.key.name : property.key.type === T.Literal ? String(property.key.value) : undefined;
          if (key !== undefined) summary.imports.set(property.value.name, { from: required, name: key });
        }
        continue;
      }
      if (declarator.id.type !== T.Identifier) continue;
      if (declarator.id.name === 'process') summary.shadowsProcess = true;
      // Only `const`: a `let` or `var` may be reassigned anywhere in the module.
      if (declaration.kind !== 'const' || !declarator.init) continue;
      // Functions and classes never evaluate to a string here; not keeping them keeps the cache small.
      if (!isFunctionLike(declarator.init)) summary.constants.set(declarator.id.name, declarator.init);
      if (exported) summary.exports.set(declarator.id.name, { local: declarator.id.name });
    }
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case T.VariableDeclaration:
        declare(statement, false);
        break;
      case T.FunctionDeclaration:
      case T.ClassDeclaration:
        if (statement.id?.name === 'process') summary.shadowsProcess = true;
        break;
      case T.ImportDeclaration: {
        if (statement.importKind === 'type') break;
        const from = String(statement.source.value);
        for (const specifier of statement.specifiers) {
          if (specifier.local.name === 'process') summary.shadowsProcess = true;
          if (specifier.type === T.ImportSpecifier && specifier.importKind !== 'type') {
            summary.imports.set(specifier.local.name, { from, name: exportName(specifier.imported) });
          } else if (specifier.type === T.ImportDefaultSpecifier) {
            summary.imports.set(specifier.local.name, { from, name: 'default' });
          }
        }
        break;
      }
      case T.ExportNamedDeclaration: {
        if (statement.exportKind === 'type') break;
        if (statement.declaration?.type === T.VariableDeclaration) declare(statement.declaration, true);
        const from = statement.source ? String(statement.source.value) : undefined;
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type') continue;
          const local = exportName(specifier.local);
          summary.exports.set(exportName(specifier.exported), from === undefined ? { local } : { from, name: local });
        }
        break;
      }
      case T.ExpressionStatement: {
        // CommonJS: `module.exports = ...`, `module.exports.NAME = ...`, `exports.NAME = ...`.
        const expression = statement.expression;
        if (expression.type !== T.AssignmentExpression || expression.operator !== '=') break;
        const target = commonJsTarget(expression.left);
        if (target === undefined) break;
        summary.commonJsExports++;
        summary.exports.set(target, { node: expression.right, commonJs: true });
        break;
      }
      case T.ExportDefaultDeclaration:
        if (statement.declaration.type === T.Identifier) summary.exports.set('default', { local: statement.declaration.name });
        else if (isValueExport(statement.declaration)) summary.exports.set('default', { node: statement.declaration });
        break;
      default:
        break;
    }
  }
  return summary;
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

function isFunctionLike(node: Node): boolean {
  return node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression || node.type === T.ClassExpression;
}

/** `require('./x')` with a literal specifier: the specifier. */
function requiredModule(node: Node): string | undefined {
  const n = unwrapExpression(node);
  if (!isRequire(n)) return undefined;
  const argument = n.arguments[0];
  return argument?.type === T.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** `module.exports` (MODULE_EXPORTS), or NAME for `module.exports.NAME` / `exports.NAME`. */
function commonJsTarget(node: Node): string | undefined {
  const n = unwrapExpression(node);
  const isModuleExports = (m: Node) => m.type === T.MemberExpression && !m.computed && m.object.type === T.Identifier && m.object.name === 'module' && m.property.type === T.Identifier && m.property.name === 'exports';
  if (isModuleExports(n)) return MODULE_EXPORTS;
  if (n.type !== T.MemberExpression || n.computed || n.property.type !== T.Identifier) return undefined;
  const object = unwrapExpression(n.object);
  if ((object.type === T.Identifier && object.name === 'exports') || isModuleExports(object)) return n.property.name;
  return undefined;
}

/** A default export that is a value (not a function, class or type declaration). */
function isValueExport(node: Node): boolean {
  return !(node.type === T.FunctionDeclaration || node.type === T.ClassDeclaration || node.type === T.TSInterfaceDeclaration || node.type === T.TSDeclareFunction);
}
