/**
 * The section "Verwacht en gemeten" of a gemeente's fact page, as words and table cells: per key measure the
 * observed count, the count expected from its youths by age and sex with the ratio, its margin and the verdict,
 * and the count expected from its characteristics with the model's cross-validated fit; or, where neither can
 * be computed, one plain sentence why. Kept short: the method page explains, the download has every period.
 * Pure; the component (Expected.astro) only lays it out.
 */
import { joinDutch } from '../format/text';
import { formatNumber, formatObservation } from '../format/number';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import type { FactsContext } from '../facts/context';
import { intervalText } from '../facts/chance';
import { NO_VERDICT_TEXT, VERDICT_TEXT } from '../stats/verdict';
import { EXPLAINS_LITTLE, MODEL_ABSENT_TEXT, type ModelAbsent } from './model';
import { RATIO_DECIMALS } from './standardise';
import { siteExpected, STANDARDISED_ABSENT_TEXT, standardisedByText, type ExpectedMeasure, type ExpectedValue, type StandardisedAbsent } from './site';

export interface ExpectedRow {
  header: string;
  cells: string[];
  note?: string | undefined;
}

export type ExpectedSection =
  | {
      kind: 'tabel';
      caption: string;
      columns: Array<{ label: string; unit?: string }>;
      rows: ExpectedRow[];
      notes: string[];
      /** The measures left out of the table, and why: "Jeugdbescherming en jeugdreclassering staan er niet in: …". */
      after: string | undefined;
    }
  | { kind: 'geen'; text: string };

/** The ratio and its margin as printed: "1,13 (1,12–1,15)". */
export function ratioText(value: ExpectedValue): string {
  if (value.ratio === undefined || !value.interval) return '–';
  return `${formatNumber(value.ratio, RATIO_DECIMALS)} (${intervalText(value.interval, RATIO_DECIMALS)})`;
}

/** The model's out-of-sample share of deviance explained as printed: "60%", "1%, weinig"; below 0 counts as 0. */
export function explainedText(explained: number, little: boolean): string {
  return `${formatNumber(Math.max(0, explained) * 100, 0)}%${little ? ', weinig' : ''}`;
}

/** "Jongeren met jeugdhulp met verblijf" → "Jeugdhulp met verblijf": the table is all about jongeren. */
export function shortTopic(label: string): string {
  return capitalise(label.replace(/^Jongeren met /, ''));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);


