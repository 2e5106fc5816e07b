/**
 * The worked example of expected against observed on the method page, computed from this build's data by the
 * same functions as the pages: one gemeente's youths group by group, times Nederland's rate in the group, added
 * up to the expected count, against the observed count; and how well the model on the characteristics fits
 * each key measure. The gemeente is chosen by rule, not by hand: of the gemeenten with an expected count, the
 * one with the median number of youths (the lower of the two middle ones; ties by code). Pure.
 */
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import type { FactsContext } from '../facts/context';
import { NEDERLAND } from '../regions/codes';
import type { Judgement } from '../stats/verdict';
import type { Interval } from '../stats/intervals';
import type { CharacteristicsModel, ModelAbsent } from './model';
import { siteExpected, standardisedByText, type ExpectedMeasure } from './site';

export interface ExampleGroup {
  label: string;
  youths: number;
  nederlandCount: number;
  nederlandYouths: number;
  /** Nederland's rate in the group, as a share. */
  rate: number;
  expected: number;
}

export interface StandardisationExample {
  measureLabel: string;
  by: string;
  period: string;
  periodLabel: string;
  gemeente: { code: string; name: string };
  groups: ExampleGroup[];
  youths: number;
  observed: number;
  expected: number;
  ratio: number;
  interval: Interval;
  judgement: Judgement;
  tau2: number;
}

export interface ModelSummary {
  measureLabel: string;
  periodLabel: string;
  model: CharacteristicsModel | { absent: ModelAbsent };
}

export interface ExpectedExample {
  standardisation: StandardisationExample | undefined;
  models: ModelSummary[];
}

function standardisationExample(context: FactsContext, m: ExpectedMeasure): StandardisationExample | undefined {
  const period = m.dataset.latestPeriod;
  const p = m.period(period);
  if (!p.strata || !p.rates || p.tau2 === undefined) return undefined;
  const candidates = [...p.gemeenten.values()]
    .filter((g) => !('absent' in g.standardised) && g.standardised.judgement.verdict !== undefined)
    .sort((a, b) => a.population! - b.population! || (a.code < b.code ? -1 : 1));
  const g = candidates[Math.floor((candidates.length - 1) / 2)];
  if (!g || 'absent' in g.standardised) return undefined;
  const dims = m.dataset.meta.dimensions;
  const labelOf = (topics: readonly string[]) =>
    dims
      .map((d, i) => (topics[i] === m.dataset.totals[i] ? undefined : d.codes.find((c) => c.code === topics[i])?.label.toLowerCase()))
      .filter((l) => l !== undefined)
      .join(', ');
  const value = (region: string, topics: readonly string[], id: string) => m.dataset.index.cellOf(m.dataset.index.row(region, period, topics), id)?.value ?? 0;
  const groups = p.strata.map((topics): ExampleGroup => {
    const youths = value(g.code, topics, m.denominator);
    const nederlandCount = value(NEDERLAND, topics, m.measure.id);
    const nederlandYouths = value(NEDERLAND, topics, m.denominator);
    const rate = nederlandCount / nederlandYouths;
    return { label: labelOf(topics), youths, nederlandCount, nederlandYouths, rate, expected: youths * rate };
  });
  const s = g.standardised;
  return {
    measureLabel: m.measure.label,
    by: standardisedByText(m),
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, m.dataset.statusOf(period)),
    gemeente: { code: g.code, name: context.register.label(g.code) },
    groups,
    youths: g.population!,
    observed: g.observed!,
    expected: s.expected,
    ratio: s.ratio!,
    interval: s.interval!,
    judgement: s.judgement,
    tau2: p.tau2,
  };
}

export function expectedExample(context: FactsContext, measures: readonly ExpectedMeasure[] = siteExpected(context)): ExpectedExample {
  const first = measures.find((m) => m.standardisedBy.length > 0);
  return {
    standardisation: first && standardisationExample(context, first),
    models: measures.map((m) => {
      const period = m.dataset.latestPeriod;
      return { measureLabel: m.measure.label, periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, m.dataset.statusOf(period)), model: m.period(period).model };
    }),
  };
}
