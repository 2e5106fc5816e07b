import { z } from 'zod';
import { parsePeriodCode, periodLabel, periodRange } from '../lib/data/periods';

/**
 * Limits on texts. The longest label of the real CBS tables and the demonstration data has 74 characters, the
 * longest description 1.106; a label of 50 MB (which once made a 105 MB meta.json) is a broken or hostile
 * input, not a label.
 */
export const MAX_LABEL_LENGTH = 300;
export const MAX_TEXT_LENGTH = 10_000;

/** A name, label, unit or title: one line's worth. */
const Label = () => z.string().min(1).max(MAX_LABEL_LENGTH);
/** A description, definition, footnote or note. */
const LongText = () => z.string().max(MAX_TEXT_LENGTH);

/**
 * A web address for a link on the site. Only http and https: a `javascript:` or `data:` address in a link runs
 * script in the site's origin when clicked, and `file:` or other schemes point nowhere for a reader.
 */
export const HttpUrlSchema = z
  .string()
  .max(2000)
  .refine((text) => /^https?:\/\/[^\s]+$/i.test(text) && isHttpUrl(text), {
    message: 'een webadres dat begint met https:// of http:// (geen javascript:, data:, file: of ander soort adres)',
  });

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A release id and date: the publication date, JJJJ-MM-DD. */
const ReleaseDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een release-id is de publicatiedatum, JJJJ-MM-DD');

/** Identifiers of datasets, measures and dimensions: lower case, digits, `_` and `-`, starting with a letter. */
export const IdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_-]*$/, 'een id bestaat uit kleine letters, cijfers, _ en -, en begint met een letter');

export const PeriodCodeSchema = z
  .string()
  .refine((code) => parsePeriodCode(code)?.code === code, {
    message: 'verwacht een CBS-periodecode zoals 2023JJ00, 2023HJ01, 2023KW02, 2023MM03 of 2023PD06',
  });

export const RegionCodeSchema = z
  .string()
  .regex(/^(NL01|PV\d{2}|JZ\d{2}|GM\d{4}|WK\d{6})$/, 'verwacht een regiocode zoals NL01, PV27, JZ14, GM0363 of WK036300');

export const PeriodStatusSchema = z.enum(['voorlopig', 'nader-voorlopig', 'definitief']);

const RateSchema = z.object({
  /** The measure that counts the numerator, in this dataset. Without it a rate cannot be recomputed. */
  numerator: IdSchema.optional(),
  /** What the rate is relative to, named on every figure ("jongeren tot 18 jaar"). */
  denominatorLabel: Label(),
  /** The measure holding the denominator, in this dataset; needed to recompute the rate. */
  denominator: IdSchema.optional(),
  /** 100 for a percentage, 1000 for per 1.000, 10000 for per 10.000. */
  per: z.union([z.literal(100), z.literal(1000), z.literal(10000)]),
});

/**
 * What a measure counts, in terms the site's fact pages understand, so that a page can find "persons with
 * jeugdhulp" in whichever dataset holds it: the demonstration data, or a real CBS table that was imported.
 */
/** The detail of jeugdbescherming: shown in a section of its own, not as key figures (facts/concepts.ts). */
export const PROTECTION_CONCEPTS = [
  'jongeren-jeugdbescherming-met-verblijf',
  'maatregelen-lopend',
  'maatregelen-begonnen',
  'maatregelen-beeindigd',
  'jr-trajecten-lopend',
  'jr-trajecten-begonnen',
  'jr-trajecten-beeindigd',
] as const;

/** How jeugdhulp began, lasted and ended: shown in a section of its own too (facts/outcome.ts). */
export const OUTCOME_CONCEPTS = [
  'start-trajecten',
  'start-herhaald-beroep',
  'einde-trajecten',
  'einde-duurklasse',
  'einde-gemiddelde-duur',
  'einde-reden-bekend',
  'einde-volgens-plan',
  'einde-voortijdig',
  'einde-reden-onbekend',
  'instroom-jongeren',
  'uitstroom-jongeren',
  'terugkeer-jongeren',
] as const;

