/**
 * Characters no label, footnote or figure of a CBS table needs, and that can make a text read otherwise than
 * it is: bidirectional controls (an RLO turns "GM0363" into "3630MG" on screen, "Trojan Source"), C0 and C1
 * control characters (except tab, line feed and carriage return), a byte-order mark or line separators inside
 * the text. Inputs holding them are refused with the file, the line and the character, never silently changed.
 *
 * Markup (`<script>`) and spreadsheet formulas (`=HYPERLINK(...)`) are not refused here: they are stored as the
 * text they are, and escaped where they are written (pages, CSV downloads).
 */

/** Bidi embedding, override and isolate controls, marks (LRM, RLM, ALM). */
const BIDI = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
/** C0 controls without tab (09), LF (0A) and CR (0D); DEL and C1; BOM/ZWNBSP; line and paragraph separators. */
const CONTROL = '\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u2028\u2029';

export const UNSAFE_CHARACTER = new RegExp(`[${BIDI}${CONTROL}]`);
const UNSAFE_CHARACTER_GLOBAL = new RegExp(`[${BIDI}${CONTROL}]`, 'g');

const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x0000: 'NUL',
  0xfeff: 'BYTE ORDER MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

export interface UnsafeCharacter {
  /** Offset in the text. */
  index: number;
  /** "U+202E (RIGHT-TO-LEFT OVERRIDE), een richtingteken". */
  description: string;
}

/** The first unsafe character of a text, or undefined. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return undefined;
  return { index: match.index, description: describeCharacter(match[0]) };
}

export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  const kind = new RegExp(`[${BIDI}]`).test(ch) ? 'een onzichtbaar richtingteken (bidi)' : 'een onzichtbaar stuurteken';
  return `${hex}${name ? ` (${name})` : ''}, ${kind}`;
}

/** What every message about an unsafe character expects, with the character found. */
export function unsafeExpected(description: string): string {
  return `tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat ${description}. Verwijder het teken uit de bron`;
}

/** The text shown as "found" in a message: the characters around the unsafe one on its line, with it made visible. */
export function unsafeContext(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const lineEnd = text.indexOf('\n', index);
  const start = Math.max(lineStart, index - 20);
  const end = Math.min(lineEnd === -1 ? text.length : lineEnd, index + 21);
  const visible = text
    .slice(start, end)
    .replace(/\r$/, '')
    .replace(UNSAFE_CHARACTER_GLOBAL, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return `${start > lineStart ? '...' : ''}${visible}`;
}
