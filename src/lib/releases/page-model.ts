/**
 * What a release page shows: what the release published, whether it is current or replaced, and what
 * changed against the release before it. Pure; src/pages/releases/[release]/ prints it.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import { parsePeriodCode, periodLabel, periodLabelWithStatus, periodSpanText, primaryPeriods, STATUS_LABEL, type PeriodStatus } from '../data/periods';
import { formatNumber, formatObservation } from '../format/number';
import { fateSentence } from '../pages/gemeente-links';
import type { HerindelingRecord, RegionRegister } from '../regions/register';
import { diffVersions, herindelingenApplied, largestRevisions, revisionSummary, type DatasetDiff, type Revision } from './diff';
import { datasetVersion, isCurrentRelease, nextRelease, previousRelease, releaseContents, type ReleaseStore } from './versions';

const label = (code: string) => {
  const p = parsePeriodCode(code);
  return p ? periodLabel(p) : code;
};

export interface RevisionView {
  dataset: string;
  region: string;
  period: string;
  category: string;
  measure: string;
  old: string;
  new: string;
  /** "+2,3%" */
  change: string;
}

export interface DatasetChanges {
  meta: DatasetMeta;
  newPeriods: string[];
  statusChanges: Array<{ period: string; from: string; to: string }>;
  revisedCells: number;
  /** "meestal omhoog, in de helft van de gevallen minder dan 2,1%" */
  revisionText: string | undefined;
}

export interface ReleasePageModel {
  release: Release;
  current: boolean;
  replacedBy: Release | undefined;
  previous: Release | undefined;
  datasets: Array<{ meta: DatasetMeta; periods: string; latest: string; carriedOver: boolean; isNew: boolean }>;
  changes:
    | {
        datasets: DatasetChanges[];
        newDatasets: DatasetMeta[];
        herindelingen: string[];
        largest: RevisionView[];
        totalRevisions: number;
      }
    | undefined;
}

export function releasePageModel(store: ReleaseStore, register: RegionRegister, releaseId: string, limit = 20): ReleasePageModel {
  const release = store.catalog.releases.find((r) => r.id === releaseId);
  if (!release) throw new Error(`onbekende release: ${releaseId}`);
  const previous = previousRelease(store.catalog, releaseId);
  const versions = releaseContents(store, releaseId);
  const diffs: DatasetDiff[] = [];
  const newDatasets: DatasetMeta[] = [];
  for (const version of versions) {
    const before = previous ? datasetVersion(store, version.meta.id, previous.id) : undefined;
    if (before) diffs.push(diffVersions(before, version));
    else if (previous) newDatasets.push(version.meta);
  }
  const datasets = versions.map((v) => {
    // The latest of the table's rhythm: in April that is the 2nd half year, published with the year beside it.
    const latestCode = primaryPeriods(v.meta, v.periods.map((p) => p.code)).at(-1);
    const last = v.periods.find((p) => p.code === latestCode);
    return {
      meta: v.meta,
      periods: periodSpanText(v.periods.map((p) => p.code)),
      latest: last ? periodLabelWithStatus(parsePeriodCode(last.code)!, last.status) : '',
      carriedOver: v.carriedOver,
      isNew: newDatasets.includes(v.meta),
    };
  });
  let changes: ReleasePageModel['changes'];
  if (previous) {
    const allRevisions = diffs.flatMap((d) => d.revisions);
    const olderPeriods = previous ? releaseContents(store, previous.id).flatMap((v) => v.periods.map((p) => p.code)) : [];
    const applied = herindelingenApplied(diffs.flatMap((d) => d.newPeriods), olderPeriods, register.reference.herindelingen);
    changes = {
      datasets: diffs.map((d) => ({
        meta: d.meta,
        newPeriods: d.newPeriods.map(label),
        statusChanges: d.statusChanges.map((s) => ({ period: label(s.period), from: statusText(s.from), to: statusText(s.to) })),
        revisedCells: d.revisions.length,
        revisionText: revisionText(d.revisions),
      })),
      newDatasets,
      herindelingen: herindelingSentences(register, applied),
      largest: largestRevisions(allRevisions, limit).map((r) => revisionView(r, store, register)),
      totalRevisions: allRevisions.length,
    };
  }
  return {
    release,
    current: isCurrentRelease(store.catalog, releaseId),
    replacedBy: nextRelease(store.catalog, releaseId),
    previous,
    datasets,
    changes,
  };
}

function statusText(status: PeriodStatus): string {
  return STATUS_LABEL[status];
}

/** A relative change as Dutch text: "+2,3%", "−0,4%". */
export function formatChange(relative: number): string {
  const pct = relative * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${formatNumber(Math.abs(pct), 1)}%`;
}

function revisionText(revisions: readonly Revision[]): string | undefined {
  const counts = revisions.filter((r) => r.measure.type === 'aantal');
  if (counts.length === 0) return undefined;
  const s = revisionSummary(counts);
  const direction = s.upward > s.downward * 2 ? 'meestal omhoog' : s.downward > s.upward * 2 ? 'meestal omlaag' : 'omhoog en omlaag';
  const median = s.medianSize === null ? '' : `, de helft met minder dan ${formatNumber(s.medianSize * 100, 1)}%`;
  return `${direction}${median}`;
}

function revisionView(r: Revision, store: ReleaseStore, register: RegionRegister): RevisionView {
  const meta = store.datasets.find((d) => d.meta.id === r.datasetId)!.meta;
  const category = meta.dimensions
    .map((dim, j) => {
      const code = dim.codes.find((c) => c.code === r.topics[j]);
      return code && !code.total ? `${dim.label.toLowerCase()}: ${code.label}` : undefined;
    })
    .filter(Boolean)
    .join(', ');
  return {
    dataset: meta.shortTitle ?? meta.title,
    region: register.label(r.region),
    period: label(r.period),
    category: category || 'totaal',
    measure: r.measure.label,
    old: formatObservation(r.old, r.measure),
    new: formatObservation(r.new, r.measure),
    change: r.relative === null ? '' : formatChange(r.relative),
  };
}

/** "Op 1 januari 2023 is de gemeente Weesp opgegaan in Amsterdam.", once per former gemeente. */
export function herindelingSentences(register: RegionRegister, applied: readonly HerindelingRecord[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const h of applied) {
    if (h.soort === 'grenscorrectie' || seen.has(h.oudeCode)) continue;
    seen.add(h.oudeCode);
    out.push(fateSentence(register, h.oudeCode) ?? `Op 1 januari ${h.jaar} is ${h.oudeNaam} opgegaan in ${h.nieuweNaam}.`);
  }
  const corrections = applied.filter((h) => h.soort === 'grenscorrectie').length;
  if (corrections > 0) out.push(`Daarnaast ${corrections === 1 ? 'een grenscorrectie' : `${corrections} grenscorrecties`} tussen gemeenten.`);
  return out;
}
