import { UNKNOWN, type EnvBinding } from '@nvcf-keylint/core';

/**
 * The variables a script can see at some point: set by the script (`export X=...`), by the CI
 * file around it (`env:`, `variables:`, `ENV`), or inherited from the environment it runs in, in
 * which case a variable's credential is its own name.
 */
export class Scope {
  readonly #bindings = new Map<string, EnvBinding>();
  readonly #values = new Map<string, string>();

  constructor(
    readonly parent: Scope | undefined = undefined,
    readonly inherits = true,
  ) {}

  set(name: string, binding: EnvBinding): void {
    this.#bindings.set(name, binding);
  }

  /**
   * Records a variable's value (a function id in `env:`, a URL), so commands can be read with it.
   * Parts that cannot be known are UNKNOWN; `undefined` is a value nothing can know, which hides
   * what an outer scope says.
   */
  setValue(name: string, value: string | undefined): void {
    this.#values.set(name, value ?? UNKNOWN);
  }

  /** The value set here or above, if any: literal text, with UNKNOWN for what cannot be known. */
  value(name: string): string | undefined {
    const value = this.#values.get(name);
    if (value !== undefined) return value === UNKNOWN ? undefined : value;
    return this.parent?.value(name);
  }

  /** `$NAME` / `${NAME}` (and `$$`) in a CI or Dockerfile value, as far as this scope knows them. */
  expand(text: string): string {
    return expandReferences(text, (name) => this.value(name));
  }

  /** Set here or above; `undefined` when nothing set it. */
  own(name: string): EnvBinding | undefined {
    return this.#bindings.get(name) ?? this.parent?.own(name);
  }

  /** What the variable holds, counting the inherited environment. */
  resolve(name: string): EnvBinding {
    return this.own(name) ?? (this.inherits ? { credentials: [name] } : { unknown: true });
  }

  child(): Scope {
    return new Scope(this, this.inherits);
  }
}

/**
 * `$NAME` / `${NAME}` in a CI or Dockerfile value replaced by what `valueOf` knows of NAME, UNKNOWN
 * where it knows nothing (and for any other `$` form); `$$` is a literal `$`.
 */
export function expandReferences(text: string, valueOf: (name: string) => string | undefined): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$/g, (match, braced?: string, plain?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? plain;
    return name === undefined ? UNKNOWN : (valueOf(name) ?? UNKNOWN);
  });
}

/** The binding of `NAME=$OTHER`: what OTHER holds, then NAME itself (a manifest may list either). */
export function aliasBinding(source: EnvBinding, name: string): EnvBinding {
  if ('unknown' in source) return source;
  return { credentials: [...new Set([...source.credentials, name])] };
}
