import type { EnvBinding } from '@nvcf-keylint/core';
import type { EmbeddedText } from './embedded-text.js';
import type { Scope } from './shell/scope.js';

/** `${{ ... }}` of GitHub Actions; bounded so that hostile input cannot make it backtrack. */
export const GITHUB_EXPRESSION = /\$\{\{\s{0,20}([^}]{0,500}?)\s{0,20}\}\}/g;

/**
 * What a CI expression holds as a credential: `secrets.X` and `vars.X` are the secret or variable
 * X; `env.X` is whatever X holds in scope. Anything else cannot be known.
 */
export function expressionBinding(expression: string, scope: Scope): EnvBinding {
  const match = /^(secrets|vars|env)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression.trim()) ?? /^(secrets|vars|env)\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\]$/.exec(expression.trim());
  if (!match) return { unknown: true };
  const [, kind, name] = match as unknown as [string, string, string];
  return kind === 'env' ? scope.resolve(name) : { credentials: [name] };
}

/**
 * Replaces each expression of a script with a shell variable `${__CI_n}` that the scanner resolves
 * to the expression's binding: GitHub substitutes expressions before the shell sees the script.
 */
export function withPlaceholders(script: EmbeddedText, scope: Scope, matrix?: MatrixValues): { script: EmbeddedText; placeholders: Map<string, EnvBinding> } {
  const placeholders = new Map<string, EnvBinding>();
  const replaced = script.replace(GITHUB_EXPRESSION, (match) => {
    // A matrix value is known text, substituted as GitHub does (only values with no shell syntax in them).
    const value = matrixValue(match[1] ?? '', matrix);
    if (value !== undefined) return value;
    const name = `__CI_${placeholders.size}`;
    placeholders.set(name, expressionBinding(match[1] ?? '', scope));
    return `\${${name}}`;
  });
  return { script: replaced, placeholders };
}

/** One combination of a job's `strategy.matrix`: `matrix.<name>` to its literal value. */
export type MatrixValues = ReadonlyMap<string, string>;

/** The literal value of `matrix.NAME` in this combination, if the expression is just that. */
export function matrixValue(expression: string, matrix: MatrixValues | undefined): string | undefined {
  if (!matrix) return undefined;
  const name = /^matrix\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression.trim())?.[1];
  const value = name === undefined ? undefined : matrix.get(name);
  // Only values that are plain words survive as shell text unchanged.
  return value !== undefined && /^[A-Za-z0-9_.:\/@+,-]*$/.test(value) ? value : undefined;
}

/** Replaces `${{ matrix.NAME }}` in a value by the combination's literal, leaving other expressions. */
export function substituteMatrix(text: string, matrix: MatrixValues | undefined): string {
  if (!matrix) return text;
  return text.replace(GITHUB_EXPRESSION, (whole, expression: string) => matrixValue(expression, matrix) ?? whole);
}
