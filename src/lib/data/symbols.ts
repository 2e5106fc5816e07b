/**
 * The CBS "verklaring van tekens". A cell holds a number, or a symbol, or (for nihil) both the number 0
 * and the mark `-`. A symbol is never stored as a number: suppressed cells have value `null`.
 */
export const CELL_SYMBOLS = ['.', 'x', '-', ''] as const;
export type CellSymbol = (typeof CELL_SYMBOLS)[number];

export interface SymbolDefinition {
  symbol: CellSymbol | '*' | '**';
  /** What the symbol shows in a table cell. */
  shown: string;
  meaning: string;
}

/** In the order StatLine lists them. Empty means the figure cannot occur on logical grounds. */
export const SYMBOL_LEGEND: readonly SymbolDefinition[] = [
  { symbol: '.', shown: '.', meaning: 'gegevens ontbreken, zijn onbekend of geheim (in deze tabellen meestal een klein aantal, afgeschermd; ook een cijfer dat niet geleverd is of voor een omgerekende gemeente niet uit te rekenen is)' },
  { symbol: 'x', shown: 'x', meaning: 'geheim (in deze tabellen: afgeschermd door deze site, zodat een klein aantal niet uit de andere cijfers terug te rekenen is)' },
  { symbol: '-', shown: '-', meaning: 'nihil' },
  { symbol: '', shown: '(leeg)', meaning: 'een cijfer kan op logische gronden niet voorkomen' },
  { symbol: '*', shown: '*', meaning: 'voorlopig cijfer' },
  { symbol: '**', shown: '**', meaning: 'nader voorlopig cijfer' },
];

export interface Observation {
  /** The figure, or null when there is none (suppressed, unknown, cannot occur). Nihil is 0. */
  value: number | null;
  /** The CBS symbol that explains a missing figure, `-` for nihil, null for an ordinary figure. */
  symbol: CellSymbol | null;
}

export const MISSING: Observation = Object.freeze({ value: null, symbol: '.' }) as Observation;

export function isCellSymbol(text: string): text is CellSymbol {
  return (CELL_SYMBOLS as readonly string[]).includes(text);
}

/** Builds the observation for a symbol; nihil carries the value 0 so sums stay right. */
export function symbolObservation(symbol: CellSymbol): Observation {
  return { value: symbol === '-' ? 0 : null, symbol };
}
