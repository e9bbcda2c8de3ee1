import type { ActionData, CatalogueData, ResourceTypeData, ScopeData, SourceRef } from './types.js';

/**
 * Whether the page says a scope or an action works under a resource type.
 * - `supported`: a matrix row lists the type.
 * - `unsupported`: the page says 403, or leaves the type out of a row that lists others.
 * - `undocumented`: the page does not say (Function Versions where Function works; Queue Details).
 */
export type Verdict = 'supported' | 'unsupported' | 'undocumented';

export type Scope = ScopeData;
export type ResourceType = ResourceTypeData;
export type Action = ActionData;

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

/** The typed, indexed catalogue. The only reader of `rules/catalogue.yaml`'s facts. */
export class Catalogue {
  readonly revision: number;
  readonly scopes: readonly Scope[];
  readonly resourceTypes: readonly ResourceType[];
  readonly actions: readonly Action[];
  readonly cli: CatalogueData['cli'];
  readonly http: CatalogueData['http'];
  readonly sources: CatalogueData['sources'];

  readonly #scopes = new Map<string, Scope>();
  readonly #resourceTypes = new Map<string, ResourceType>();
  readonly #actions = new Map<string, Action>();
  readonly #actionsByScope = new Map<string, Action[]>();
  readonly #names = new Map<string, string>();
  readonly #scopeVerdicts = new Map<Scope, Map<string, Verdict>>();

