/**
 * The files of one release as it was published (each period on its own indeling, with the statuses of
 * then), for the release's zip: per dataset CSV and CSV for Excel, one datapackage.json and a LEESMIJ.txt.
 * Pure; src/node/site-downloads.ts zips them.
 */
import type { Release } from '../../schemas/dataset';
import { SYMBOL_LEGEND } from '../data/symbols';
import { formatDate } from '../format/number';
import type { RegionRegister } from '../regions/register';
import { releaseContents, isCurrentRelease, nextRelease, type DatasetVersion, type ReleaseStore } from '../releases/versions';
import { dataPackage } from './datapackage';
import { bytesToText, DATAPACKAGE, datasetFileName, indelingText, registerLabel, renderedFileBytes, renderTableLines, FORMAT_LABEL, ZIP_FORMATS, type CsvFormat } from './files';

export interface ReleaseFile {
  name: string;
  data: string;
}

/** A release file as UTF-8 bytes in parts (see renderedFileBytes). */
export interface ReleaseFileBytes {
  name: string;
  parts: Uint8Array[];
}

/**
 * The formats in a release's zip: the two CSV files that its datapackage.json describes. JSON is left out: it
 * was a third copy of every figure (54 of a zip's 148 MB before compression, and a third of the build's
 * compression time), undocumented in the package.
 */
export const RELEASE_FORMATS: readonly CsvFormat[] = ZIP_FORMATS;

export function releaseFolderName(releaseId: string): string {
  return `jeugdzorg-in-cijfers-${releaseId}`;
}

/**
 * The files one by one, each dataset's files rendered when they are asked for, so a zip can compress them
 * while only one dataset's lines are held. (The build makes the same entries through siteDownloadFiles,
 * which interleaves them with the other downloads of each dataset.)
 */
export function* releaseFiles(store: ReleaseStore, register: RegionRegister, release: Release, site: URL | string): Generator<ReleaseFile> {
  const versions = releaseContents(store, release.id);
  yield releaseReadme(store, release, site);
  for (const version of versions) yield* releaseDatasetFiles(register, release, version);
  yield releasePackage(release, versions, site);
}

/** LEESMIJ.txt, the first entry of a release's zip. */
export function releaseReadme(store: ReleaseStore, release: Release, site: URL | string): ReleaseFile {
  const titles = releaseContents(store, release.id).map((v) => v.meta.title);
  return { name: `${releaseFolderName(release.id)}/LEESMIJ.txt`, data: readme(store, release, titles, site) };
}

/** One dataset of a release in the zip's formats, as that release published it. */
export function releaseDatasetFiles(register: RegionRegister, release: Release, version: DatasetVersion): ReleaseFile[] {
  return RELEASE_FORMATS.map((format) => releaseDatasetFile(register, release, version, format));
}

/** One dataset of a release in one format (the lines are made once for all formats, see renderTableLines). */
export function releaseDatasetFile(register: RegionRegister, release: Release, version: DatasetVersion, format: CsvFormat): ReleaseFile {
  const { name, parts } = releaseDatasetFileBytes(register, release, version, format);
  return { name, data: bytesToText(parts) };
}

/** The same as UTF-8 bytes, in parts. */
export function releaseDatasetFileBytes(register: RegionRegister, release: Release, version: DatasetVersion, format: CsvFormat): ReleaseFileBytes {
  const options = { regionLabel: registerLabel(register), periods: version.periods, release, indeling: indelingText(undefined) };
  return {
    name: `${releaseFolderName(release.id)}/${datasetFileName(version.meta.id, format)}`,
    parts: renderedFileBytes(version.meta, renderTableLines(version.meta, version.rows, options), format),
  };
}

/** datapackage.json, the last entry of a release's zip. */
export function releasePackage(release: Release, versions: readonly DatasetVersion[], site: URL | string): ReleaseFile {
  const pkg = dataPackage(
    {
      name: `jeugdzorg-${release.id}`,
      title: `Jeugdzorg in cijfers, publicatie ${release.title}`,
      description: `Alle tabellen zoals gepubliceerd op ${formatDate(release.date)}. ${release.description}`.trim(),
      release,
      homepage: new URL(`/releases/${release.id}/`, site).href,
      indeling: indelingText(undefined),
      datasets: versions.map((v) => v.meta),
    },
    versions.flatMap((v) =>
      RELEASE_FORMATS.map((format) => ({
        meta: v.meta,
        name: `${v.meta.id}${format === 'excel' ? '-excel' : ''}`,
        path: datasetFileName(v.meta.id, format),
        dialect: format === 'csv' ? ('rfc4180' as const) : ('excel-nl' as const),
        title: v.meta.title,
      })),
    ),
  );
  return { name: `${releaseFolderName(release.id)}/${DATAPACKAGE}`, data: `${JSON.stringify(pkg, null, 2)}\n` };
}

/**
 * What the files of a zip are and how to read them, the same in a release's zip and a gemeente's; `indeling`
 * says which gemeentelijke indeling the rows are on.
 */
export function zipFilesExplanation(indeling: string): string[] {
  return [
    'Elke tabel staat er in twee vormen:',
    ...RELEASE_FORMATS.map((f) => `- ${datasetFileName('<tabel>', f)}: ${FORMAT_LABEL[f].name} (${FORMAT_LABEL[f].hint})`),
    `- ${DATAPACKAGE}: de beschrijving van alle kolommen, eenheden, definities, bron en licentie (Frictionless Data Package).`,
    '',
    'Elke regel is een regio, een periode en een categorie. Per onderwerp is er een kolom met het cijfer en een kolom',
    '<onderwerp>_teken met het CBS-teken als het cijfer ontbreekt, of - bij nihil (0).',
    indeling,
    '',
    'Verklaring van tekens:',
    ...SYMBOL_LEGEND.map((s) => `  ${s.shown.padEnd(7)} ${s.meaning}`),
  ];
}

/** The text of a zip's LEESMIJ.txt from its lines (end them with ''): no doubled empty lines, Windows line ends (Kladblok). */
export function readmeText(lines: readonly string[]): string {
  return lines.filter((l, i) => !(l === '' && lines[i - 1] === '')).join('\r\n');
}

function readme(store: ReleaseStore, release: Release, titles: string[], site: URL | string): string {
  const replaced = nextRelease(store.catalog, release.id);
  const fictitious = store.datasets.some((d) => d.meta.fictitious);
  const lines = [
    `Jeugdzorg in cijfers: publicatie ${release.title} (${formatDate(release.date)})`,
    '',
    fictitious ? 'LET OP: fictieve demonstratiecijfers naar het model van de CBS-beleidsinformatie jeugd. Gebruik ze niet als feiten.\n' : '',
    isCurrentRelease(store.catalog, release.id)
      ? 'Dit is de huidige publicatie.'
      : `Deze publicatie is vervangen door ${replaced?.title ?? 'een nieuwere'}${replaced ? ` (${formatDate(replaced.date)})` : ''}. De cijfers staan hier zoals ze toen zijn gepubliceerd.`,
    `Pagina van deze publicatie: ${new URL(`/releases/${release.id}/`, site).href}`,
    '',
    'Tabellen:',
    ...titles.map((t) => `- ${t}`),
    '',
    ...zipFilesExplanation('De gemeenten van elke periode staan op de indeling van dat jaar, zoals gepubliceerd.'),
    '',
    `Bron: ${store.datasets[0]?.meta.attribution ?? 'CBS'}. Licentie: ${store.datasets[0]?.meta.licence.name ?? 'CC BY 4.0'}.`,
    '',
  ];
  return readmeText(lines);
}
