/**
 * Finds NVCF operations in a shell script: `ngc cloud-function ...` commands, curl / wget / HTTPie
 * requests to NVCF hosts and grpcurl calls to its gRPC host, with the key each one uses. Variables
 * are followed in source order (`export X=$Y`, `X=... cmd`, `env X=... cmd`), and into containers
 * (`docker run -e NAME=$KEY IMAGE ngc ...`); what cannot be known stays unknown.
 */
import {
  matchNgcCommand,
  matchNvcfGrpc,
  matchNvcfRequest,
  ngcKeyCredentials,
  UNKNOWN,
  type Catalogue,
  type EnvBinding,
  type SourceRange,
  type Usage,
  type UsageTarget,
} from '@nvcf-keylint/core';
import type { EmbeddedText } from '../embedded-text.js';
import { HTTP_PROGRAMS, headerValue, parseGrpcurl, parseHttpCommand, type CommandWord } from './http-commands.js';
import { CONTAINER_RUNTIMES, parseContainerRun, type ContainerRun } from './containers.js';
import { aliasBinding, Scope } from './scope.js';
import { HEREDOC_OPERATORS, nodeType, OUTPUT_REDIRECTS, parseShell, REDIRECT_IN, walk, type Assign, type CallExpr, type CmdSubst, type DeclClause, type ShNode, type Stmt, type Word, type WordPart } from './syntax.js';

export interface ScriptProblem {
  range: SourceRange;
  message: string;
}

/**
 * A variable the script hands to the steps after it through its CI's env file (`echo
 * "NAME=value" >> "$GITHUB_ENV"`), or `opaque` when it writes that file in a way not read here.
 */
export type EnvExport = { name: string; binding: EnvBinding; value: string } | { opaque: true };

export interface ShellScanResult {
  usages: Usage[];
  problems: ScriptProblem[];
  /** Writes to the env file the context names, in order (empty when it names none). */
  exports: EnvExport[];
}

export interface ShellContext {
  file: string;
  catalogue: Catalogue;
  scope: Scope;
  /** Placeholder variables standing for CI expressions (`${{ secrets.X }}`), by name. */
  placeholders?: ReadonlyMap<string, EnvBinding>;
  /** Files that hold a key (BuildKit secrets under /run/secrets), by path: `$(cat FILE)` reads it. */
  secretFiles?: ReadonlyMap<string, EnvBinding>;
  /** The variable naming the file whose `NAME=value` lines set later steps' variables (`GITHUB_ENV`). */
  envFile?: string;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);
const WRAPPERS = new Set(['sudo', 'time', 'nohup', 'exec', 'command', 'env', 'eval']);
const MAX_NESTING = 4;

interface CommandEnvironment {
  scope: Scope;
  /** Inline assignments (`NAME=value cmd`, `env NAME=value cmd`), which shadow the scope. */
  overlay: ReadonlyMap<string, EnvBinding>;
  /** Whether variables nothing set come from the environment the script runs in. */
  inherits: boolean;
}

export function scanShell(script: EmbeddedText, context: ShellContext, depth = 0): ShellScanResult {
  const parsed = parseShell(script.text);
  if (!parsed.ok) {
    const offset = offsetOf(script.text, parsed.line, parsed.column);
    return { usages: [], problems: [{ range: script.range(offset, offset + 1), message: parsed.message }], exports: context.envFile && script.text.includes(context.envFile) ? [{ opaque: true }] : [] };
  }
  const scanner = new Scanner(script, context, depth);
  walk(parsed.file, (node, type) => scanner.visit(node, type));
  const exports: EnvExport[] = scanner.exports;
  // Every mention of the env file must be a write read above; anything else (tee, cat <<EOF,
  // printf, a nested script) may set any variable.
  if (context.envFile && depth === 0 && countWord(script.text, context.envFile) > exports.length) exports.push({ opaque: true });
  return { usages: scanner.usages, problems: scanner.problems, exports };
}

function countWord(text: string, word: string): number {
  return text.split(new RegExp(`\\b${word}\\b`)).length - 1;
}