export const MEASURE_CONCEPTS = [
  'jongeren-jeugdhulp',
  'jongeren-jeugdhulp-zonder-verblijf',
  'jongeren-jeugdhulp-met-verblijf',
  'jongeren-jeugdbescherming',
  'jongeren-jeugdreclassering',
  'jongeren-jeugdzorg',
  'trajecten-lopend',
  'trajecten-gestart',
  'trajecten-beeindigd',
  'bevolking',
  ...PROTECTION_CONCEPTS,
  ...OUTCOME_CONCEPTS,
] as const;
export type MeasureConcept = (typeof MEASURE_CONCEPTS)[number];

export const MeasureSchema = z.object({
  id: IdSchema,
  label: Label(),
  /** A short label for narrow table headers and chart axes. */
  shortLabel: Label().optional(),
  /** "aantal", "%", "per 1.000 jongeren". */
  unit: Label(),
  decimals: z.number().int().min(0).max(6),
  /** Persons and trajecten are different units; every figure says which one it counts. */
  countOf: z.enum(['personen', 'trajecten', 'inwoners']),
  type: z.enum(['aantal', 'rate']),
  rate: RateSchema.optional(),
  /** A derived measure is computed from its numerator and denominator when data is loaded, never stored. */
  derived: z.boolean().default(false),
  /** The definition (toelichting) as CBS gives it. */
  definition: LongText().default(''),
  concept: z.enum(MEASURE_CONCEPTS).optional(),
  /** The key of the measure in the CBS table, e.g. `TotaalJongerenMetJeugdzorgInNatura_1`. */
  sourceKey: Label().optional(),
  /** When the measure comes from another source than the dataset, e.g. population from Kerncijfers wijken en buurten. */
  source: Label().optional(),
  /**
   * Whether the figure adds up where gemeenten are combined (a herindeling, a chosen group). A count ("aantal")
   * does without saying so; an amount of money (lasten in × 1.000 euro) says so here; an average (an income) does not.
   */
  additive: z.boolean().optional(),
  /**
   * A stored figure that is one measure per another (euros per youth: numerator × factor / denominator). Where
   * gemeenten are combined it is computed again from the two, never added up or left out.
   */
  quotient: z.object({ numerator: IdSchema, denominator: IdSchema, factor: z.number().positive() }).optional(),
});

export const CodeSchema = z.object({
  code: z.string().min(1).max(100),
  label: Label(),
  description: LongText().optional(),
  /** Marks the category that is the total of the others (CBS `T001...`). */
  total: z.boolean().default(false),
  /** A heading the category belongs to, e.g. "Geslacht" or "Leeftijd" in a characteristics dimension. */
  group: Label().optional(),
  /** A category the total does not include: "18 tot 23 jaar" beside "Totaal tot 18 jaar". */
  outsideTotal: z.boolean().default(false),
});

export const TopicDimensionSchema = z.object({
  id: IdSchema,
  label: Label(),
  description: LongText().default(''),
  codes: z.array(CodeSchema).min(1),
  /**
   * Whether the categories beside the total add up to it: each person or traject in exactly one (age groups,
   * sexes). False where one can be in several (a youth with both an OTS and a voogdij in one half year).
   * Disclosure control protects a suppressed category against "total minus the others" (src/lib/disclosure).
   */
  additive: z.boolean().default(true),
});

/**
 * How the published counts protect the people behind them (DOMAIN.md, "Disclosure control"): CBS rounds
 * counts of persons and trajecten to multiples of 5 and suppresses small ones. The build enforces this per
 * dataset: a dataset that breaks it is refused, or protected when the publisher chose so (src/lib/disclosure).
 */
