/**
 * Constants imported from another module of the project: `import { NVCF_URL } from './config'`
 * where config.ts says `export const NVCF_URL = 'https://api.nvcf.nvidia.com/v2/nvcf'`, or
 * `export const apiKey = process.env.NVCF_API_KEY`. Deliberately small, like resolve.ts: relative
 * imports only; in the imported module, only its top-level `const` declarations (strings,
 * templates and `+` of them, its other such constants, its own relative imports and re-exports,
 * `process.env` / `import.meta.env` reads). Anything else stays unknown, so callers stay silent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UNKNOWN } from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';

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

type Export = { local: string } | { node: Node } | { from: string; name: string };

interface ModuleSummary {
  file: string;
  /** Top-level `const` initialisers by name. */
  constants: Map<string, Node>;
  /** Names bound by relative imports: the module and the name it exports. */
  imports: Map<string, { from: string; name: string }>;
  exports: Map<string, Export>;
  /** The module declares its own `process`: `process.env` there is not the environment. */
  shadowsProcess: boolean;
}

/** Parsed modules by path, kept while their time and size are unchanged (editors run for days). */
const summaries = new Map<string, { mtimeMs: number; size: number; summary: ModuleSummary | undefined }>();

export class ModuleReader {
  /** Every module file this reader looked at, for caches keyed on the files a result depends on. */
  readonly files = new Set<string>();
  /** Values by module and name, for this reader only: another module's may change in between. */
  readonly #values = new Map<string, ImportedValue | undefined>();

  constructor(private readonly parse: ParseModule) {}

  /** The value `name` exported by the module `specifier` names, imported from `fromFile`. */
  exported(fromFile: string, specifier: string, name: string, hops = 0): ImportedValue | undefined {
    if (hops > MAX_HOPS || !(specifier.startsWith('./') || specifier.startsWith('../'))) return undefined;
    const file = resolveModule(path.dirname(fromFile), specifier);
    const summary = file === undefined ? undefined : this.#summary(file);
    if (!summary) return undefined;
    const key = `${summary.file}\0${name}`;
    if (this.#values.has(key)) return this.#values.get(key);
    this.#values.set(key, undefined); // a cycle of re-exports ends here, unknown
    const entry = summary.exports.get(name);
    let value: ImportedValue | undefined;
    if (entry && 'from' in entry) value = this.exported(summary.file, entry.from, entry.name, hops + 1);
    else if (entry) {
      const node = 'node' in entry ? entry.node : summary.constants.get(entry.local);
      const imported = 'local' in entry ? summary.imports.get(entry.local) : undefined;
      if (node) value = { text: this.#text(summary, node, hops, 0), credential: this.#credential(summary, node, hops, 0) };
      else if (imported) value = this.exported(summary.file, imported.from, imported.name, hops + 1);
    }
    this.#values.set(key, value);
    return value;
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
    return binding && this.exported(summary.file, binding.from, binding.name, hops + 1);
  }

  #text(summary: ModuleSummary, node: Node, hops: number, depth: number): string {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const n = unwrap(node);
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
    const n = unwrap(node);
    switch (n.type) {
      case T.MemberExpression: {
        const name = !n.computed && n.property.type === T.Identifier ? n.property.name : n.computed && n.property.type === T.Literal && typeof n.property.value === 'string' ? n.property.value : undefined;
        const object = unwrap(n.object);
        if (name === undefined || object.type !== T.MemberExpression || object.computed || object.property.type !== T.Identifier || object.property.name !== 'env') return undefined;
        const root = object.object;
        const fromProcess = root.type === T.Identifier && root.name === 'process' && !summary.shadowsProcess;
        const fromImportMeta = root.type === T.MetaProperty && root.meta.name === 'import' && root.property.name === 'meta';
        return fromProcess || fromImportMeta ? name : undefined;
      }
      case T.Identifier: {
        const init = summary.constants.get(n.name);
        if (init) return this.#credential(summary, init, hops, depth + 1);
        return this.#imported(summary, n.name, hops)?.credential;
      }
      case T.TemplateLiteral:
        return only(n.expressions.map((e) => this.#credential(summary, e, hops, depth + 1)));
      case T.BinaryExpression:
        return n.operator === '+' ? only([this.#credential(summary, n.left as Node, hops, depth + 1), this.#credential(summary, n.right, hops, depth + 1)]) : undefined;
      case T.LogicalExpression:
        return this.#credential(summary, n.left, hops, depth + 1);
      default:
        return undefined;
    }
  }
}

/** The one credential among the parts, or `undefined` for none or several. */
function only(found: ReadonlyArray<string | undefined>): string | undefined {
  const known = found.filter((c) => c !== undefined);
  return known.length === 1 ? known[0] : undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === T.TSAsExpression || current.type === T.TSNonNullExpression || current.type === T.TSSatisfiesExpression || current.type === T.TSTypeAssertion) {
    current = current.expression;
  }
  return current;
}

/** The file a relative specifier names, as TypeScript and bundlers look for it. */
export function resolveModule(directory: string, specifier: string): string | undefined {
  const base = path.resolve(directory, specifier);
  const extension = path.extname(base);
  const candidates: string[] = [];
  if (EXTENSIONS.includes(extension)) {
    candidates.push(base);
    for (const source of SOURCE_OF[extension] ?? []) candidates.push(base.slice(0, -extension.length) + source);
  } else {
    for (const ext of EXTENSIONS) candidates.push(base + ext);
    for (const ext of EXTENSIONS) candidates.push(path.join(base, `index${ext}`));
  }
  for (const candidate of candidates) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function summarise(file: string, program: TSESTree.Program): ModuleSummary {
  const summary: ModuleSummary = { file, constants: new Map(), imports: new Map(), exports: new Map(), shadowsProcess: false };
  const declare = (declaration: TSESTree.VariableDeclaration, exported: boolean) => {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== T.Identifier) continue;
      if (declarator.id.name === 'process') summary.shadowsProcess = true;
      // Only `const`: a `let` or `var` may be reassigned anywhere in the module.
      if (declaration.kind !== 'const' || !declarator.init) continue;
      summary.constants.set(declarator.id.name, declarator.init);
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
      case T.ExportDefaultDeclaration:
        if (statement.declaration.type === T.Identifier) summary.exports.set('default', { local: statement.declaration.name });
        else if (isExpression(statement.declaration)) summary.exports.set('default', { node: statement.declaration });
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

function isExpression(node: Node): boolean {
  return node.type === T.Literal || node.type === T.TemplateLiteral || node.type === T.BinaryExpression || node.type === T.MemberExpression || node.type === T.TSAsExpression || node.type === T.TSSatisfiesExpression;
}
