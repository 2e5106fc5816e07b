/**
 * The section "Vergelijkbare gemeenten" of a gemeente's fact page, as words and table cells: its
 * statistical neighbours, named and linked, with a few characteristics beside those of the gemeente and of
 * Nederland, and how they were chosen; or, without neighbours, that the page compares with the size class,
 * and why. Pure; the component (Neighbours.astro) only lays it out.
 */
import { joinDutch } from '../format/text';
import { formatNumber, formatObservation } from '../format/number';
import type { KenmerkId } from '../data/kenmerken';
import type { FactsContext } from '../facts/context';
import { regionHref } from '../pages/gemeente-links';
import { PAGE_CHARACTERISTICS } from './characteristics';
import { characteristicCell, nederlandCell, siteNeighbours, type SiteNeighbours } from './site';
import { compareLinks, type CompareLinks } from './compare-links';
import { sizeClassGroup } from '../facts/comparison';

/** How a characteristic reads in a sentence ("gekozen op …"); other ids read as their measure's label. */
export const CHARACTERISTIC_PHRASE: Readonly<Record<KenmerkId, string>> = {
  inwoners: 'het aantal inwoners',
  omgevingsadressendichtheid: 'hoe stedelijk ze zijn (adressen per km²)',
  aandeel_jongeren_tot_18: 'het aandeel jongeren tot 18 jaar',
  eenoudergezinnen: 'eenoudergezinnen',
  huishoudens_bijstand: 'huishoudens met bijstand',
  jongeren_laag_inkomen: 'jongeren in een huishouden met een laag inkomen',
  gemiddeld_inkomen: 'het gemiddelde inkomen',
};

/** The neighbours of all gemeenten as files, on the downloads page (its section id="buren"). */
export const NEIGHBOURS_DOWNLOADS = '/downloads/#buren';

export interface NeighbourRow {
  header: string;
  href?: string | undefined;
  cells: string[];
  highlight?: boolean;
}

export type NeighbourSection =
  | {
      kind: 'buren';
      /** How they were chosen, in one sentence. */
      chosen: string;
      caption: string;
      columns: Array<{ label: string; unit: string }>;
      rows: NeighbourRow[];
      /** The neighbours, nearest first: the page's e2e test and the search for links count them. */
      neighbours: Array<{ code: string; name: string; href: string }>;
      compare: CompareSentence | undefined;
    }
  | { kind: 'grootteklasse'; text: string; compare: CompareSentence | undefined };

/**
 * The sentence that opens the comparison as tables (src/lib/neighbours/compare-links.ts): "<intro> <table
 * links, joined by ' · '>. <ownBefore><own link><ownAfter>".
 */
export interface CompareSentence extends CompareLinks {
  intro: string;
  ownBefore: string;
  ownText: string;
  ownAfter: string;
}

/** The words around the compare links; undefined without links. */
export function compareSentence(links: CompareLinks | undefined, name: string): CompareSentence | undefined {
  if (!links) return undefined;
  return {
    ...links,
    intro:
      links.peers === 'vergelijkbaar'
        ? 'Hun cijfers naast elkaar in de tabel:'
        : `De cijfers van ${name}, de ${formatNumber(links.count)} gemeenten van dezelfde grootte en Nederland naast elkaar in de tabel:`,
    ownBefore: 'Of begin met ',
    ownText: `alleen ${name} en Nederland`,
    ownAfter: ' en kies zelf gemeenten.',
  };
}

export function phraseOf(site: SiteNeighbours, id: string): string {
  return (CHARACTERISTIC_PHRASE as Readonly<Record<string, string>>)[id] ?? site.measures.get(id)?.label.toLowerCase() ?? id;
}

const NUMBER_WORDS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? formatNumber(n);

export function neighbourSection(context: FactsContext, code: string, site: SiteNeighbours = siteNeighbours(context)): NeighbourSection {
  const { register } = context;
  const name = register.label(code);
  const outcome = site.of(code);
  if (outcome.kind === 'grootteklasse' || !site.dataset || !site.period || !site.model) {
    const sizeClass = context.sizeClassOf(code);
    const fallback = sizeClass
      ? `daarom vergelijkt deze pagina ${name} met gemeenten van dezelfde grootteklasse: gemeenten met ${sizeClass.label}.`
      : 'ook de grootteklasse van de gemeente is niet bekend.';
    const missing = outcome.kind === 'grootteklasse' ? outcome.missing : [];
    const why =
      site.absent === 'geen-tabel'
        ? 'Om vergelijkbare gemeenten te kiezen zijn kenmerken van gemeenten nodig, zoals inkomen en stedelijkheid. Die zitten niet in de gegevens van deze site'
        : site.absent === 'te-weinig-kenmerken'
          ? `Om vergelijkbare gemeenten te kiezen zijn meer kenmerken van gemeenten nodig, zoals inkomen en stedelijkheid. ${
              site.known.length > 0 ? `In de gegevens van deze site staan alleen ${joinDutch(site.known.map((id) => phraseOf(site, id)))}` : 'Die zijn in de gegevens van deze site te vaak onbekend'
            }`
          : missing.length > 0
            ? `Van ${name} is in ${site.year} niet bekend: ${joinDutch(missing.map((id) => phraseOf(site, id)))}. Zonder dat kiezen we geen vergelijkbare gemeenten op kenmerken`
            : `Voor ${name} zijn geen kenmerken bekend`;
    return { kind: 'grootteklasse', text: `${why}; ${fallback}`, compare: compareSentence(compareLinks(context, code, sizeClassGroup(context, code)), name) };
  }

  const { dataset, period, model } = site;
  const used = model.method.characteristics;
  const k = outcome.neighbours.length;
  const chosen =
    `De ${inWords(k)} gemeenten die het meest op ${name} lijken, gemeten aan ${joinDutch(used.map((c) => phraseOf(site, c.id)))} in ${site.year}. ` +
    (used.every((c) => c.weight === used[0]!.weight) ? 'Elk kenmerk telt even zwaar; ' : '') +
    'de meest gelijkende staat bovenaan.';
  const shown = PAGE_CHARACTERISTICS.filter((id) => used.some((c) => c.id === id));
  const measures = shown.map((id) => site.measures.get(id)!);
  const cellsOf = (region: string) => measures.map((m) => formatObservation(characteristicCell(dataset, region, period, m.id), m));
  const nederland = measures.map((m) => formatObservation(nederlandCell(dataset, period, m), m));
  const neighbours = outcome.neighbours.map((n) => ({ code: n.code, name: register.label(n.code), href: regionHref(register, n.code)! }));
  const rows: NeighbourRow[] = [
    { header: name, cells: cellsOf(code), highlight: true },
    ...neighbours.map((n) => ({ header: n.name, href: n.href, cells: cellsOf(n.code) })),
    { header: 'Nederland', cells: nederland },
  ];
  return {
    kind: 'buren',
    chosen,
    caption: `${name}, de ${inWords(k)} gemeenten die er het meest op lijken, en Nederland: kenmerken ${site.year}`,
    columns: measures.map((m) => ({ label: m.shortLabel ?? m.label, unit: m.unit })),
    rows,
    neighbours,
    compare: compareSentence(compareLinks(context, code, { kind: 'vergelijkbaar', members: neighbours.map((n) => n.code) }), name),
  };
}