/** mvdan/sh counts columns in UTF-8 bytes; the text is UTF-16. */
function offsetOf(text: string, line: number, byteColumn: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end === -1 ? undefined : end);
  if (!/[^\x00-\x7f]/.test(lineText)) return start + byteColumn - 1;
  return start + Buffer.from(lineText, 'utf8').subarray(0, byteColumn - 1).toString('utf8').length;
}

class Scanner {
  readonly usages: Usage[] = [];
  readonly problems: ScriptProblem[] = [];
  readonly exports: Array<{ name: string; binding: EnvBinding; value: string }> = [];

  constructor(
    readonly script: EmbeddedText,
    readonly context: ShellContext,
    readonly depth: number,
  ) {}

  offset(pos: { Line(): number; Col(): number }): number {
    return offsetOf(this.script.text, pos.Line(), pos.Col());
  }

  visit(node: ShNode, type: string): boolean {
    switch (type) {
      case 'DeclClause': {
        const clause = node as DeclClause;
        if (['export', 'declare', 'typeset', 'local', 'readonly'].includes(clause.Variant.Value)) {
          for (const assign of clause.Args) this.assign(assign);
        }
        return true;
      }
      case 'Stmt':
        this.heredoc(node as Stmt);
        this.envFileWrite(node as Stmt);
        return true;
      case 'CallExpr': {
        const call = node as CallExpr;
        if (call.Args.length === 0) {
          for (const assign of call.Assigns) this.assign(assign);
          return true;
        }
        this.command(call);
        return true;
      }
      default:
        return true;
    }
  }

  assign(assign: Assign): void {
    if (!assign.Name || assign.Naked) return;
    const name = assign.Name.Value;
    this.context.scope.set(name, assign.Value ? aliasBinding(this.bindingOf(assign.Value), name) : { unknown: true });
    const literal = assign.Value ? this.text(assign.Value) : '';
    this.context.scope.setValue(name, literal);
  }

  /**
   * What a word evaluates to as a credential: the one variable it expands, or the one secret file
   * it reads (`$(cat /run/secrets/id)`), if that is all it is.
   */
  bindingOf(word: Word): EnvBinding {
    const names = new Set<string>();
    const files: EnvBinding[] = [];
    let other = false;
    const visitParts = (parts: readonly WordPart[]) => {
      for (const part of parts) {
        const type = nodeType(part);
        if (type === 'ParamExp' && part.Param) names.add(part.Param.Value);
        else if (type === 'DblQuoted' && part.Parts) visitParts(part.Parts);
        else if (type === 'SglQuoted' || type === 'Lit') {
          // CI placeholders are substituted before the shell runs, quotes or not.
          for (const match of (part.Value ?? '').matchAll(/\$\{(__CI_\d+)\}/g)) names.add(match[1] as string);
        } else if (type === 'CmdSubst') {
          const file = this.secretFileRead(part as CmdSubst);
          if (file) files.push(file);
          else other = true;
        } else other = true;
      }
    };
    visitParts(word.Parts);
    const [only] = names;
    if (other || names.size + files.length !== 1) return { unknown: true };
    return only !== undefined ? this.variable(only) : (files[0] as EnvBinding);
  }

  /** `$(cat FILE)` or `$(< FILE)` of a file the context knows to hold a key. */
  secretFileRead(substitution: CmdSubst): EnvBinding | undefined {
    const secretFiles = this.context.secretFiles;
    const [stmt, ...rest] = substitution.Stmts ?? [];
    if (!secretFiles || !stmt || rest.length > 0) return undefined;
    let path: Word | undefined;
    if (stmt.Cmd && nodeType(stmt.Cmd) === 'CallExpr' && stmt.Redirs.length === 0) {
      const call = stmt.Cmd as CallExpr;
      if (call.Assigns.length === 0 && call.Args.length === 2 && call.Args[0] && this.text(call.Args[0]) === 'cat') path = call.Args[1];
    } else if (!stmt.Cmd && stmt.Redirs.length === 1 && stmt.Redirs[0]?.Op === REDIRECT_IN) {
      path = stmt.Redirs[0].Word ?? undefined;
    }
    return path ? secretFiles.get(this.text(path)) : undefined;
  }

