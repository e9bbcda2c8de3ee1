/**
 * The shell parser: mvdan/sh (the parser behind shfmt), in its official JavaScript build. It is
 * a real POSIX/Bash parser (quoting, expansions, line continuations, heredocs) with positions, and
 * it is synchronous. The scanners are imported only when there are CI files or scripts to scan,
 * so manifest-only runs never load it.
 */
import mvdan from 'mvdan-sh';

// The GopherJS runtime sets an unlimited stack trace depth for the whole process; restore Node's.
Error.stackTraceLimit = 10;

export interface Pos {
  Offset(): number;
  Line(): number;
  Col(): number;
}

export interface ShNode {
  Pos(): Pos;
  End(): Pos;
}

export interface Lit extends ShNode {
  Value: string;
}

export interface Word extends ShNode {
  Parts: WordPart[];
}

export type WordPart = ShNode & {
  Value?: string;
  Parts?: WordPart[];
  Param?: Lit | null;
};

export interface Assign extends ShNode {
  Name: Lit | null;
  Value: Word | null;
  Naked: boolean;
}

export interface CallExpr extends ShNode {
  Assigns: Assign[];
  Args: Word[];
}

export interface DeclClause extends ShNode {
  Variant: Lit;
  Args: Assign[];
}

export interface Redirect extends ShNode {
  Op: number;
  Word: Word | null;
  Hdoc: Word | null;
}

export interface Stmt extends ShNode {
  Cmd: ShNode | null;
  Redirs: Redirect[];
}

export interface ShFile extends ShNode {
  Stmts: Stmt[];
}

/** `$(...)`: the statements whose output it is. */
export interface CmdSubst extends ShNode {
  Stmts: Stmt[] | null;
}

interface Syntax {
  NewParser(...options: unknown[]): { Parse(text: string, name: string): ShFile };
  Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
  NodeType(node: ShNode): string;
  Variant(language: unknown): unknown;
  KeepComments(keep: boolean): unknown;
  LangBash: unknown;
}

const syntax = (mvdan as { syntax: Syntax }).syntax;

function load(): Syntax {
  return syntax;
}

export type ParseResult = { ok: true; file: ShFile } | { ok: false; message: string; line: number; column: number };

/** Parses Bash; a syntax error comes back as a message and position, never as a throw. */
export function parseShell(text: string): ParseResult {
  const sh = load();
  try {
    return { ok: true, file: sh.NewParser(sh.KeepComments(false), sh.Variant(sh.LangBash)).Parse(text, 'script') };
  } catch (error) {
    const raw = describe(error);
    const match = /^script:(\d+):(\d+): (.*)$/s.exec(raw);
    return match
      ? { ok: false, message: match[3] as string, line: Number(match[1]), column: Number(match[2]) }
      : { ok: false, message: raw, line: 1, column: 1 };
  }
}

function describe(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const go = error as { Error?: () => string; message?: string };
    if (typeof go.Error === 'function') return String(go.Error());
    if (typeof go.message === 'string') return go.message.split('\n')[0] ?? '';
  }
  return String(error).split('\n')[0] ?? '';
}

export function walk(node: ShNode, visit: (node: ShNode, type: string) => boolean | void): void {
  const sh = load();
  sh.Walk(node, (child) => {
    if (!child) return true;
    return visit(child, sh.NodeType(child)) !== false;
  });
}

export function nodeType(node: ShNode): string {
  return load().NodeType(node);
}

/** Heredoc operators of mvdan/sh's RedirOperator: `<<` and `<<-`. */
export const HEREDOC_OPERATORS = new Set([61, 62]);
/** `<` (RdrIn). */
export const REDIRECT_IN = 56;
/** `>`, `>>` and `>|` (RdrOut, AppOut, ClbOut). */
export const OUTPUT_REDIRECTS = new Set([54, 55, 60]);
