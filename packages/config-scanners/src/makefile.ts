/**
 * Makefile recipes. Make expands `$(NAME)` / `${NAME}` (its variables, and the environment's)
 * and turns `$$` into `$` before the shell sees a recipe line; each logical recipe line runs in
 * its own shell.
 */
import { findKeyMaterial, type Catalogue, type SourceProblem, type Usage } from '@nvcf-keylint/core';
import { EmbeddedText } from './embedded-text.js';
import type { ConfigFacts } from './facts.js';
import { scanShell } from './shell/scan.js';
import { scriptProblems } from './facts.js';
import { aliasBinding, Scope } from './shell/scope.js';

const ASSIGNMENT = /^(?:(?:export|override|private)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^[^\t#=:][^=]*?:(?![=:])(.*)$/;
/** `$$`, `$(NAME)` / `${NAME}`, other `$(...)` / `${...}`, and one-character variables (`$@`). */
const MAKE_EXPANSION = /\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$[({][^)}]{0,200}[)}]|\$[^$({]/g;

export function scanMakefile(file: string, text: string, catalogue: Catalogue): ConfigFacts {
  const secrets = findKeyMaterial(text).map(({ start, end }) => {
    const embedded = EmbeddedText.ofFile(text);
    return { file, range: embedded.range(start, end) };
  });
  const lines = text.split('\n');
  const scope = new Scope();
  const usages: Usage[] = [];
  const problems: SourceProblem[] = [];
  let inRule = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.startsWith('\t') && inRule) {
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
      scanRecipe(recipe, { file, catalogue, scope }, usages, problems);
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment && !RULE.exec(line.replace(/:?:?=.*/, ''))?.[0].includes(':')) {
      const [, name, value] = assignment as unknown as [string, string, string];
      const reference = /^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$/.exec(value.trim())?.[1];
      scope.set(name, reference === undefined ? { unknown: true } : aliasBinding(scope.resolve(reference), name));
      scope.setValue(name, value.includes('$') ? undefined : value.trim());
      inRule = false;
      continue;
    }
    const rule = RULE.exec(line);
    inRule = rule !== null;
    // `target: prerequisites ; recipe`
    const inline = rule?.[1]?.indexOf(';') ?? -1;
    if (rule && inline !== -1) {
      const start = line.indexOf(';', line.indexOf(':')) + 1;
      scanRecipe(new EmbeddedText().append(line.slice(start), i + 1, start + 1), { file, catalogue, scope }, usages, problems);
    }
  }
  return { file, usages, secrets, problems };
}

function scanRecipe(recipe: EmbeddedText, context: { file: string; catalogue: Catalogue; scope: Scope }, usages: Usage[], problems: SourceProblem[]): void {
  const shell = recipe.replace(MAKE_EXPANSION, (match) => {
    if (match[0] === '$$') return '$';
    const name = match[1] ?? match[2];
    return name !== undefined ? `\${${name}}` : '${__MAKE_EXPANSION}';
  });
  const result = scanShell(shell, { ...context, scope: context.scope.child() });
  usages.push(...result.usages);
  problems.push(...scriptProblems(context.file, result.problems, 'This recipe line'));
}
