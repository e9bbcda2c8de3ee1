/**
 * GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions (`action.yml`):
 * every `run:` step in bash or sh, with `env:` at workflow, job and step level. A job with a
 * literal `strategy.matrix` (lists of plain values, `include` entries) is read once per
 * combination, up to 64, with `${{ matrix.NAME }}` standing for each value; a matrix it cannot
 * read (computed with `fromJSON`, `exclude`d, too large) leaves those expressions unknown.
 *
 * A reusable workflow (`on: workflow_call`) gets its secrets and inputs from its callers. Given
 * the calls in the same repository (`uses: ./.github/workflows/x.yml` with `secrets:` and
 * `with:`), it is read once per call: `${{ secrets.NAME }}` is what that caller passes (nothing,
 * unless passed or `inherit`ed) and `${{ inputs.NAME }}` its literal value, or the secret it is
 * set to. A composite action is read once per step of the repository that uses it, likewise.
 */
import { UNKNOWN, type Catalogue, type EnvBinding } from '@nvcf-keylint/core';
import { resolveNode, scalarText } from '@nvcf-keylint/manifest';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { expressionBinding, substituteLiterals, wholeExpression, withPlaceholders, type ExpressionContext, type MatrixValues } from './ci-expressions.js';
import { MAX_MATRIX_COMBINATIONS, pushOnce, scriptProblems, usageIdentity, type ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { aliasBinding, Scope } from './shell/scope.js';
import { readYamlConfig } from './yaml-config.js';
import { scalarScript } from './yaml-scripts.js';

const SCANNED_SHELLS = /^(bash|sh)(\s|$)/;

/**
 * One call of a reusable workflow or a composite action: the secrets it passes (`undefined`:
 * `secrets: inherit`, or an action, which has none), its literal inputs, and the inputs it sets
 * to a secret or variable (`with: { api-key: ${{ secrets.NGC_KEY }} }`).
 */
export interface WorkflowCall {
  secrets?: ReadonlyMap<string, EnvBinding>;
  inputs: ReadonlyMap<string, string>;
  inputBindings?: ReadonlyMap<string, EnvBinding>;
}

export function scanGithubActions(file: string, text: string, catalogue: Catalogue, calls: readonly WorkflowCall[] = []): ConfigFacts {
  const { facts, config } = readYamlConfig(file, text);
  if (!config) return facts;
  const { document, root, positions, get } = config;
  const defaultShell = (node: unknown) => scalarText(document, get(get(get(node, 'defaults'), 'run'), 'shell'));

  const seen = new Set<string>();
  /**
   * A job's steps in order. `envs` are the workflow's and the job's `env:`. Variables an earlier
   * step wrote to `$GITHUB_ENV` reach the later steps; a step's own `env:` wins over them. Whether
   * they win over the workflow's and the job's `env:` is not documented, so a name both set is
   * unknown, and after a write that cannot be read so is every name they set.
   */
  const scanSteps = (steps: unknown, envs: ReadonlyArray<Node | undefined>, shell: string | undefined, context?: ExpressionContext) => {
    if (!isSeq(steps)) return;
    let exported = new Scope();
    const exportedNames = new Set<string>();
    let opaque = false;
    const envNames = envs.flatMap((env) => (isMap(env) ? env.items.map((pair) => scalarText(document, pair.key)) : [])).filter((n): n is string => n !== undefined);
    for (const item of steps.items) {
      const step = resolveNode(document, item);
      const run = get(step, 'run');
      if (!run) continue;
      const stepShell = scalarText(document, get(step, 'shell')) ?? shell ?? 'bash';
      if (!SCANNED_SHELLS.test(stepShell)) continue;
      const scope = envs.reduce<Scope>((below, env) => withEnv(document, below.child(), env, context), exported).child();
      for (const name of envNames) {
        if (!opaque && !exportedNames.has(name)) continue;
        scope.set(name, { unknown: true });
        scope.setValue(name, undefined);
      }
      const stepScope = withEnv(document, scope.child(), get(step, 'env'), context);
      const script = scalarScript(run as Node, text, positions);
      if (!script) continue;
      const { script: substituted, placeholders } = withPlaceholders(script, stepScope, context);
      const result = scanShell(substituted, { file, catalogue, scope: stepScope, placeholders, envFile: 'GITHUB_ENV' });
      // Combinations that run the same command with the same key and target are one usage.
      pushOnce(facts.usages, result.usages, seen, usageIdentity);
      pushOnce(facts.problems, scriptProblems(file, result.problems, "This step's script"), seen, (p) => JSON.stringify(p));
      for (const write of result.exports) {
        if ('opaque' in write) {
          // Any variable may have been set, the CLI's key variables included (set or not).
          opaque = true;
          exported = new Scope(undefined, false);
          for (const name of catalogue.cli.keyEnv) exported.set(name, { unknown: true });
          continue;
        }
        exportedNames.add(write.name);
        exported.set(write.name, write.binding);
        exported.setValue(write.name, write.value);
      }
    }
  };

  const jobs = get(root, 'jobs');
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = resolveNode(document, pair.value);
      const shell = defaultShell(job) ?? defaultShell(root);
      // Read once per combination only when the job uses a matrix value.
      const usesMatrix = job?.range !== undefined && job.range !== null && /\$\{\{\s*matrix\./.test(text.slice(job.range[0], job.range[2]));
      // A reusable workflow called from this repository is read once per call.
      for (const call of isReusable(document, get(root, 'on')) && calls.length > 0 ? calls : [undefined]) {
        for (const matrix of usesMatrix ? matrixCombinations(document, get(get(job, 'strategy'), 'matrix')) : [undefined]) {
          scanSteps(get(job, 'steps'), [get(root, 'env'), get(job, 'env')], shell, expressionContext(matrix, call));
        }
      }
    }
  }
  // A composite action: runs.using: composite, runs.steps
  const runs = get(root, 'runs');
  if (isMap(runs) && scalarText(document, get(runs, 'using')) === 'composite') {
    // Read once per step of this repository that uses the action.
    for (const call of calls.length > 0 ? calls : [undefined]) scanSteps(get(runs, 'steps'), [get(root, 'env')], undefined, expressionContext(undefined, call));
  }
  return facts;
}

/**
 * The combinations of a literal matrix, each as `name -> value`; `[undefined]` (one run, matrix
 * values unknown) when there is no matrix or it cannot be read.
 */
function matrixCombinations(document: Document.Parsed, matrix: Node | undefined): Array<MatrixValues | undefined> {
  if (!isMap(matrix)) return [undefined];
  let combinations: Array<Map<string, string>> = [new Map()];
  let include: Node | undefined;
  for (const pair of matrix.items) {
    const name = scalarText(document, pair.key);
    const value = resolveNode(document, pair.value);
    if (name === 'include') {
      include = value;
      continue;
    }
    const values = isSeq(value) ? value.items.map((item) => literal(document, item)) : [];
    if (name === undefined || name === 'exclude' || values.length === 0 || values.some((v) => v === undefined)) return [undefined];
    combinations = combinations.flatMap((combination) => (values as string[]).map((v) => new Map([...combination, [name, v]])));
    if (combinations.length > MAX_MATRIX_COMBINATIONS) return [undefined];
  }
  if (include !== undefined) {
    if (!isSeq(include)) return [undefined];
    const dimensions = new Set(combinations.flatMap((c) => [...c.keys()]));
    const extra: Array<Map<string, string>> = [];
    for (const item of include.items) {
      const entry = resolveNode(document, item);
      if (!isMap(entry)) return [undefined];
      const values = new Map<string, string>();
      for (const pair of entry.items) {
        const name = scalarText(document, pair.key);
        const value = literal(document, pair.value);
        if (name === undefined || value === undefined) return [undefined];
        values.set(name, value);
      }
      // GitHub: an entry is added to every combination whose original values it does not
      // overwrite (values added by earlier entries may be); if none takes it, it is a new one.
      let added = false;
      if (dimensions.size > 0) {
        for (const combination of combinations) {
          if (![...values].every(([k, v]) => !dimensions.has(k) || combination.get(k) === v)) continue;
          for (const [k, v] of values) combination.set(k, v);
          added = true;
        }
      }
      if (!added) extra.push(values);
    }
    combinations = [...(dimensions.size > 0 ? combinations : []), ...extra];
    if (combinations.length === 0 || combinations.length > MAX_MATRIX_COMBINATIONS) return [undefined];
  }
  return combinations.length === 1 && combinations[0]?.size === 0 ? [undefined] : combinations;
}

/** A plain scalar's text (a string, number or boolean), not an expression. */
function literal(document: Document.Parsed, node: unknown): string | undefined {
  const resolved = resolveNode(document, node);
  if (!isScalar(resolved) || resolved.value === null || typeof resolved.value === 'object') return undefined;
  const text = String(resolved.value);
  return text.includes('${{') ? undefined : text;
}


function expressionContext(matrix: MatrixValues | undefined, call: WorkflowCall | undefined): ExpressionContext | undefined {
  if (!matrix && !call) return undefined;
  const literals = new Map<string, string>();
  for (const [name, value] of call?.inputs ?? []) literals.set(`inputs.${name}`, value);
  for (const [name, value] of matrix ?? []) literals.set(`matrix.${name}`, value);
  return { literals, ...(call?.secrets ? { secrets: call.secrets } : {}), ...(call?.inputBindings ? { inputs: call.inputBindings } : {}) };
}

/** `on: workflow_call`, in any of its spellings (a name, a list, a mapping). */
function isReusable(document: Document.Parsed, on: Node | undefined): boolean {
  if (isScalar(on)) return scalarText(document, on) === 'workflow_call';
  if (isSeq(on)) return on.items.some((item) => scalarText(document, item) === 'workflow_call');
  return isMap(on) && on.items.some((pair) => scalarText(document, pair.key) === 'workflow_call');
}

/**
 * The calls `callerText` makes to the reusable workflow or composite action at `calledPath` (from
 * the repository root: `.github/workflows/deploy.yml`, `.github/actions/deploy`): a job's or a
 * step's `uses: ./<calledPath>`, with its `secrets:` and `with:`.
 */
export function githubWorkflowCalls(callerFile: string, callerText: string, calledPath: string): WorkflowCall[] {
  const { config } = readYamlConfig(callerFile, callerText);
  const jobs = config?.get(config.root, 'jobs');
  if (!config || !isMap(jobs)) return [];
  const { document, get } = config;
  const calls: WorkflowCall[] = [];
  const callers = jobs.items.flatMap((pair) => {
    const job = resolveNode(document, pair.value);
    const steps = get(job, 'steps');
    return [job, ...(isSeq(steps) ? steps.items.map((step) => resolveNode(document, step)) : [])];
  });
  for (const caller of callers) {
    const uses = scalarText(document, get(caller, 'uses'));
    if (uses === undefined || uses.replace(/^\.\//, '').replace(/\/+$/, '') !== calledPath) continue;
    const passed = get(caller, 'secrets');
    let secrets: Map<string, EnvBinding> | undefined = new Map();
    if (isScalar(passed) && scalarText(document, passed) === 'inherit') secrets = undefined;
    else if (isMap(passed)) {
      for (const secret of passed.items) {
        const name = scalarText(document, secret.key);
        const expression = wholeExpression(scalarText(document, secret.value) ?? '');
        if (name === undefined) continue;
        // Passed on from the caller's own secrets or variables; the called workflow's name for it matches too.
        secrets.set(name, expression === undefined ? { unknown: true } : aliasBinding(expressionBinding(expression, new Scope(undefined, false)), name));
      }
    }
    const inputs = new Map<string, string>();
    const inputBindings = new Map<string, EnvBinding>();
    const given = get(caller, 'with');
    if (isMap(given)) {
      for (const input of given.items) {
        const name = scalarText(document, input.key);
        if (name === undefined) continue;
        const value = literal(document, input.value);
        if (value !== undefined) inputs.set(name, value);
        const expression = wholeExpression(scalarText(document, input.value) ?? '');
        if (expression !== undefined) inputBindings.set(name, expressionBinding(expression, new Scope(undefined, false)));
      }
    }
    calls.push({ ...(secrets ? { secrets } : {}), inputs, inputBindings });
  }
  return calls;
}

/** A child scope with the bindings of an `env:` mapping (matrix values and inputs substituted). */
function withEnv(document: Document.Parsed, scope: Scope, env: Node | undefined, context?: ExpressionContext): Scope {
  if (!isMap(env)) return scope;
  for (const pair of env.items) {
    const name = scalarText(document, pair.key);
    if (name === undefined) continue;
    const written = scalarText(document, pair.value);
    const value = written === undefined ? undefined : substituteLiterals(written, context);
    const expression = value === undefined ? undefined : wholeExpression(value);
    scope.set(name, expression === undefined ? { unknown: true } : aliasBinding(expressionBinding(expression, scope.parent ?? scope, context), name));
    // An expression's value is not known here (`${{ vars.FUNCTION_ID }}`); the text around it is.
    scope.setValue(name, value?.replace(/\$\{\{[\s\S]*?\}\}/g, UNKNOWN));
  }
  return scope;
}
