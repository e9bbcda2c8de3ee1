/**
 * GitLab CI (`.gitlab-ci.yml`): every job's `before_script`, `script` and `after_script` (one
 * shell session per job), with `variables:` at the top and in the job. Project CI/CD variables
 * reach scripts as environment variables of the same name.
 *
 * A job is read the way GitLab assembles it: YAML merge keys (`<<: *template`), `extends:` (one
 * name or a list, later entries winning, variables merged and script sections replaced), the
 * `default:` section, and `!reference [job, key]` in script lists. Hidden jobs (`.name`) never run
 * on their own; their scripts are read through the jobs that use them. `parallel: matrix:` runs a
 * job once per combination of literal values (up to 64), each set as a variable. A job that
 * extends a template this file does not define (one from an `include:`) may get any variable from
 * it, so only what the job's known layers set is known; everything else is unknown.
 *
 * GitLab merges a pipeline's files (`.gitlab-ci.yml` and the files it includes) into one, so the
 * global `variables:` of every file apply to every job, the main file's winning. Given the
 * pipeline's other files, a file's jobs see those variables too.
 */
import type { Catalogue, EnvBinding } from '@nvcf-keylint/core';
import { findPair, resolveNode, scalarText, type Positions } from '@nvcf-keylint/manifest';
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { EmbeddedText } from './embedded-text.js';
import { MAX_MATRIX_COMBINATIONS, pushOnce, scriptProblems, usageIdentity, type ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { aliasBinding, expandReferences, Scope } from './shell/scope.js';
import { readYamlConfig } from './yaml-config.js';
import { scalarScript } from './yaml-scripts.js';

const RESERVED = new Set(['stages', 'include', 'workflow', 'default', 'variables', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages', 'spec']);
const SECTIONS = ['before_script', 'script', 'after_script'] as const;
/** GitLab's own limit on `extends` nesting. */
const MAX_EXTENDS_DEPTH = 11;
/** Layers read for one job: a diamond of `extends` lists must not grow without bound. */
const MAX_LAYERS = 100;
/** Script nodes read for one section of one job, `!reference`s expanded. */
const MAX_SCRIPT_NODES = 2_000;

/** A file of the pipeline a scanned file belongs to. */
export interface PipelineFile {
  file: string;
  text: string;
}

/**
 * `pipeline`: the files whose global `variables:` make the pipeline's, in the order GitLab merges
 * them (included files first, the main file last); the scanned file is read from `text` wherever
 * it stands in that list, and last when it is not in it.
 */
export function scanGitlabCi(file: string, text: string, catalogue: Catalogue, pipeline: readonly PipelineFile[] = []): ConfigFacts {
  const { facts, config } = readYamlConfig(file, text);
  if (!config) return facts;
  const { document, root, positions } = config;
  const jobs = new Jobs(document, root);

  // GitLab merges the files' global variables by name, a later file's definition replacing an
  // earlier one's, and expands them after merging.
  const globals = new Map<string, Definition>();
  const sources = pipeline.some((other) => other.file === file) ? pipeline : [...pipeline, { file, text }];
  for (const source of sources) {
    const other = source.file === file ? config : readYamlConfig(source.file, source.text).config;
    const variables = other?.get(other.root, 'variables');
    if (!other || !isMap(variables)) continue;
    for (const pair of variables.items) {
      const name = scalarText(other.document, pair.key);
      if (name !== undefined) globals.set(name, { document: other.document, value: pair.value });
    }
  }
  const globalScope = define(new Scope().child(), globals);
  const defaults = jobs.get(root, 'default');
  const seen = new Set<string>();
  for (const pair of root.items) {
    const name = scalarText(document, pair.key);
    const job = resolveNode(document, pair.value);
    if (name === undefined || RESERVED.has(name) || name.startsWith('.') || !isMap(job)) continue;
    const chain = jobs.chain(name);
    // A template from elsewhere may set any variable, over the file's own global ones too.
    let scope = chain.complete ? globalScope.child() : new Scope(undefined, false);
    for (const layer of chain.layers) scope = withVariables(document, scope.child(), jobs.get(layer, 'variables'));
    const script = new EmbeddedText();
    for (const section of SECTIONS) {
      const lines = jobs.section(chain.layers, section) ?? (section === 'script' ? undefined : (jobs.get(defaults, section) ?? jobs.get(root, section)));
      appendScript(jobs, lines, text, positions, script);
    }
    if (script.text.trim() === '') continue;
    // `parallel: matrix:` runs the job once per combination, each with its values as variables.
    for (const combination of parallelMatrix(document, jobs.section(chain.layers, 'parallel'))) {
      const jobScope = combination ? withLiterals(scope.child(), combination) : scope;
      const result = scanShell(script, { file, catalogue, scope: jobScope });
      // Jobs sharing a template run its commands each; the same call with the same key is one finding.
      pushOnce(facts.usages, result.usages, seen, usageIdentity);
      pushOnce(facts.problems, scriptProblems(file, result.problems, `The script of job '${name}'`), seen, (p) => JSON.stringify(p));
    }
  }
  return facts;
}

/**
 * The combinations of `parallel: matrix:` (a list of mappings, each a product of its values), or
 * `[undefined]` (one run, values unknown) when there is none or it cannot be read.
 */
function parallelMatrix(document: Document.Parsed, parallel: Node | undefined): Array<ReadonlyMap<string, string> | undefined> {
  const matrix = isMap(parallel) ? resolveNode(document, findPair(document, parallel, 'matrix')?.value) : undefined;
  if (!isSeq(matrix)) return [undefined];
  const combinations: Array<Map<string, string>> = [];
  for (const item of matrix.items) {
    const entry = resolveNode(document, item);
    if (!isMap(entry)) return [undefined];
    let product: Array<Map<string, string>> = [new Map()];
    for (const pair of entry.items) {
      const name = scalarText(document, pair.key);
      const value = resolveNode(document, pair.value);
      const values = isSeq(value) ? value.items.map((v) => plainValue(document, v)) : [plainValue(document, value)];
      if (name === undefined || values.length === 0 || values.some((v) => v === undefined)) return [undefined];
      product = product.flatMap((c) => (values as string[]).map((v) => new Map([...c, [name, v]])));
      if (product.length > MAX_MATRIX_COMBINATIONS) return [undefined];
    }
    combinations.push(...product);
    if (combinations.length > MAX_MATRIX_COMBINATIONS) return [undefined];
  }
  return combinations.length > 0 ? combinations : [undefined];
}

/** A scalar's text when it holds no variable reference. */
function plainValue(document: Document.Parsed, node: unknown): string | undefined {
  const resolved = resolveNode(document, node);
  if (!isScalar(resolved) || resolved.value === null || typeof resolved.value === 'object') return undefined;
  const text = String(resolved.value);
  return text.includes('$') ? undefined : text;
}

/** Literal variables (matrix values): known text, not keys. */
function withLiterals(scope: Scope, values: ReadonlyMap<string, string>): Scope {
  for (const [name, value] of values) {
    scope.set(name, { unknown: true });
    scope.setValue(name, value);
  }
  return scope;
}


/** The jobs of one file: merge keys, `extends` chains and `!reference` lookups. */
class Jobs {
  constructor(
    readonly document: Document.Parsed,
    readonly root: YAMLMap,
  ) {}

  /** The value under `key`, counting `<<` merge keys (the mapping's own keys win, then earlier merges). */
  get(node: unknown, key: string, depth = 0): Node | undefined {
    const map = resolveNode(this.document, node);
    if (!isMap(map) || depth > 8) return undefined;
    const own = findPair(this.document, map, key);
    if (own) return resolveNode(this.document, own.value);
    const merge = findPair(this.document, map, '<<');
    if (!merge) return undefined;
    const sources = resolveNode(this.document, merge.value);
    for (const source of isSeq(sources) ? sources.items : [sources]) {
      const found = this.get(source, key, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * The job and what it extends, base first: `extends: [a, b]` layers a, then b, then the job.
   * `complete` is false when some name is not a job of this file (or the chain is too deep).
   */
  chain(name: string): { layers: Node[]; complete: boolean } {
    const layers: Node[] = [];
    let complete = true;
    let budget = MAX_LAYERS;
    const visit = (jobName: string, depth: number, path: readonly string[]) => {
      const job = this.get(this.root, jobName);
      if (!isMap(job) || depth > MAX_EXTENDS_DEPTH || path.includes(jobName) || --budget < 0) {
        complete = false;
        return;
      }
      const extended = this.get(job, 'extends');
      const bases = isSeq(extended) ? extended.items.map((item) => scalarText(this.document, item)) : extended === undefined ? [] : [scalarText(this.document, extended)];
      for (const base of bases) {
        if (base === undefined) complete = false;
        else visit(base, depth + 1, [...path, jobName]);
      }
      layers.push(job);
    };
    visit(name, 0, []);
    return { layers, complete };
  }

  /** A script section from the nearest layer that sets it (the job itself first). */
  section(layers: readonly Node[], section: string): Node | undefined {
    for (let i = layers.length - 1; i >= 0; i--) {
      const value = this.get(layers[i], section);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** `!reference [job, key, ...]`: the node it names, or `undefined`. */
  reference(node: Node): Node | undefined {
    if (!isSeq(node) || node.tag !== '!reference') return undefined;
    let current: Node | undefined = this.root;
    for (const item of node.items) {
      const key = scalarText(this.document, item);
      current = key === undefined ? undefined : this.get(current, key);
      if (current === undefined) return undefined;
    }
    return current;
  }
}

/** Script items in order: a string, or a list of strings (nested lists and `!reference`s flattened). */
function appendScript(jobs: Jobs, node: Node | undefined, source: string, positions: Positions, into: EmbeddedText, budget = { nodes: MAX_SCRIPT_NODES }, depth = 0): void {
  // References can fan out (a list of ten references to a list of ten...): bounded in depth and in total.
  if (!node || depth > 8 || --budget.nodes < 0) return;
  if (isScalar(node)) {
    const part = scalarScript(node, source, positions);
    if (part) into.appendEmbedded(part).appendSynthetic('\n');
    return;
  }
  if (!isSeq(node)) return;
  if (node.tag === '!reference') {
    appendScript(jobs, jobs.reference(node), source, positions, into, budget, depth + 1);
    return;
  }
  for (const item of node.items) appendScript(jobs, resolveNode(jobs.document, item), source, positions, into, budget, depth + 1);
}

/** A variable's definition: its value node, in the document it is written in. */
interface Definition {
  document: Document.Parsed;
  value: unknown;
}

function withVariables(document: Document.Parsed, scope: Scope, variables: Node | undefined): Scope {
  if (!isMap(variables)) return scope;
  const definitions = new Map<string, Definition>();
  for (const pair of variables.items) {
    const name = scalarText(document, pair.key);
    if (name !== undefined) definitions.set(name, { document, value: pair.value });
  }
  return define(scope, definitions);
}

/**
 * Sets each variable in `scope`. GitLab expands a `$REFERENCE` once all variables are known, so it
 * names another variable of the same level wherever that is written, else (and for a variable
 * naming itself) the one below.
 */
function define(scope: Scope, definitions: ReadonlyMap<string, Definition>): Scope {
  const below = scope.parent ?? new Scope();
  const values = new Map<string, { binding: EnvBinding; value: string | undefined }>();
  const evaluating = new Set<string>();
  const evaluate = (name: string): { binding: EnvBinding; value: string | undefined } => {
    const known = values.get(name);
    if (known) return known;
    // A cycle (A: $B, B: $A) expands to nothing GitLab would settle on.
    if (evaluating.has(name)) return { binding: { unknown: true }, value: undefined };
    const definition = definitions.get(name);
    if (!definition) return { binding: below.resolve(name), value: below.value(name) };
    evaluating.add(name);
    const { document, value: node } = definition;
    const raw = resolveNode(document, node);
    const text = scalarText(document, raw) ?? scalarText(document, resolveNode(document, findPair(document, raw, 'value')?.value));
    const lookup = (other: string) => (other === name ? { binding: below.resolve(other), value: below.value(other) } : evaluate(other));
    const reference = text === undefined ? undefined : /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(text.trim())?.[1];
    const binding = reference === undefined ? { unknown: true as const } : aliasBinding(lookup(reference).binding, name);
    const value = text === undefined ? undefined : expandReferences(text, (other) => lookup(other).value);
    const result = { binding, value };
    evaluating.delete(name);
    values.set(name, result);
    return result;
  };
  for (const name of definitions.keys()) {
    const { binding, value } = evaluate(name);
    scope.set(name, binding);
    scope.setValue(name, value);
  }
  return scope;
}

/**
 * The local files a pipeline file includes (`include: path`, `include: [{ local: path }]`), as
 * written: paths from the project root, possibly with `*` / `**` globs. Remote, project,
 * template and component includes are not files of this repository and are left out.
 */
export function gitlabLocalIncludes(file: string, text: string): string[] {
  const { config } = readYamlConfig(file, text);
  if (!config) return [];
  const { document, root, get } = config;
  const include = get(root, 'include');
  const entries = isSeq(include) ? include.items.map((item) => resolveNode(document, item)) : [include];
  const paths: string[] = [];
  for (const entry of entries) {
    const written = isScalar(entry) ? scalarText(document, entry) : isMap(entry) ? scalarText(document, get(entry, 'local')) : undefined;
    if (written !== undefined && written.trim() !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(written)) paths.push(written.trim());
  }
  return paths;
}
