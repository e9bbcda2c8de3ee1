/**
 * Makefile recipes. Make reads the whole makefile before it runs a recipe, so a recipe sees each
 * variable's last assignment, wherever it is written, and the target-specific ones of its own
 * targets (`deploy: export NGC_CLI_API_KEY = $(DEPLOY_KEY)`). It expands `$(NAME)` / `${NAME}`
 * (its variables, and the environment's) and turns `$$` into `$` before the shell sees a recipe
 * line; each logical recipe line runs in its own shell.
 */
import { findKeyMaterial, type Catalogue, type SourceProblem, type Usage } from '@nvcf-keylint/core';
import { EmbeddedText } from './embedded-text.js';
import type { ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { scriptProblems } from './facts.js';
import { aliasBinding, Scope } from './shell/scope.js';

const ASSIGNMENT = /^(?:(?:export|override|private)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^[^\t#=:][^=]*?:(?![=:])(.*)$/;
/** `targets: VAR = value`, with `export` / `override` / `private` allowed before VAR. */
const TARGET_ASSIGNMENT = /^([^\t#=:][^=:]*?)\s*:(?![=:])\s*((?:(?:export|override|private)\s+)*[A-Za-z_][A-Za-z0-9_.-]*\s*(?:::?=|:::=|\?=|\+=|!=|=).*)$/;
/** `$$`, `$(NAME)` / `${NAME}`, other `$(...)` / `${...}`, and one-character variables (`$@`). */
const MAKE_EXPANSION = /\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$[({][^)}]{0,200}[)}]|\$[^$({]/g;

interface Assignment {
  name: string;
  operator: string;
  value: string;
  /** Inside `ifeq`/`ifdef`/...: it may or may not happen, so the variable's value is unknown. */
  conditional?: boolean;
}

/** `ifeq`, `ifneq`, `ifdef`, `ifndef` open a conditional; `else` continues it; `endif` closes it. */
const CONDITIONAL_START = /^\s*(?:ifeq|ifneq|ifdef|ifndef)\b/;
const CONDITIONAL_END = /^\s*endif\b/;

export function scanMakefile(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const secrets = findKeyMaterial(text).map(({ start, end }) => {
    const embedded = EmbeddedText.ofFile(text);
    return { file, range: embedded.range(start, end) };
  });
  const lines = text.split('\n');
  const globals: Assignment[] = [];
  const byTarget = new Map<string, Assignment[]>();
  const recipes: Array<{ recipe: EmbeddedText; targets: string[] }> = [];
  let targets: string[] | undefined;
  let conditionals = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.startsWith('\t') && targets) {
      // A logical recipe line: continuation lines belong to it, each losing one leading tab.
      const recipe = new EmbeddedText();
      let j = i;
      for (;;) {
        const current = (lines[j] as string).replace(/\r$/, '');
        const body = j === i ? current.slice(1).replace(/^[@+-]+/, '') : current.replace(/^\t/, '');
        const column = current.length - body.length + 1;
        if (j > i) recipe.appendSynthetic('\n');
        recipe.append(body, j + 1, column);
        if (!current.endsWith('\\') || j + 1 >= lines.length) break;
        j++;
      }
      i = j;
      recipes.push({ recipe, targets });
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (CONDITIONAL_START.test(line)) {
      conditionals++;
      continue;
    }
    if (CONDITIONAL_END.test(line)) {
      conditionals = Math.max(0, conditionals - 1);
      continue;
    }
    const assignment = parseAssignment(line);
    if (assignment && !RULE.exec(line.replace(/:?:?=.*/, ''))?.[0].includes(':')) {
      globals.push(conditionals > 0 ? { ...assignment, conditional: true } : assignment);
      targets = undefined;
      continue;
    }
    const targetAssignment = TARGET_ASSIGNMENT.exec(line);
    const parsed = targetAssignment && parseAssignment(targetAssignment[2] as string);
    if (targetAssignment && parsed) {
      const specific = conditionals > 0 ? { ...parsed, conditional: true } : parsed;
      for (const target of (targetAssignment[1] as string).trim().split(/\s+/)) byTarget.set(target, [...(byTarget.get(target) ?? []), specific]);
      targets = undefined;
      continue;
    }
    const rule = RULE.exec(line);
    targets = rule ? line.slice(0, line.indexOf(':')).trim().split(/\s+/) : undefined;
    // `target: prerequisites ; recipe`
    const inline = rule?.[1]?.indexOf(';') ?? -1;
    if (rule && targets && inline !== -1) {
      const start = line.indexOf(';', line.indexOf(':')) + 1;
      recipes.push({ recipe: new EmbeddedText().append(line.slice(start), i + 1, start + 1), targets });
    }
  }
  const texts = new Map<string, string | undefined>();
  const scope = assign(new Scope(), texts, globals);
  const usages: Usage[] = [];
  const problems: SourceProblem[] = [];
  for (const { recipe, targets: names } of recipes) {
    const own = names.flatMap((name) => byTarget.get(name) ?? []);
    const ownTexts = own.length > 0 ? new Map(texts) : texts;
    const context = { file, catalogue, scope: own.length > 0 ? assign(scope.child(), ownTexts, own) : scope, texts: ownTexts };
    scanRecipe(recipe, context, usages, problems);
  }
  return { file, usages, secrets, problems };
}

function parseAssignment(line: string): Assignment | undefined {
  const match = ASSIGNMENT.exec(line);
  if (!match) return undefined;
  const [, name, operator, value] = match as unknown as [string, string, string, string];
  return { name, operator, value };
}

/**
 * Applies assignments in order: `?=` only sets what is unset, `+=` and `!=` make the value unknown,
 * and so does an assignment inside a conditional, until a plain one after it sets the variable again.
 * `scope` gets what each variable holds for the shell; `texts` its assigned text, as make
 * substitutes it into a recipe (`NGC := ngc --org acme`), `undefined` when not knowable.
 */
function assign(scope: Scope, texts: Map<string, string | undefined>, assignments: readonly Assignment[]): Scope {
  const uncertain = new Set<string>();
  for (const { name, operator, value, conditional } of assignments) {
    if (conditional) uncertain.add(name);
    else if (operator !== '?=' && operator !== '+=') uncertain.delete(name);
    if (uncertain.has(name)) {
      scope.set(name, { unknown: true });
      scope.setValue(name, undefined);
      texts.set(name, undefined);
      continue;
    }
    if (operator === '?=' && scope.own(name) !== undefined) continue;
    texts.set(name, operator === '+=' || operator === '!=' ? undefined : value.trim());
    const reference = operator === '+=' || operator === '!=' ? undefined : /^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$/.exec(value.trim())?.[1];
    scope.set(name, reference === undefined ? { unknown: true } : aliasBinding((scope.parent ?? scope).resolve(reference), name));
    scope.setValue(name, operator === '+=' || operator === '!=' || value.includes('$') ? undefined : value.trim());
  }
  return scope;
}

/** How much text one recipe line may expand to (a makefile can nest references to blow up). */
const MAX_EXPANSION = 10_000;

/**
 * Make's expansion of a piece of recipe text: `$$` is `$`, a variable whose assignment holds more
 * than one reference is replaced by its text, expanded in turn. A variable that is a single
 * reference (`KEY := $(SECRET)`) or that make does not set stays a shell variable, which the
 * scope resolves, so the names a manifest lists for a key are kept. Past the budget, what is
 * left is unknown.
 */
function expandMake(text: string, texts: ReadonlyMap<string, string | undefined>, budget = { left: MAX_EXPANSION }, depth = 0): string {
  return text.replace(MAKE_EXPANSION, (match: string, paren?: string, brace?: string) => {
    if (match === '$$') return '$';
    const name = paren ?? brace;
    if (name === undefined) return '${__MAKE_EXPANSION}';
    const value = texts.get(name);
    if (value === undefined || /^\$[({][A-Za-z_][A-Za-z0-9_]*[)}]$/.test(value)) return `\${${name}}`;
    budget.left -= value.length;
    if (budget.left < 0 || depth >= 8) return '${__MAKE_EXPANSION}';
    return value.includes('$') ? expandMake(value, texts, budget, depth + 1) : value;
  });
}

function scanRecipe(recipe: EmbeddedText, context: { file: string; catalogue: Catalogue; scope: Scope; texts: ReadonlyMap<string, string | undefined> }, usages: Usage[], problems: SourceProblem[]): void {
  const budget = { left: MAX_EXPANSION };
  const shell = recipe.replace(MAKE_EXPANSION, (match) => expandMake(match[0], context.texts, budget));
  const result = scanShell(shell, { file: context.file, catalogue: context.catalogue, scope: context.scope.child() });
  usages.push(...result.usages);
  problems.push(...scriptProblems(context.file, result.problems, 'This recipe line'));
}