export const DisclosurePolicySchema = z.object({
  /** Counts are published as multiples of this. */
  roundTo: z.number().int().min(1).max(100).default(5),
  /** A count below this, before rounding, is published as secret (`.`); a nihil (`-`) may stay. */
  threshold: z.number().int().min(0).max(1000).default(10),
  /** What the build does with a dataset that breaks the policy: refuse to publish it, or round and suppress it. */
  onViolation: z.enum(['weigeren', 'beschermen']).default('weigeren'),
  /**
   * Counts whose figure in the table's total row (every dimension at its total) another table publishes too:
   * the begun and ended trajecten of the verloop table are those of the trajecten table. Keeping one of them
   * secret here would protect nothing, so disclosure control protects with the other cells instead. A wijk's
   * row is never published elsewhere.
   */
  publishedElsewhere: z.array(IdSchema).optional(),
  /**
   * Written with the data (src/node/disclosure-fs.ts): a hash of the protected observation files, the relations
   * and the method. When the files still match it, the build need not protect them again.
   */
  stamp: z.string().optional(),
});
export type DisclosurePolicy = z.output<typeof DisclosurePolicySchema>;

/** Measures that add up to another measure of the same row (age groups to the total), for disclosure control. */
export const MeasureSumSchema = z.object({
  total: IdSchema,
  parts: z.array(IdSchema).min(2),
  /** False when some are in none of the parts (trajecten without a known verwijzer): the parts add up to at most the total. */
  complete: z.boolean().default(true),
});

export const FootnoteSchema = z.object({
  id: IdSchema,
  text: LongText().min(1),
  /** Which cells the footnote concerns; a missing key means all. An empty object means the whole table. */
  appliesTo: z
    .object({
      regions: z.array(z.string()).optional(),
      periods: z.array(z.string()).optional(),
      measures: z.array(z.string()).optional(),
      topics: z.record(z.string(), z.array(z.string())).optional(),
    })
    .default({}),
});

export const TrendBreakSchema = z.object({
  /** The first period that is not comparable with the ones before it. */
  from: PeriodCodeSchema,
  measures: z.array(IdSchema).optional(),
  note: LongText().min(1),
});

export const DatasetPeriodSchema = z.object({ code: PeriodCodeSchema, status: PeriodStatusSchema });

export const DatasetRegionSchema = z.object({ code: RegionCodeSchema, label: Label() });

/** How an earlier release of this dataset differs from the current one; see `src/node/datastore-fs.ts`. */
export const DatasetReleaseSchema = z.object({
  release: ReleaseDate(),
  periods: z.array(DatasetPeriodSchema),
});

