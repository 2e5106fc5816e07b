/** Grouping names by their first letter for an A–Z list, as Dutch readers look them up. */

/**
 * The letter a name is filed under: its first letter without accents, skipping a leading "'s-" or "'t"
 * ('s-Hertogenbosch under H, 't Hogeland under H), as the CBS list of gemeenten does.
 */
export function fileLetter(name: string): string {
  const bare = name.replace(/^['’](s|t)[-\s]/i, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const letter = bare.charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : '#';
}

export function byFirstLetter<T>(items: readonly T[], nameOf: (item: T) => string): Array<{ letter: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = fileLetter(nameOf(item));
    const list = groups.get(letter) ?? [];
    list.push(item);
    groups.set(letter, list);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([letter, list]) => ({ letter, items: list.sort((a, b) => sortKey(nameOf(a)).localeCompare(sortKey(nameOf(b)), 'nl')) }));
}

function sortKey(name: string): string {
  return name.replace(/^['’](s|t)[-\s]/i, '');
}
