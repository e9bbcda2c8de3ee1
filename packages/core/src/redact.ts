/**
 * Key material: the reference gives `nvapi-[A-Za-z0-9_-]{20,}` for a key. Output redacts anything
 * that starts like one, however short, so that a truncated key never leaks either.
 */
const KEY_MATERIAL = /nvapi-[A-Za-z0-9_-]{20,}/g;
const KEY_PREFIXED = /nvapi-[A-Za-z0-9_-]+/g;

export const REDACTED_KEY = 'nvapi-****';

/** Ranges (offsets) of key material in a text; linear-time scan. */
export function findKeyMaterial(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(KEY_MATERIAL)) {
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Replaces every `nvapi-...` string with a fixed placeholder. Applied to all output. */
export function redactKeyMaterial(text: string): string {
  return text.includes('nvapi-') ? text.replace(KEY_PREFIXED, REDACTED_KEY) : text;
}
