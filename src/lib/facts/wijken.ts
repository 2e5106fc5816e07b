/**
 * The wijken of a gemeente with their figures of the latest period in which a dataset has wijk rows for it.
 * Wijken are not converted between indelingen: a table shows them as the dataset published them, each under
 * its name of that year. A wijk code can stand for another area than the year before (CBS: indelingswijziging;
 * Almere renumbered its wijken in 2022): such a wijk is marked "andere indeling dan in 2021", and the wijken
 * of the period before that are not the same area now are listed apart, under their own names, so that no
 * figure of one area stands beside another's as if they were one series.
 *
 * Each table starts with the gemeente as a whole, as the same dataset published it for the same year, on that
 * year's own indeling: a wijk's year figure is set against the gemeente's year figure, never against the half
 * year the key figures of the page are about (a year counts more youths than a half year).
 */
import type { Measure, MeasureConcept } from '../../schemas/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatObservation } from '../format/number';
import { wijkChangeNote } from '../regions/wijk-versions';
import { COUNT_NOUN, KEY_CONCEPTS, rateOf } from './concepts';
import type { FactRow } from './aggregate';
import type { FactsContext, FactsDataset } from './context';
import { isSmall } from './key-figures';
import { rateColumn, thePeriod } from './phrases';
import { joinDutch } from '../format/text';

export interface WijkRow {
  code: string;
  label: string;
  cells: string[];
  /** A key count of the wijk is small or suppressed. */
  small: boolean;
  /**
   * How the wijk differs from the year before: "andere indeling dan in 2021" (another area under the same
   * code), "in 2021: Wijk 03 IJsselmuiden" (the same area, another name), or for a wijk of the earlier
   * period, what became of it ("in 2022 een ander gebied", "bestaat niet meer in 2022").
   */
  change?: string;
}

export interface WijkenTable {
  datasetId: string;
  /** What the first count column counts (jongeren met jeugdhulp): the key figure it is one year of. */
  concept: MeasureConcept | undefined;
  title: string;
  period: string;
  periodLabel: string;
  measureIds: string[];
  columns: Array<{ label: string; unit: string }>;
  rows: WijkRow[];
  /** "2025 (heel jaar)": the period and how long it is, for a caption. */
  periodSpan: string;
  /**
   * The gemeente as a whole in the same period, as the dataset published it (its own indeling of that year);
   * undefined when the dataset has no row for it.
   */
  gemeente: WijkRow | undefined;
  /** Wijken without a figure for the first count because it is small (suppressed, "."). */
  suppressed: number;
  /** Wijken whose first count is kept secret to protect a small one elsewhere ("x", src/lib/disclosure). */
  keptSecret: number;
  /** Wijken whose area differs from the year before, and that year: figures of the two years are not comparable. */
  changed: { count: number; since: number } | undefined;
  /**
   * The wijken of the period before whose area is not in the table above (another area under the same
   * code now, or gone), with their figures of then under their names of then.
   */
  earlier: { period: string; periodLabel: string; periodSpan: string; gemeente: WijkRow | undefined; rows: WijkRow[] } | undefined;
  /**
   * Gemeenten merged into this one after the year of the table's wijkindeling (Weesp into Amsterdam in 2023 on
   * the wijkindeling of 2022): their wijken are not in the table, though the gemeente's own row counts them.
   */
  notCovered: { names: string[]; indelingYear: number } | undefined;
}

/** At most this many count columns, so the table fits a phone. */
const MAX_COUNTS = 2;

export function wijkenOf(context: FactsContext, gemeente: string): WijkenTable | undefined {
  for (const dataset of context.datasets) {
    const table = wijkenIn(context, dataset, gemeente);
    if (table) return table;
  }
  return undefined;
}