  constructor(data: CatalogueData) {
    this.revision = data.revision;
    this.scopes = data.scopes;
    this.resourceTypes = data.resourceTypes;
    this.actions = data.actions;
    this.cli = data.cli;
    this.http = data.http;
    this.sources = data.sources;
    for (const scope of data.scopes) this.#scopes.set(scope.name, scope);
    for (const type of data.resourceTypes) this.#resourceTypes.set(type.name, type);
    for (const action of data.actions) {
      this.#actions.set(action.id, action);
      for (const scope of action.requiredScopes) {
        const list = this.#actionsByScope.get(scope) ?? [];
        list.push(action);
        this.#actionsByScope.set(scope, list);
      }
    }
    for (const name of [...this.#scopes.keys(), ...this.#resourceTypes.keys(), ...this.#actions.keys()]) this.#names.set(name, name);
    this.#checkIntegrity(data);
  }

  /**
   * The catalogue's own copy of a scope, resource type or action name equal to `text`, else `text`.
   * Names read from a manifest are new strings; V8 looks a map key up by such a string several times
   * slower than by the constant it equals, and the rules look each name up several times, so readers
   * hand the engine the constants (profiles of manifest throughput: a quarter of the rules' time).
   */
  knownName(text: string): string {
    return this.#names.get(text) ?? text;
  }

  scope(name: string): Scope | undefined {
    return this.#scopes.get(name);
  }

  resourceType(name: string): ResourceType | undefined {
    return this.#resourceTypes.get(name);
  }

  action(id: string): Action | undefined {
    return this.#actions.get(id);
  }

  /** Actions whose matrix row requires `scope`. */
  actionsRequiring(scope: string): readonly Action[] {
    return this.#actionsByScope.get(scope) ?? [];
  }

  actionVerdict(action: Action, resourceType: string): Verdict {
    const supported = action.supportedResourceTypes;
    if (supported === null) return 'undocumented';
    if (supported.includes(resourceType)) return 'supported';
    const narrowing = this.#resourceTypes.get(resourceType)?.undocumentedNarrowingOf;
    if (narrowing !== undefined && supported.includes(narrowing)) return 'undocumented';
    return 'unsupported';
  }

  /**
   * A scope works under a type when the page restricts it to that type, or when some action that
   * requires it is supported there. A scope no documented action supports a type for is unsupported.
   */
  scopeVerdict(scope: Scope, resourceType: string): Verdict {
    // Remembered for the catalogue's own types only, so that arbitrary text is never retained.
    if (!this.#resourceTypes.has(resourceType)) return this.#scopeVerdict(scope, resourceType);
    let verdicts = this.#scopeVerdicts.get(scope);
    if (verdicts === undefined) this.#scopeVerdicts.set(scope, (verdicts = new Map()));
    let verdict = verdicts.get(resourceType);
    if (verdict === undefined) verdicts.set(resourceType, (verdict = this.#scopeVerdict(scope, resourceType)));
    return verdict;
  }

  #scopeVerdict(scope: Scope, resourceType: string): Verdict {
    if (scope.onlyResourceTypes !== undefined) {
      if (scope.onlyResourceTypes.includes(resourceType)) return 'supported';
      return 'unsupported';
    }
    const verdicts = this.actionsRequiring(scope.name).map((a) => this.actionVerdict(a, resourceType));
    if (verdicts.includes('supported')) return 'supported';
    if (verdicts.length === 0 || verdicts.includes('undocumented')) return 'undocumented';
    return 'unsupported';
  }

  /** The resource types under which a scope or action is supported, in catalogue order. */
  supportedTypesOf(subject: { kind: 'scope'; scope: Scope } | { kind: 'action'; action: Action }): string[] {
    return this.resourceTypes
      .map((t) => t.name)
      .filter((t) =>
        subject.kind === 'scope'
          ? this.scopeVerdict(subject.scope, t) === 'supported'
          : this.actionVerdict(subject.action, t) === 'supported',
      );
  }

  /** Every type narrower than `type`, nearest first (breadth-first over `narrower`). */
  narrowerTypes(type: string): ResourceType[] {
    const found: ResourceType[] = [];
    const queue = [...(this.#resourceTypes.get(type)?.narrower ?? [])];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      const narrower = this.#resourceTypes.get(name);
      if (!narrower || found.includes(narrower)) continue;
      found.push(narrower);
      queue.push(...(narrower.narrower ?? []));
    }
    return found;
  }

  /** The documentation address a catalogue entry cites. */
  sourceUrl(ref: SourceRef): string {
    const source = this.sources[ref.ref];
    if (source === undefined) throw new CatalogueError(`unknown source ${ref.ref}`);
    return `${source.url}#${slug(ref.section)}`;
  }

  #checkIntegrity(data: CatalogueData): void {
    const problems: string[] = [];
    const unique = (kind: string, names: string[]) => {
      const seen = new Set<string>();
      for (const n of names) {
        if (seen.has(n)) problems.push(`${kind} ${n} appears twice`);
        seen.add(n);
      }
    };
    unique('scope', data.scopes.map((s) => s.name));
    unique('resource type', data.resourceTypes.map((t) => t.name));
    unique('action', data.actions.map((a) => a.id));
    const types = (names: readonly string[] | null | undefined, where: string) => {
      for (const n of names ?? []) if (!this.#resourceTypes.has(n)) problems.push(`${where}: unknown resource type ${n}`);
    };
    for (const scope of data.scopes) {
      types(scope.onlyResourceTypes, `scope ${scope.name}`);
      if (!(scope.source.ref in data.sources)) problems.push(`scope ${scope.name}: unknown source ${scope.source.ref}`);
    }
    for (const type of data.resourceTypes) {
      if (type.undocumentedNarrowingOf !== undefined) types([type.undocumentedNarrowingOf], `resource type ${type.name}`);
      types(type.narrower, `resource type ${type.name}`);
    }
    for (const action of data.actions) {
      types(action.supportedResourceTypes, `action ${action.id}`);
      for (const s of action.requiredScopes) {
        const scope = this.#scopes.get(s);
        if (scope === undefined) {
          problems.push(`action ${action.id}: unknown scope ${s}`);
          continue;
        }
        // A row may not claim a type that one of its scopes is documented never to work with.
        const only = scope.onlyResourceTypes;
        if (only !== undefined && action.supportedResourceTypes !== null) {
          for (const t of action.supportedResourceTypes) {
            if (!only.includes(t)) problems.push(`action ${action.id}: ${s} only works with ${only.join(', ')}, not ${t}`);
          }
        }
      }
      if (!(action.source.ref in data.sources)) problems.push(`action ${action.id}: unknown source ${action.source.ref}`);
    }
    if (problems.length > 0) throw new CatalogueError(`The catalogue is inconsistent:\n- ${problems.join('\n- ')}`);
  }
}

/** GitHub-style heading anchor. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
