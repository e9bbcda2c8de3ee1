import type { EnvBinding } from '@nvcf-keylint/core';

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

  /** Records a variable's literal value (a function id in `env:`), so commands can be read with it. */
  setValue(name: string, value: string | undefined): void {
    if (value === undefined) this.#values.delete(name);
    else this.#values.set(name, value);
  }

  /** The literal value set here or above, if any. */
  value(name: string): string | undefined {
    return this.#values.get(name) ?? this.parent?.value(name);
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

/** The binding of `NAME=$OTHER`: what OTHER holds, then NAME itself (a manifest may list either). */
export function aliasBinding(source: EnvBinding, name: string): EnvBinding {
  if ('unknown' in source) return source;
  return { credentials: [...new Set([...source.credentials, name])] };
}