function wijkenIn(context: FactsContext, dataset: FactsDataset, gemeente: string): WijkenTable | undefined {
  const rows = dataset.wijkenOf(gemeente);
  if (rows.length === 0) return undefined;
  const withRows = [...dataset.source.periods].reverse().filter((p) => rows.some((r) => r.period === p));
  const period = withRows[0]!;
  const counts = KEY_CONCEPTS.map((c) => dataset.meta.measures.find((m) => m.concept === c && m.type === 'aantal'))
    .filter((m): m is Measure => m !== undefined)
    .slice(0, MAX_COUNTS);
  if (counts.length === 0) return undefined;
  const rate = rateOf(dataset.meta, counts[0]!.id);
  const measures = rate ? [counts[0]!, rate, ...counts.slice(1)] : counts;
  const { register } = context;
  const labels = new Map(dataset.meta.regions.map((r) => [r.code, r.label]));
  const year = parsePeriodCode(period)!.year;
  const toRow = (row: FactRow, rowYear: number, change: string | undefined): WijkRow => ({
    code: row.region,
    // The name of the period's own wijkindeling; a wijk the register does not know keeps the dataset's.
    label: register.knowsWijk(row.region) ? register.wijkName(row.region, rowYear) : (labels.get(row.region) ?? register.label(row.region)),
    cells: measures.map((m) => formatObservation(dataset.index.cellOf(row, m.id), m)),
    small: isSmall(dataset.index.cellOf(row, counts[0]!.id)),
    ...(change ? { change } : {}),
  });
  // The gemeente's own published row of the period: the area its wijken of that year make up together.
  const gemeenteRow = (rowPeriod: string): WijkRow | undefined => {
    const row = dataset.published().row(gemeente, rowPeriod, dataset.totals);
    if (!row) return undefined;
    return {
      code: gemeente,
      label: `${register.label(gemeente)}, hele gemeente`,
      cells: measures.map((m) => formatObservation(dataset.index.cellOf(row, m.id), m)),
      small: isSmall(dataset.index.cellOf(row, counts[0]!.id)),
    };
  };
  const labelsOf = (code: string) => {
    const parsed = parsePeriodCode(code)!;
    const label = periodLabelWithStatus(parsed, dataset.statusOf(code));
    return { periodLabel: label, periodSpan: parsed.kind === 'jaar' ? `${label} (heel jaar)` : label };
  };
  const byCode = (a: WijkRow, b: WijkRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  const inPeriod = rows.filter((r) => r.period === period);
  const out = inPeriod
    .map((row) => {
      const version = register.wijkVersion(row.region, year);
      const renamed = version?.change?.kind === 'naam' ? `in ${version.change.since}: ${version.change.naam}` : undefined;
      return toRow(row, year, wijkChangeNote(version) ?? renamed);
    })
    .sort(byCode);
  const changes = out.map((r) => register.wijkVersion(r.code, year)?.change).filter((c) => c?.kind === 'gebied');
  const since = changes[0]?.since;

  // The period before: its wijken that are not the same area in the latest period.
  const previous = withRows.find((p) => (parsePeriodCode(p)?.year ?? year) < year);
  let earlier: WijkenTable['earlier'];
  if (previous !== undefined) {
    const previousYear = parsePeriodCode(previous)!.year;
    const present = new Set(out.map((r) => r.code));
    const gone = rows
      .filter((r) => r.period === previous && register.knowsWijk(r.region) && !register.sameWijkArea(r.region, previousYear, year))
      .map((row) => toRow(row, previousYear, present.has(row.region) ? `in ${year} een ander gebied` : `bestaat niet meer in ${year}`))
      .sort(byCode);
    if (gone.length > 0) earlier = { period: previous, ...labelsOf(previous), gemeente: gemeenteRow(previous), rows: gone };
  }

  const indelingYear = register.wijkIndelingYear(year);
  const others = indelingYear === undefined ? [] : register.parts(gemeente, indelingYear, year).filter((p) => p.code !== gemeente);
  const notCovered = others.length > 0 ? { names: others.map((p) => register.label(p.code)), indelingYear: indelingYear! } : undefined;

  return {
    datasetId: dataset.meta.id,
    concept: counts[0]!.concept,
    title: dataset.meta.shortTitle ?? dataset.meta.title,
    period,
    ...labelsOf(period),
    gemeente: gemeenteRow(period),
    measureIds: measures.map((m) => m.id),
    columns: measures.map((m) => (m.type === 'rate' ? rateColumn(m) : { label: m.shortLabel ?? m.label, unit: `aantal ${COUNT_NOUN[m.countOf]}` })),
    rows: out,
    suppressed: inPeriod.filter((r) => { const cell = dataset.index.cellOf(r, counts[0]!.id); return cell?.value === null && cell.symbol !== 'x'; }).length,
    keptSecret: inPeriod.filter((r) => dataset.index.cellOf(r, counts[0]!.id)?.symbol === 'x').length,
    changed: changes.length > 0 && since !== undefined ? { count: changes.length, since } : undefined,
    earlier,
    notCovered,
  };
}

/**
 * Why a gemeente has no wijken section though a table publishes wijken: it was formed after the year of the
 * wijkindeling (Voorne aan Zee in 2023, on the wijkindeling of 2022), or the table has none of its wijken.
 * Undefined when no table publishes wijken, or the gemeente has them.
 */
export function wijkenAbsence(context: FactsContext, gemeente: string): string | undefined {
  const dataset = context.datasets.find((d) => d.meta.regions.some((r) => r.code.startsWith('WK')));
  if (!dataset || wijkenOf(context, gemeente)) return undefined;
  const { register } = context;
  const name = register.label(gemeente);
  const title = dataset.meta.shortTitle ?? dataset.meta.title;
  const latest = parsePeriodCode(dataset.source.periods.at(-1)!)!.year;
  const indelingYear = register.wijkIndelingYear(latest);
  const formed = register.gemeente(gemeente)?.eersteJaar;
  if (indelingYear !== undefined && formed !== undefined && formed > indelingYear) {
    const parts = register.parts(gemeente, indelingYear, latest).map((p) => register.label(p.code));
    return `${name} bestaat sinds ${formed}. De tabel ${title} volgt de wijkindeling van ${indelingYear}, van voor de herindeling, en heeft daarom geen wijken van ${name}. De wijken van ${joinDutch(parts)} staan tot en met ${formed - 1} op de pagina’s van die gemeenten.`;
  }
  return `De tabel ${title} heeft geen wijken van ${name}.`;
}

/** "1 wijk", "71 wijken". */
export function wijkenWord(count: number): string {
  return `${count} ${count === 1 ? 'wijk' : 'wijken'}`;
}

/**
 * The sentences above the wijken table: how many wijken, how many with counts too small to show, how many
 * have another area than the year before (their figures are not comparable with that year's), and what a
 * wijk's figure may be set against: the gemeente as a whole in the same period (the table's first row), not
 * the key figures of the page when those are of another period (`keyPeriod`, "1e halfjaar 2026*"). A year
 * figure among the key figures of the same year as the wijken (`yearPeriod`, src/lib/facts/year-figures.ts)
 * is the gemeente's figure of that year, and the sentence says so.
 */
export function wijkenIntro(wijken: WijkenTable, gemeente: string, keyPeriod?: string, yearPeriod?: string): string {
  const parts = [`${gemeente} heeft ${wijkenWord(wijken.rows.length)} in de tabel ${wijken.title} (${wijken.periodLabel}).`];
  const year = parsePeriodCode(wijken.period)!;
  if (keyPeriod !== undefined && keyPeriod !== wijken.periodLabel) {
    const span = year.kind === 'jaar' ? `het hele jaar ${wijken.periodLabel}` : thePeriod(wijken.periodLabel);
    parts.push(
      yearPeriod === wijken.periodLabel
        ? `De cijfers gaan over ${span}, net als het jaarcijfer bij de kerncijfers; de andere kerncijfers bovenaan gaan over ${thePeriod(keyPeriod)}: die zijn niet met deze te vergelijken.`
        : `De cijfers gaan over ${span}, de kerncijfers bovenaan over ${thePeriod(keyPeriod)}: die zijn niet met elkaar te vergelijken.`,
    );
  }
  parts.push(sameYearSentence(wijken.gemeente, gemeente, wijken.periodLabel));
  // The subject is "de aantallen" and "de indeling", whatever the number of wijken.
  if (wijken.suppressed > 0) parts.push(`Bij ${wijkenWord(wijken.suppressed)} zijn de aantallen te klein om te tonen (.).`);
  if (wijken.keptSecret > 0) parts.push(`Bij ${wijkenWord(wijken.keptSecret)} is het aantal afgeschermd (x), zodat een klein aantal elders niet terug te rekenen is.`);
  if (wijken.changed) {
    const { count, since } = wijken.changed;
    parts.push(
      `Bij ${wijkenWord(count)} is de indeling anders dan in ${since} (gemarkeerd in de tabel): dezelfde wijkcode staat daar voor een ander gebied, dus de cijfers zijn niet te vergelijken met die van ${since}.`,
    );
  }
  if (wijken.notCovered) {
    const { names, indelingYear } = wijken.notCovered;
    parts.push(
      `De wijken van ${joinDutch(names)} staan niet in de tabel: die volgt de wijkindeling van ${indelingYear}, van voor de herindeling. De rij van ${gemeente} als geheel telt ze wel mee, dus de wijken samen zijn kleiner dan de gemeente.`,
    );
  }
  parts.push('In kleine wijken kan één gezin het cijfer flink veranderen.');
  return parts.join(' ');
}

/** What a wijk is set against: the first row, the gemeente in the same period; or that the table lacks it. */
function sameYearSentence(row: WijkRow | undefined, gemeente: string, periodLabel: string): string {
  return row
    ? `Vergelijk een wijk met de eerste rij: ${gemeente} als geheel in ${thePeriod(periodLabel)}.`
    : `Een cijfer van ${gemeente} als geheel over ${thePeriod(periodLabel)} staat niet in deze tabel.`;
}

/** The sentences above the table of the earlier period's wijken that are another area now. */
export function earlierWijkenIntro(wijken: WijkenTable, gemeente: string): string {
  const earlier = wijken.earlier!;
  const n = earlier.rows.length;
  const year = parsePeriodCode(wijken.period)!.year;
  const first =
    n === 1
      ? `In ${earlier.periodLabel} had ${gemeente} 1 wijk die er in ${year} niet meer zo is: de wijkcode staat nu voor een ander gebied, of de wijk is opgeheven. Hieronder de cijfers van ${earlier.periodLabel}, onder de naam van toen.`
      : `In ${earlier.periodLabel} had ${gemeente} ${n} wijken die er in ${year} niet meer zo zijn: hun wijkcode staat nu voor een ander gebied, of de wijk is opgeheven. Hieronder hun cijfers van ${earlier.periodLabel}, onder hun naam van toen.`;
  return `${first} ${sameYearSentence(earlier.gemeente, gemeente, earlier.periodLabel)}`;
}

/** The link under the section to the table page of these wijken with every measure (wijkenTableHref). */
export function wijkenTableText(wijken: WijkenTable, gemeente: string): string {
  const which = wijken.rows.length === 1 ? 'de wijk' : `de ${wijkenWord(wijken.rows.length)}`;
  return `Alle cijfers van ${which} van ${gemeente} (${wijken.periodLabel}) in de tabel, om aan te passen en te downloaden`;
}
