/**
 * The `ngc` CLI run from code: child_process (exec, execSync, execFile, execFileSync, spawn,
 * spawnSync), execa (execa, execaSync, execaCommand, `$`) and zx (`$`). Commands are split into
 * words; the catalogue says which action a command path is. The key comes from the `env` option or
 * the inherited environment, with the CLI's own precedence.
 */
import {
  matchNgcCommand,
  ngcKeyCredentials,
  splitShellCommands,
  UNKNOWN,
  type Catalogue,
  type EnvBinding,
  type NgcCommandMatch,
} from '@nvcf-keylint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { originOf } from './modules.js';
import type { Resolver } from './resolve.js';

type Node = TSESTree.Node;

export interface NgcInvocation {
  match: NgcCommandMatch;
  credentials: string[];
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash']);

interface Environment {
  get(name: string): EnvBinding | undefined;
  inherits: boolean;
}

const INHERITED: Environment = { get: () => undefined, inherits: true };
const UNKNOWN_ENV = undefined;

export function detectNgcInvocations(
  resolver: Resolver,
  catalogue: Catalogue,
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  zxGlobals: boolean,
): NgcInvocation[] {
  if (node.type === T.TaggedTemplateExpression) {
    const tag = resolver.unwrap(node.tag);
    // $`...` or $(options)`...`
    const callee = tag.type === T.CallExpression ? tag.callee : tag;
    const origin = originOf(resolver, callee);
    const isShellTag =
      (origin?.module === 'execa' || origin?.module === 'zx' || origin?.module === 'zx/core') && origin.path.length === 1 && origin.path[0] === '$'
        ? true
        : origin?.module === 'global' && origin.path[0] === '$' && zxGlobals;
    if (!isShellTag) return [];
    const options = tag.type === T.CallExpression ? resolver.object(tag.arguments[0] as Node | undefined) : undefined;
    const environment = tag.type === T.CallExpression && !options ? UNKNOWN_ENV : environmentOf(resolver, options, origin?.module === 'execa');
    return fromWords(catalogue, templateWords(resolver, node.quasi), environment);
  }
  const origin = originOf(resolver, node.callee);
  if (!origin || origin.path.length !== 1) return [];
  const fn = origin.path[0] as string;
  const args = node.arguments as Node[];
  const form = processForm(origin.module, fn);
  // execa extends the environment it is given; child_process replaces it.
  const extendsEnv = origin.module === 'execa';
  if (form === 'command') return fromCommandString(resolver, catalogue, args[0], environmentOf(resolver, resolver.object(args[1]), extendsEnv));
  if (form === 'file') {
    const argsArray = arrayArgument(resolver, args[1]);
    return fromFile(resolver, catalogue, args[0], argsArray, resolver.object(argsArray ? args[2] : args[1]), extendsEnv);
  }
  return [];
}

/** The process APIs read, by module and function: a command string, or a file and its arguments. */
const PROCESS_FUNCTIONS: Record<string, Record<string, 'command' | 'file'>> = {
  child_process: { exec: 'command', execSync: 'command', execFile: 'file', execFileSync: 'file', spawn: 'file', spawnSync: 'file' },
  execa: { execa: 'file', execaSync: 'file', execaCommand: 'command', execaCommandSync: 'command' },
};

function fromFile(
  resolver: Resolver,
  catalogue: Catalogue,
  fileNode: Node | undefined,
  argsArray: TSESTree.ArrayExpression | undefined,
  options: TSESTree.ObjectExpression | undefined,
  extendsEnv: boolean,
): NgcInvocation[] {
  const file = resolver.literal(fileNode);
  if (file === undefined) return [];
  const environment = environmentOf(resolver, options, extendsEnv);
  const program = file.split('/').pop() ?? file;
  const args = argsArray ? arrayWords(resolver, argsArray) : [];
  if (program === catalogue.cli.program) return fromWords(catalogue, [file, ...args], environment);
  if (SHELLS.has(program) && args[0] === '-c' && argsArray) {
    return fromCommandString(resolver, catalogue, argsArray.elements[1] as Node | undefined, environment);
  }
  const shell = options ? resolver.property(options, 'shell').value : undefined;
  if (!argsArray && shell !== undefined && isTruthyLiteral(resolver, shell)) {
    return fromCommandString(resolver, catalogue, fileNode, environment);
  }
  return [];
}

function fromCommandString(resolver: Resolver, catalogue: Catalogue, node: Node | undefined, environment: Environment | undefined): NgcInvocation[] {
  const command = resolver.string(node);
  if (command === UNKNOWN) return [];
  const found: NgcInvocation[] = [];
  for (const simple of splitShellCommands(command)) {
    const words = simple.words.map((w) => w.text);
    const inline: Environment | undefined =
      environment === undefined
        ? undefined
        : {
            inherits: environment.inherits,
            get(name) {
              const assigned = simple.assignments.get(name);
              if (assigned) return assigned.variable !== undefined ? { credentials: [assigned.variable] } : { unknown: true };
              return environment.get(name);
            },
          };
    found.push(...fromWords(catalogue, words, inline));
  }
  return found;
}

function fromWords(catalogue: Catalogue, words: readonly string[], environment: Environment | undefined): NgcInvocation[] {
  const program = words[0]?.split('/').pop();
  if (program !== catalogue.cli.program) return [];
  const match = matchNgcCommand(catalogue, words.slice(1));
  if (!match) return [];
  return [{ match, credentials: environment === undefined ? [] : ngcKeyCredentials(catalogue, environment) }];
}

function arrayArgument(resolver: Resolver, node: Node | undefined): TSESTree.ArrayExpression | undefined {
  if (node === undefined) return undefined;
  const value = resolver.deref(node);
  return value.type === T.ArrayExpression ? value : undefined;
}

function arrayWords(resolver: Resolver, array: TSESTree.ArrayExpression): string[] {
  const words: string[] = [];
  for (const element of array.elements) {
    if (!element || element.type === T.SpreadElement) {
      words.push(UNKNOWN);
      break;
    }
    words.push(resolver.string(element));
  }
  return words;
}

/** Words of a `$` template: literal text splits on spaces, each interpolation is one argument. */
function templateWords(resolver: Resolver, quasi: TSESTree.TemplateLiteral): string[] {
  const words: string[] = [];
  let current: string | undefined;
  quasi.quasis.forEach((element, i) => {
    const text = element.value.cooked ?? UNKNOWN;
    const pieces = text.split(/\s+/);
    pieces.forEach((piece, j) => {
      if (j > 0 && current !== undefined) {
        words.push(current);
        current = undefined;
      }
      if (piece !== '') current = (current ?? '') + piece;
    });
    const expression = quasi.expressions[i];
    if (expression) current = (current ?? '') + resolver.string(expression);
  });
  if (current !== undefined) words.push(current);
  return words;
}

/**
 * What a process's `env` option says about the ngc key variables. `undefined`: not knowable.
 * child_process replaces the environment with `env` (unless it spreads `process.env`); execa
 * extends it unless `extendEnv: false`.
 */
function environmentOf(resolver: Resolver, options: TSESTree.ObjectExpression | undefined, extendsByDefault: boolean): Environment | undefined {
  if (!options) return INHERITED;
  const envProperty = resolver.property(options, 'env');
  if (!envProperty.certain) return UNKNOWN_ENV;
  if (envProperty.value === undefined) return INHERITED;
  const env = resolver.object(envProperty.value);
  if (!env) return resolver.isProcessEnv(envProperty.value) ? INHERITED : UNKNOWN_ENV;
  const extendEnv = resolver.property(options, 'extendEnv').value;
  const extendsEnv = extendsByDefault && !(extendEnv !== undefined && !isTruthyLiteral(resolver, extendEnv));
  const spreadsProcessEnv = env.properties.some((p) => p.type === T.SpreadElement && resolver.isProcessEnv(p.argument));
  return {
    inherits: extendsEnv || spreadsProcessEnv,
    get(name) {
      const found = resolver.property(env, name);
      if (!found.certain) return { unknown: true };
      if (found.value === undefined) return undefined;
      const credential = resolver.credential(found.value);
      return credential === undefined ? { unknown: true } : { credentials: [credential] };
    },
  };
}

function isTruthyLiteral(resolver: Resolver, node: Node): boolean {
  const value = resolver.deref(node);
  return value.type === T.Literal && Boolean(value.value);
}

function processForm(module: string, fn: string): 'command' | 'file' | undefined {
  const functions = Object.hasOwn(PROCESS_FUNCTIONS, module) ? PROCESS_FUNCTIONS[module] : undefined;
  return functions && Object.hasOwn(functions, fn) ? functions[fn] : undefined;
}

/** Whether a call runs a process through an API `detectNgcInvocations` reads, whatever it runs. */
export function isProcessCall(resolver: Resolver, node: TSESTree.CallExpression): boolean {
  const origin = originOf(resolver, node.callee);
  return origin !== undefined && origin.path.length === 1 && processForm(origin.module, origin.path[0] as string) !== undefined;
}
