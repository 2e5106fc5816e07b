/**
 * The size beside every download link ("CSV voor Excel, 1,2 MB"), true to the byte of the file written.
 *
 * The downloads are written by a worker thread while the pages render (src/integrations/downloads.ts), so a
 * page cannot know a file's size when it is rendered, and making the file a second time on the page's thread
 * would double the work. A page therefore writes a mark where the size goes, an HTML comment naming the
 * file; once every file is written, the build replaces each mark by the size of the file on disk
 * (fillSizeMarks, src/node/site-downloads.ts). Unfilled (the dev server), a mark is an invisible comment.
 * Pure; also used in the browser for the files a table page makes of a changed selection.
 */
import { formatNumber } from '../format/number';

/** Site paths a mark may hold: the download paths have no characters HTML would escape or a comment forbids. */
const SAFE_PATH = /^\/[\w\-./]+$/;
const MARK = /<!--grootte(-los)?:([^>]*?)-->/g;

/**
 * The mark of a file's size, to print with set:html. By default it becomes ", 1,2 MB" (after a link's
 * text); `bare` gives "1,2 MB" (a table cell of its own).
 */
export function sizeMark(sitePath: string, options: { bare?: boolean } = {}): string {
  if (!SAFE_PATH.test(sitePath)) throw new Error(`geen downloadpad voor een grootte: ${sitePath}`);
  return `<!--grootte${options.bare ? '-los' : ''}:${sitePath}-->`;
}

/** "1,2 MB", "840 kB", "4,6 kB", "512 bytes": decimal units, as browsers show downloads. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1e6) return `${formatNumber(bytes / 1e3, bytes < 1e4 ? 1 : 0)} kB`;
  if (bytes < 1e9) return `${formatNumber(bytes / 1e6, bytes < 1e7 ? 1 : 0)} MB`;
  return `${formatNumber(bytes / 1e9, 1)} GB`;
}

/** The text a link shows after its name: ", 1,2 MB". */
export function sizeSuffix(bytes: number): string {
  return `, ${formatFileSize(bytes)}`;
}

/** Whether a page has marks to fill (a quick test before the replacement). */
export function hasSizeMarks(html: string): boolean {
  return html.includes('<!--grootte');
}

/**
 * A page with every mark replaced by its file's size; `sizeOf` gives the size of a site path, or undefined
 * when there is no such file (listed in `missing`, and its mark left out: a size that is not true is worse
 * than none).
 */
export function fillSizeMarks(html: string, sizeOf: (sitePath: string) => number | undefined): { html: string; marks: number; missing: string[] } {
  let marks = 0;
  const missing: string[] = [];
  const filled = html.replace(MARK, (_, bare: string | undefined, sitePath: string) => {
    marks++;
    const bytes = sizeOf(sitePath);
    if (bytes === undefined) {
      missing.push(sitePath);
      return '';
    }
    return bare ? formatFileSize(bytes) : sizeSuffix(bytes);
  });
  return { html: filled, marks, missing };
}