  variable(name: string): EnvBinding {
    return this.context.placeholders?.get(name) ?? this.context.scope.resolve(name);
  }

  /**
   * A word's text: literal parts as written, a plain `$NAME` as the literal value the scope knows
   * for it, and UNKNOWN for every other expansion (CI placeholders included).
   */
  text(word: Word): string {
    const render = (parts: readonly WordPart[]): string =>
      parts
        .map((part) => {
          const type = nodeType(part);
          if (type === 'Lit' || type === 'SglQuoted') return (part.Value ?? '').replace(/\$\{__CI_\d+\}/g, UNKNOWN);
          if (type === 'DblQuoted') return render(part.Parts ?? []);
          if (type === 'ParamExp' && part.Param && isPlainExpansion(part)) return this.context.scope.value(part.Param.Value) ?? UNKNOWN;
          return UNKNOWN;
        })
        .join('');
    return render(word.Parts);
  }

  command(call: CallExpr): void {
    const words: Array<CommandWord<Word>> = call.Args.map((word) => ({ text: this.text(word), word }));
    const overlay = new Map<string, EnvBinding>();
    for (const assign of call.Assigns) {
      if (assign.Name && !assign.Naked) overlay.set(assign.Name.Value, assign.Value ? aliasBinding(this.bindingOf(assign.Value), assign.Name.Value) : { unknown: true });
    }
    this.run(words, { scope: this.context.scope, overlay, inherits: this.context.scope.inherits }, call, false);
  }

