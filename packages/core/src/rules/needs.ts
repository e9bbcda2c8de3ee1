import { intendedAction } from '../access.js';
import type { Action, Catalogue } from '../catalogue/index.js';
import type { KeySpec, Usage } from '../facts.js';

/** What a key is for: its declared actions and the actions of the calls that use it. */
export interface KeyNeeds {
  declared: Action[];
  used: Action[];
  /** Declared and used, without repeats, in catalogue order. */
  all: Action[];
  /** A declared action is not in the catalogue: what the key is for is not fully known. */
  incomplete: boolean;
}

export function keyNeeds(catalogue: Catalogue, key: KeySpec, usages: readonly Usage[]): KeyNeeds {
  const declared = (key.actions ?? []).map((a) => intendedAction(catalogue, a.value)).filter((a): a is Action => a !== undefined);
  const used = usages.map((u) => catalogue.action(u.action)).filter((a): a is Action => a !== undefined);
  const set = new Set([...declared, ...used]);
  return {
    declared,
    used,
    all: catalogue.actions.filter((a) => set.has(a)),
    incomplete: declared.length !== (key.actions ?? []).length,
  };
}