export const DatasetMetaSchema = z
  .object({
    id: IdSchema,
    title: Label(),
    shortTitle: Label().optional(),
    description: LongText().min(1),
    /** Which CBS table this follows, and where it came from. */
    source: z.object({
      name: Label(),
      table: Label().optional(),
      url: HttpUrlSchema.optional(),
      note: LongText().optional(),
    }),
    licence: z.object({ name: Label(), url: HttpUrlSchema }).default({
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.nl',
    }),
    attribution: Label().default('Bron: CBS'),
    /** True for the project's demonstration data: every page that shows it says it is fictitious. */
    fictitious: z.boolean().default(false),
    /** The release the observations belong to. */
    release: ReleaseDate(),
    /** The indeling (year of the municipal boundaries) regions are coded in, when one indeling is used throughout. */
    measures: z.array(MeasureSchema).min(1),
    dimensions: z.array(TopicDimensionSchema).default([]),
    periods: z.array(DatasetPeriodSchema).min(1),
    regions: z.array(DatasetRegionSchema).min(1),
    footnotes: z.array(FootnoteSchema).default([]),
    trendBreaks: z.array(TrendBreakSchema).default([]),
    /** Earlier releases of this dataset, oldest first; their differing cells are kept beside the observations. */
    history: z.array(DatasetReleaseSchema).default([]),
    disclosure: DisclosurePolicySchema.default({}),
    /** Measures that add up to another one in every row (each person counted in exactly one part). */
    sums: z.array(MeasureSumSchema).default([]),
  })
  .superRefine((meta, ctx) => {
    const measureIds = new Set(meta.measures.map((m) => m.id));
    const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    for (const [what, values] of [
      ['maat', meta.measures.map((m) => m.id)],
      ['dimensie', meta.dimensions.map((d) => d.id)],
      ['periode', meta.periods.map((p) => p.code)],
      ['regio', meta.regions.map((r) => r.code)],
    ] as const) {
      for (const dup of new Set(duplicates([...values]))) {
        ctx.addIssue({ code: 'custom', message: `${what} "${dup}" komt meer dan eens voor` });
      }
    }
    meta.dimensions.forEach((dim, index) => {
      if (dim.id === 'regio' || dim.id === 'perioden') {
        ctx.addIssue({ code: 'custom', path: ['dimensions', index, 'id'], message: `"${dim.id}" is gereserveerd` });
      }
      for (const dup of new Set(duplicates(dim.codes.map((c) => c.code)))) {
        ctx.addIssue({ code: 'custom', path: ['dimensions', index], message: `code "${dup}" komt meer dan eens voor` });
      }
    });
    meta.sums.forEach((sum, index) => {
      for (const ref of [sum.total, ...sum.parts]) {
        if (!measureIds.has(ref)) ctx.addIssue({ code: 'custom', path: ['sums', index], message: `maat "${ref}" bestaat niet in deze dataset` });
      }
    });
    // Figures about a period that has not ended on the publication date cannot exist (a year 9999 is a typo).
    const periodsBefore = (release: string, periods: ReadonlyArray<{ code: string }>, path: Array<string | number>) => {
      periods.forEach((p, index) => {
        const period = parsePeriodCode(p.code);
        if (!period || !/^\d{4}-\d{2}-\d{2}$/.test(release) || periodRange(period).end < release) return;
        ctx.addIssue({
          code: 'custom',
          path: [...path, index, 'code'],
          message: `een periode die vóór de publicatiedatum ${release} is afgelopen; ${periodLabel(period)} (${p.code}) is dan nog niet voorbij`,
        });
      });
    };
    periodsBefore(meta.release, meta.periods, ['periods']);
    meta.history.forEach((h, i) => periodsBefore(h.release, h.periods, ['history', i, 'periods']));
    meta.measures.forEach((measure, index) => {
      if (measure.type === 'rate' && !measure.rate) {
        ctx.addIssue({ code: 'custom', path: ['measures', index, 'rate'], message: 'een rate noemt zijn noemer (rate.denominatorLabel)' });
      }
      for (const ref of [measure.rate?.numerator, measure.rate?.denominator]) {
        if (ref && !measureIds.has(ref)) {
          ctx.addIssue({ code: 'custom', path: ['measures', index, 'rate'], message: `maat "${ref}" bestaat niet in deze dataset` });
        }
      }
      // A rate's text says what it counts ("Telt trajecten"), and its interval depends on it (persons: Wilson;
      // trajecten: Poisson): it must count what its numerator counts.
      const numerator = measure.rate?.numerator ? meta.measures.find((m) => m.id === measure.rate!.numerator) : undefined;
      if (numerator && numerator.countOf !== measure.countOf) {
        ctx.addIssue({
          code: 'custom',
          path: ['measures', index, 'countOf'],
          message: `"${numerator.countOf}", wat de teller "${numerator.id}" telt (gevonden: "${measure.countOf}")`,
        });
      }
      if (measure.derived && !(measure.rate?.numerator && measure.rate.denominator)) {
        ctx.addIssue({
          code: 'custom',
          path: ['measures', index, 'derived'],
          message: 'een afgeleide maat heeft rate.numerator en rate.denominator nodig',
        });
      }
    });
  });

export type DatasetMeta = z.output<typeof DatasetMetaSchema>;
export type DatasetMetaInput = z.input<typeof DatasetMetaSchema>;
export type Measure = z.output<typeof MeasureSchema>;
export type TopicDimension = z.output<typeof TopicDimensionSchema>;
export type Footnote = z.output<typeof FootnoteSchema>;
export type DatasetPeriod = z.output<typeof DatasetPeriodSchema>;

export const ReleaseSchema = z.object({
  id: ReleaseDate(),
  /** Publication date, ISO. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: Label(),
  description: LongText().default(''),
});

export const CatalogSchema = z.object({
  /** All releases, oldest first; the last is the current one. */
  releases: z.array(ReleaseSchema).min(1),
  /** Dataset ids in the order the site lists them. */
  datasets: z.array(IdSchema).min(1),
});

export type Release = z.output<typeof ReleaseSchema>;
export type Catalog = z.output<typeof CatalogSchema>;