export function expectedSection(context: FactsContext, code: string, measures: readonly ExpectedMeasure[] = siteExpected(context)): ExpectedSection {
  const standardisedAny = measures.some((m) => m.standardisedBy.length > 0);
  // The latest period of each measure, whose model is cross-validated (site.ts).
  const latest = measures.map((m) => ({ m, p: m.period(m.dataset.latestPeriod) }));
  const modelAny = latest.some(({ p }) => !('absent' in p.model));
  if (!standardisedAny && !modelAny) {
    const model = latest[0] && 'absent' in latest[0].p.model ? latest[0].p.model.absent : 'geen-tabel';
    const why = model === 'geen-tabel' ? 'er is geen tabel met kenmerken van gemeenten' : MODEL_ABSENT_TEXT[model];
    return { kind: 'geen', text: `Hoeveel jongeren hier te verwachten zijn, is met deze cijfers niet te berekenen: ze zijn niet naar leeftijd en geslacht uitgesplitst, en ${why}.` };
  }
  const by = standardisedByText(measures.find((m) => m.standardisedBy.length > 0) ?? { standardisedBy: ['leeftijd', 'geslacht'] });
  const reasonNotes = new Map<string, string[]>();
  const noteFor = (text: string, label: string) => reasonNotes.set(text, [...(reasonNotes.get(text) ?? []), label]);
  const first = latest[0]?.m.dataset.latestPeriod;
  let littleModel = false;
  // A measure with neither an age-sex split nor a model that explains enough gets a sentence, not a row of dashes.
  const bare = latest.filter(({ m, p }) => m.standardisedBy.length === 0 && ('absent' in p.model || p.model.explainsLittle!));
  const bareNote = (): string | undefined => {
    if (bare.length === 0) return undefined;
    const labels = joinDutch(bare.map(({ m }) => shortTopic(m.measure.label).toLowerCase()));
    const models = bare.map(({ p }) => p.model);
    const fits = models.flatMap((model) => ('absent' in model ? [] : [explainedText(model.crossValidation!.explained, false)]));
    const why =
      fits.length === models.length
        ? `het model op kenmerken verklaart er weinig van (${joinDutch(fits)})`
        : MODEL_ABSENT_TEXT[models.map((model) => ('absent' in model ? model.absent : undefined)).find((a) => a !== undefined)!];
    return `${capitalise(labels)} ${bare.length === 1 ? 'staat' : 'staan'} er niet in: ${STANDARDISED_ABSENT_TEXT['geen-uitsplitsing']}, en ${why}.`;
  };
  const rows = latest.filter((l) => !bare.includes(l)).map(({ m, p }): ExpectedRow => {
    const g = p.gemeenten.get(code);
    const label = shortTopic(m.measure.label);
    const observed = formatObservation(m.dataset.index.cellOf(m.dataset.totalRow(code, p.period), m.measure.id), m.measure);
    const s = g?.standardised ?? { absent: 'onbekend' as StandardisedAbsent };
    const model = g?.model ?? { absent: 'kenmerken-ontbreken' as ModelAbsent };
    let standardisedCells: string[];
    if ('absent' in s) {
      if (s.absent !== 'afgeschermd') noteFor(STANDARDISED_ABSENT_TEXT[s.absent], label.toLowerCase());
      standardisedCells = ['–', '–', s.absent === 'afgeschermd' ? 'geen oordeel' : '–'];
    } else {
      const verdict = s.judgement.verdict ? VERDICT_TEXT[s.judgement.verdict].word : 'geen oordeel';
      if (s.judgement.reason) noteFor(`geen oordeel: ${NO_VERDICT_TEXT[s.judgement.reason]}`, label.toLowerCase());
      standardisedCells = [formatNumber(s.expected, 0), ratioText(s), verdict];
    }
    let modelCells: string[];
    if ('absent' in model || 'absent' in p.model) {
      noteFor(MODEL_ABSENT_TEXT['absent' in model ? model.absent : 'geen-tabel'], label.toLowerCase());
      modelCells = ['–', '–', '–'];
    } else if (p.model.explainsLittle!) {
      // A number from a model that explains little would invite a reading it cannot bear; the download has it.
      littleModel = true;
      modelCells = ['–', '–', explainedText(p.model.crossValidation!.explained, true)];
    } else {
      modelCells = [formatNumber(model.expected, 0), ratioText(model), explainedText(p.model.crossValidation!.explained, false)];
    }
    const otherPeriod = p.period !== first ? periodLabelWithStatus(parsePeriodCode(p.period)!, m.dataset.statusOf(p.period)) : undefined;
    return { header: label, cells: [observed, ...standardisedCells, ...modelCells], note: otherPeriod };
  });
  if (rows.length === 0) return { kind: 'geen', text: bareNote()! };
  const period = first ? periodLabelWithStatus(parsePeriodCode(first)!, latest[0]!.m.dataset.statusOf(first)) : '';
  const notes = [...reasonNotes].map(([text, labels]) => `– bij ${joinDutch(labels)}: ${text}.`);
  const after = bareNote();
  if (littleModel) notes.push(`– naar kenmerken: waar het model minder dan ${formatNumber(EXPLAINS_LITTLE * 100, 0)}% verklaart, geven we geen verwacht aantal.`);
  // The ratio's margin is chance only, the verdict also allows for the usual differences between gemeenten: a
  // reader seeing "niet duidelijk anders" beside a margin without 1 needs to know why both hold.
  notes.push('– de marge gaat alleen over toeval; het oordeel telt ook de gewone verschillen tussen gemeenten mee. Daarom kan een verhouding “niet duidelijk anders” zijn, ook als 1 buiten de marge valt.');
  return {
    kind: 'tabel',
    caption: `Jongeren gemeten en verwacht, ${period}`,
    columns: [
      { label: 'Gemeten' },
      { label: 'Verwacht', unit: `naar ${by}` },
      { label: 'Gemeten / verwacht', unit: '(95%-marge, toeval)' },
      { label: 'Oordeel' },
      { label: 'Verwacht', unit: 'naar kenmerken' },
      { label: 'Gemeten / verwacht', unit: '(95%-marge, toeval)' },
      { label: 'Model verklaart' },
    ],
    rows,
    notes,
    after,
  };
}
