import type { EnvBinding } from '@nvcf-keylint/core';
import type { EmbeddedText } from './embedded-text.js';
import type { Scope } from './shell/scope.js';

/** `${{ ... }}` of GitHub Actions; bounded so that hostile input cannot make it backtrack. */
export const GITHUB_EXPRESSION = /\$\{\{\s{0,20}([^}]{0,500}?)\s{0,20}\}\}/g;

/** The expression inside a value that is one `${{ ... }}` and nothing else. */
export function wholeExpression(value: string): string | undefined {
  return /^\s*\$\{\{\s*([^}]{0,500}?)\s*\}\}\s*$/.exec(value)?.[1];
}

/**
 * What is known about a workflow's expressions: literal `matrix.NAME` / `inputs.NAME` values (one
 * matrix combination, one caller's `with:`), and, for a reusable workflow read for one caller,
 * what each `secrets.NAME` holds.
 */
export interface ExpressionContext {
  /** Keyed by the whole expression: `matrix.os`, `inputs.function_id`. */
  literals?: ReadonlyMap<string, string>;
  /** The caller's `secrets:`; absent when the secrets are the workflow's own (or `inherit`). */
  secrets?: ReadonlyMap<string, EnvBinding>;
  /** What `inputs.NAME` holds as a credential, for inputs the caller sets to `${{ secrets.X }}`. */
  inputs?: ReadonlyMap<string, EnvBinding>;
}

/**
 * What a CI expression holds as a credential: `secrets.X` and `vars.X` are the secret or variable
 * X (or what a caller passes as secret X); `env.X` is whatever X holds in scope. Anything else
 * cannot be known.
 */
export function expressionBinding(expression: string, scope: Scope, context?: ExpressionContext): EnvBinding {
  const match = /^(secrets|vars|env|inputs)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression.trim()) ?? /^(secrets|vars|env|inputs)\[\s*'([A-Za-z_][A-Za-z0-9_-]*)'\s*\]$/.exec(expression.trim());
  if (!match) return { unknown: true };
  const [, kind, name] = match as unknown as [string, string, string];
  if (kind === 'env') return scope.resolve(name);
  if (kind === 'inputs') return context?.inputs?.get(name) ?? { unknown: true };
  if (kind === 'secrets' && context?.secrets) return context.secrets.get(name) ?? { unknown: true };
  return { credentials: [name] };
}

/**
 * Replaces each expression of a script with a shell variable `${__CI_n}` that the scanner resolves
 * to the expression's binding: GitHub substitutes expressions before the shell sees the script.
 */
export function withPlaceholders(script: EmbeddedText, scope: Scope, context?: ExpressionContext): { script: EmbeddedText; placeholders: Map<string, EnvBinding> } {
  const placeholders = new Map<string, EnvBinding>();
  const replaced = script.replace(GITHUB_EXPRESSION, (match) => {
    // A matrix value or input is known text, substituted as GitHub does (only values with no shell syntax in them).
    const value = literalValue(match[1] ?? '', context);
    if (value !== undefined) return value;
    const name = `__CI_${placeholders.size}`;
    placeholders.set(name, expressionBinding(match[1] ?? '', scope, context));
    return `\${${name}}`;
  });
  return { script: replaced, placeholders };
}

/** One combination of a job's `strategy.matrix`: `matrix.<name>` to its literal value. */
export type MatrixValues = ReadonlyMap<string, string>;

/** The literal value of `matrix.NAME` or `inputs.NAME`, if the expression is just that and it is known. */
export function literalValue(expression: string, context: ExpressionContext | undefined): string | undefined {
  if (!context?.literals) return undefined;
  const match = /^(matrix|inputs)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression.trim());
  const value = match ? context.literals.get(`${match[1]}.${match[2]}`) : undefined;
  // Only values that are plain words survive as shell text unchanged.
  return value !== undefined && /^[A-Za-z0-9_.:\/@+,-]*$/.test(value) ? value : undefined;
}

/** Replaces `${{ matrix.NAME }}` and `${{ inputs.NAME }}` in a value by known literals, leaving other expressions. */
export function substituteLiterals(text: string, context: ExpressionContext | undefined): string {
  if (!context?.literals) return text;
  return text.replace(GITHUB_EXPRESSION, (whole, expression: string) => literalValue(expression, context) ?? whole);
}
