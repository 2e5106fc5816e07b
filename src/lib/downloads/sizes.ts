/**
 * The size beside every download link ("CSV voor Excel, 1,2 MB"), true to the byte of the file written.
 *
 * The downloads are written by a worker thread while the pages render (src/integrations/downloads.ts), so a
 * page cannot know a file's size when it is rendered, and making the file a second time on the page's thread
 * would double the work. A page therefore writes a mark where the size goes, an HTML comment naming the
 * file; once every file is written, the build replaces each mark by the size of the file on disk
 * (fillSizeMarks, src/node/site-downloads.ts). Unfilled (the dev server), a mark is an invisible comment.
 * formatFileSize and sizeSuffix are also used in the browser, for the files a table page makes of a changed
 * selection.
 */
import { formatNumber } from '../format/number';

/** Site paths a mark may hold: the download paths have no characters HTML would escape or a comment forbids. */
const SAFE_PATH = /^\/[\w\-./]+$/;

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

/** How every mark begins (searched for in a page's bytes while it is rendered, see src/integrations/downloads.ts). */
export const SIZE_MARK_START = '<!--grootte';

/** Whether a page has marks to fill (the build notes such pages as they are rendered, see src/node/page-taps.ts). */
export function hasSizeMarks(html: string): boolean {
  return html.includes(SIZE_MARK_START);
}
