/**
 * The first sentence of a text, for a short description in a list ("Het aantal … per halfjaar."). A sentence
 * ends at . ! or ? followed by a capital, so abbreviations such as "o.a." do not cut it short.
 */
export function firstSentence(text: string): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? '';
  const match = /^.*?[.!?](?=\s+[A-ZÀ-Ý'‘"]|\s*$)/s.exec(paragraph);
  return (match ? match[0] : paragraph).replace(/\s+/g, ' ').trim();
}

/** The paragraphs of a text (separated by blank lines), whitespace folded. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * A measure's label with its unit in brackets, unless the label already names it: "Jongeren met jeugdhulp (%)"
 * stays as it is, not "… (%) (%)"; "Herhaald beroep (% van de begonnen trajecten)" too.
 */
export function labelWithUnit(label: string, unit: string): string {
  return namesUnit(label, unit) ? label : `${label} (${unit})`;
}

/** Does a measure's label already name its unit in brackets ("Herhaald beroep (% van de begonnen trajecten)")? */
export function namesUnit(label: string, unit: string): boolean {
  return label.includes(`(${unit}`);
}

/** "Brielle, Hellevoetsluis en Westvoorne": a list as a Dutch sentence names it. */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}
