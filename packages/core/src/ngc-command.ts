import type { Action, Catalogue } from './catalogue/index.js';
import type { UsageTarget } from './facts.js';

export interface NgcCommandMatch {
  action: Action;
  /** The command path as the catalogue spells it, aliases resolved (`function deploy create`). */
  command: string[];
  /** Index in `words` of the first word of the command path, and of the word after it. */
  start: number;
  end: number;
  /** Non-option words after the command path. */
  positionals: string[];
  /** The function the command names, from `<id>` or `<id>:<version>`, when it is a literal. */
  target?: UsageTarget;
}

/**
 * Recognises an `ngc` CLI invocation from its words (everything after `ngc`): the `cloud-function`
 * root or its alias, then the longest command path the catalogue knows, with word aliases
 * (`fn`, `ls`, `rm`, ...) and options anywhere. Returns `undefined` for anything else.
 */
export function matchNgcCommand(catalogue: Catalogue, words: readonly string[]): NgcCommandMatch | undefined {
  const { roots, aliases } = catalogue.cli;
  const canonical = (word: string) => (Object.hasOwn(aliases, word) ? (aliases[word] as string) : word);
  let i = 0;
  let previousWasOption = false;
  // Find the root, skipping global options (and the value of one given as a separate word).
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (roots.includes(word)) break;
    if (word.startsWith('-')) {
      previousWasOption = !word.includes('=');
      continue;
    }
    if (previousWasOption) {
      previousWasOption = false;
      continue;
    }
    return undefined;
  }
  if (i >= words.length) return undefined;
  const start = i;
  i++;
  const paths = catalogue.actions.flatMap((action) => action.cli.map((command) => ({ action, command })));
  const path: string[] = [];
  const positionals: string[] = [];
  let best: { action: Action; command: string[]; end: number } | undefined;
  previousWasOption = false;
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') break;
    if (word.startsWith('-')) {
      previousWasOption = !word.includes('=');
      continue;
    }
    const next = [...path, canonical(word)];
    if (positionals.length === 0 && paths.some((p) => startsWith(p.command, next))) {
      path.push(canonical(word));
      const exact = paths.find((p) => p.command.length === path.length && startsWith(p.command, path));
      if (exact) best = { action: exact.action, command: exact.command, end: i + 1 };
      previousWasOption = false;
      continue;
    }
    if (previousWasOption) {
      previousWasOption = false;
      continue;
    }
    if (best === undefined) return undefined;
    positionals.push(word);
  }
  if (best === undefined) return undefined;
  const match: NgcCommandMatch = { action: best.action, command: best.command, start, end: best.end, positionals };
  const target = parseFunctionTarget(positionals[0]);
  if (target && best.action.http.some((h) => (h.path ?? '').includes('{functionId}'))) match.target = target;
  return match;
}

function startsWith(whole: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= whole.length && prefix.every((w, i) => whole[i] === w);
}

/** `<id>` or `<id>:<version>`, when both parts are plain literals. */
export function parseFunctionTarget(word: string | undefined): UsageTarget | undefined {
  if (word === undefined) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]*)(?::([A-Za-z0-9][A-Za-z0-9_-]*))?$/.exec(word);
  if (!match) return undefined;
  return match[2] === undefined ? { functionId: match[1] as string } : { functionId: match[1] as string, versionId: match[2] };
}

/**
 * What a command's environment says about one variable: the credential names its value comes
 * from (a CI secret, then the variable itself, ...), or that it cannot be known.
 */
export type EnvBinding = { credentials: string[] } | { unknown: true };

/**
 * The env var names the ngc CLI's key may come from, in precedence order (NGC_CLI_API_KEY, then
 * NGC_API_KEY, then NGC_APP_KEY, per the catalogue). A variable the command sets explicitly ends
 * the search with what it is set from; inherited variables stay candidates. `inherits: false`
 * (an `env` option without `...process.env`) means only explicit variables count.
 */
export function ngcKeyCredentials(
  catalogue: Catalogue,
  environment: { get(name: string): EnvBinding | undefined; inherits: boolean },
): string[] {
  const names: string[] = [];
  for (const name of catalogue.cli.keyEnv) {
    const binding = environment.get(name);
    if (binding !== undefined) {
      if ('credentials' in binding) names.push(...binding.credentials);
      return [...new Set(names)];
    }
    if (environment.inherits) names.push(name);
  }
  return [...new Set(names)];
}
