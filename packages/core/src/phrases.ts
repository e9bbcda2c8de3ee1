/** "A", "A and B", "A, B and C". */
export function listPhrase(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "the List Functions scope", "the Deploy Function and List Functions scopes". */
export function scopePhrase(scopes: readonly string[]): string {
  return `the ${listPhrase(scopes)} scope${scopes.length === 1 ? '' : 's'}`;
}
