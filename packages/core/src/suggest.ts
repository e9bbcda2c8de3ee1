import { distance } from 'fastest-levenshtein';

export interface Candidate {
  /** The canonical spelling. */
  name: string;
  /** Other spellings that mean exactly this candidate (e.g. the control plane's identifier). */
  aliases?: readonly string[];
}

export interface Suggestion {
  value: string;
  /** Only one reading is possible (case, plural, separators): safe for `--fix`. */
  obvious: boolean;
}

/** Case-, separator- and plural-insensitive form: `deploy_functions` and `Deploy Function` agree. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => (w.endsWith('ies') && w.length > 4 ? `${w.slice(0, -3)}y` : w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w))
    .join(' ');
}

/** The intended candidate for a misspelling, if one stands out. */
export function suggest(input: string, candidates: readonly Candidate[]): Suggestion | undefined {
  const wanted = normalizeName(input);
  if (wanted === '') return undefined;
  const exact = candidates.filter((c) => [c.name, ...(c.aliases ?? [])].some((n) => normalizeName(n) === wanted));
  if (exact.length === 1 && exact[0] !== undefined) return { value: exact[0].name, obvious: true };
  // Bounded input: never compare very long strings (they are not typos of a scope name).
  if (wanted.length > 100) return undefined;
  // A shortened name ("deploy" for "deploy-function") that only one candidate starts with.
  const prefixed = candidates.filter((c) => [c.name, ...(c.aliases ?? [])].some((n) => normalizeName(n).startsWith(`${wanted} `)));
  if (prefixed.length === 1 && prefixed[0] !== undefined) return { value: prefixed[0].name, obvious: false };
  let best: { name: string; cost: number } | undefined;
  let tie = false;
  for (const c of candidates) {
    const cost = distance(wanted, normalizeName(c.name));
    if (best === undefined || cost < best.cost) {
      best = { name: c.name, cost };
      tie = false;
    } else if (cost === best.cost) {
      tie = true;
    }
  }
  if (best === undefined || tie) return undefined;
  const limit = Math.max(1, Math.floor(normalizeName(best.name).length / 4));
  return best.cost <= limit ? { value: best.name, obvious: false } : undefined;
}