  /**
   * A command's words (expanded by this shell) run with `env`: this shell's variables, or a
   * container's (`docker run IMAGE ngc ...`).
   */
  run(words: Array<CommandWord<Word>>, env: CommandEnvironment, call: CallExpr, inContainer: boolean): void {
    const overlay = new Map(env.overlay);
    let inherits = env.inherits;
    // sudo, env NAME=value, time, ... run the command that follows them.
    while (words[0] && WRAPPERS.has(basename(words[0].text))) {
      const wrapper = basename(words[0].text);
      words = words.slice(1);
      while (words[0]?.text.startsWith('-')) {
        if (wrapper === 'env' && (words[0].text === '-i' || words[0].text === '--ignore-environment')) inherits = false;
        const takesValue = (wrapper === 'sudo' && /^-[ugCDhpRrT]$/.test(words[0].text)) || (wrapper === 'env' && /^-[uCS]$/.test(words[0].text));
        words = words.slice(takesValue ? 2 : 1);
      }
      if (wrapper === 'env') {
        while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0].text)) {
          const name = words[0].text.slice(0, words[0].text.indexOf('='));
          overlay.set(name, aliasBinding(this.valueAfterEquals(words[0].word, name), name));
          words = words.slice(1);
        }
      }
    }
    const first = words[0];
    if (!first) return;
    const program = basename(first.text);
    const range = this.script.range(this.offset(first.word.Pos()), this.offset(call.End()));
    const text = normalize(this.script.text.slice(this.offset(first.word.Pos()), this.offset(call.End())));
    const { catalogue } = this.context;
    if (program === catalogue.cli.program) {
      const match = matchNgcCommand(catalogue, words.slice(1).map((w) => w.text));
      if (!match) return;
      const credentials = ngcKeyCredentials(catalogue, {
        inherits,
        get: (name) => overlay.get(name) ?? env.scope.own(name) ?? this.context.placeholders?.get(name),
      });
      this.add(match.action.id, credentials, match.target, range, text);
      return;
    }
    if (HTTP_PROGRAMS.has(program)) {
      const request = parseHttpCommand(program, words.slice(1));
      if (!request) return;
      const binding = request.authorization ? this.bindingOf(request.authorization.word) : undefined;
      const resolved = binding && 'credentials' in binding ? this.overlayCredentials(binding, overlay) : [];
      for (const url of request.urls) {
        const match = matchNvcfRequest(catalogue, request.method, url.text);
        if (match) this.add(match.action.id, resolved, match.target, range, text);
      }
      return;
    }
    if (program === 'grpcurl') {
      const call = parseGrpcurl(words.slice(1));
      if (!call) return;
      const metadata = catalogue.http.grpcMetadata;
      const valueOf = (name: string) => {
        const header = headerValue(call.headers, name);
        return header && header.text.slice(header.text.indexOf(':') + 1);
      };
      const match = matchNvcfGrpc(catalogue, call.address.text, valueOf(metadata.functionId), valueOf(metadata.versionId));
      if (!match) return;
      const authorization = headerValue(call.headers, metadata.authorization);
      const binding = authorization ? this.bindingOf(authorization.word) : undefined;
      this.add(match.action.id, binding && 'credentials' in binding ? this.overlayCredentials(binding, overlay) : [], match.target, range, text);
      return;
    }
    if (CONTAINER_RUNTIMES.has(program) && !inContainer) {
      const container = parseContainerRun(words.slice(1));
      if (container) this.run(container.command, { scope: this.containerScope(container, overlay), overlay: new Map(), inherits: false }, call, true);
      return;
    }
    if (SHELLS.has(program) && words[1]?.text === '-c' && words[2] && this.depth < MAX_NESTING) {
      this.nested(words[2].word, env.scope);
    }
  }

  /**
   * The variables a container sees: its `-e` options, each read in this shell (`-e NAME=$KEY`,
   * or `-e NAME` passing this shell's NAME on), and nothing inherited. An `--env-file` may set any
   * of the CLI's key variables that `-e` does not.
   */
  containerScope(container: ContainerRun<Word>, overlay: ReadonlyMap<string, EnvBinding>): Scope {
    const scope = new Scope(undefined, false);
    if (container.envFile) for (const name of this.context.catalogue.cli.keyEnv) scope.set(name, { unknown: true });
    for (const option of container.env) {
      const eq = option.text.indexOf('=');
      const name = eq === -1 ? option.text : option.text.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      if (eq === -1) {
        const passed = overlay.get(name) ?? this.variable(name);
        scope.set(name, passed);
        scope.setValue(name, overlay.has(name) ? undefined : this.context.scope.value(name));
      } else {
        scope.set(name, aliasBinding(this.valueAfterEquals(option.word, name), name));
        const value = option.text.slice(eq + 1);
        scope.setValue(name, value);
      }
    }
    return scope;
  }

  /** Inline assignments shadow what the scope says of the same names. */
  overlayCredentials(binding: { credentials: string[] }, overlay: ReadonlyMap<string, EnvBinding>): string[] {
    const [first] = binding.credentials;
    const shadow = first === undefined ? undefined : overlay.get(first);
    if (shadow) return 'credentials' in shadow ? shadow.credentials : [];
    return binding.credentials;
  }

  /**
   * The binding of what follows `NAME=` in one word: `env NAME=$X cmd`, `docker run -e NAME=$X`,
   * `--env="NAME=$X"`. Only a `NAME=` that ends a literal piece counts.
   */
  valueAfterEquals(word: Word, name: string): EnvBinding {
    const parts = unquotedParts(word);
    let literal = '';
    let index = 0;
    for (; index < parts.length; index++) {
      const type = nodeType(parts[index] as WordPart);
      if (type !== 'Lit' && type !== 'SglQuoted') break;
      literal += parts[index]?.Value ?? '';
    }
    const option = literal.slice(0, literal.length - name.length - 1);
    if (literal.endsWith(`${name}=`) && ['', '-e', '--env='].includes(option) && index < parts.length) {
      return this.bindingOf({ ...word, Parts: parts.slice(index) } as Word);
    }
    return { unknown: true };
  }

  /** `bash -c '...'`: the quoted script, scanned in place. */
  nested(word: Word, scope: Scope): void {
    const [part] = word.Parts;
    if (word.Parts.length !== 1 || !part) return;
    const type = nodeType(part);
    if (type !== 'SglQuoted' && !(type === 'DblQuoted' && (part.Parts ?? []).every((p) => nodeType(p) === 'Lit'))) return;
    const start = this.offset(part.Pos()) + 1;
    const end = this.offset(part.End()) - 1;
    this.scanNested(this.script.slice(start, end), scope);
  }

  /** `echo "NAME=value" >> "$GITHUB_ENV"`: one variable for the steps after this one. */
  envFileWrite(stmt: Stmt): void {
    const file = this.context.envFile;
    if (!file || this.depth > 0 || stmt.Redirs.length !== 1 || !stmt.Cmd || nodeType(stmt.Cmd) !== 'CallExpr') return;
    const [redirect] = stmt.Redirs;
    if (!redirect?.Word || !OUTPUT_REDIRECTS.has(redirect.Op) || !isExpansionOf(redirect.Word, file)) return;
    const call = stmt.Cmd as CallExpr;
    if (call.Assigns.length > 0 || !call.Args[0] || this.text(call.Args[0]) !== 'echo') return;
    let args = call.Args.slice(1);
    while (args[0] && /^-[nE]+$/.test(this.text(args[0]))) args = args.slice(1);
    const [word] = args;
    if (!word || args.length !== 1) return;
    const text = this.text(word);
    const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text)?.[1];
    if (name === undefined) return;
    this.exports.push({ name, binding: aliasBinding(this.valueAfterEquals(word, name), name), value: text.slice(name.length + 1) });
  }

  /** `bash <<EOF ... EOF`: the heredoc is the script bash runs. */
  heredoc(stmt: Stmt): void {
    if (this.depth >= MAX_NESTING || !stmt.Cmd || nodeType(stmt.Cmd) !== 'CallExpr') return;
    const call = stmt.Cmd as CallExpr;
    const program = call.Args[0] ? basename(this.text(call.Args[0])) : undefined;
    if (program === undefined || !SHELLS.has(program) || call.Args.length > 1) return;
    for (const redirect of stmt.Redirs) {
      if (!HEREDOC_OPERATORS.has(redirect.Op) || !redirect.Hdoc) continue;
      this.scanNested(this.script.slice(this.offset(redirect.Hdoc.Pos()), this.offset(redirect.Hdoc.End())), this.context.scope);
    }
  }

  scanNested(script: EmbeddedText, scope: Scope): void {
    const result = scanShell(script, { ...this.context, scope: scope.child() }, this.depth + 1);
    this.usages.push(...result.usages);
    this.problems.push(...result.problems);
  }

  add(action: string, credentials: string[], target: UsageTarget | undefined, range: SourceRange, text: string): void {
    const usage: Usage = { file: this.context.file, range, action, credentials, text };
    if (target) usage.target = target;
    this.usages.push(usage);
  }
}

/** A word's parts with double quotes taken off (what is inside them stands in their place). */
function unquotedParts(word: Word): WordPart[] {
  return word.Parts.flatMap((part) => (nodeType(part) === 'DblQuoted' ? (part.Parts ?? []) : [part]));
}

/** A word that is only `$NAME` (quoted or not). */
function isExpansionOf(word: Word, name: string): boolean {
  const parts = unquotedParts(word);
  const [only] = parts;
  return parts.length === 1 && only !== undefined && nodeType(only) === 'ParamExp' && only.Param?.Value === name && isPlainExpansion(only);
}

/** `$NAME` or `${NAME}`, with no default, substitution, slice or length operator. */
function isPlainExpansion(part: WordPart): boolean {
  const expansion = part as WordPart & { Exp?: unknown; Repl?: unknown; Slice?: unknown; Index?: unknown; Length?: boolean; Excl?: boolean; Width?: boolean };
  return !expansion.Exp && !expansion.Repl && !expansion.Slice && !expansion.Index && !expansion.Length && !expansion.Excl && !expansion.Width;
}

function basename(text: string): string {
  return text.split('/').pop() ?? text;
}

function normalize(text: string): string {
  return text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}
