/**
 * The pages a build hands to its taps as it renders them (src/node/page-taps.ts): the file each path is
 * written to, and the size marks filled in only on the pages the build noted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sizeMark } from '../../src/lib/downloads/sizes';
import { builtPageFile, closePageTap, openPageTap, openPageTaps, RenderedPage } from '../../src/node/page-taps';
import { fillDownloadSizes } from '../../src/node/site-downloads';

describe('builtPageFile', () => {
  it('names the file Astro writes a page path to (build.format directory)', () => {
    expect(builtPageFile('/')).toBe('index.html');
    expect(builtPageFile('/gemeente/amsterdam/')).toBe('gemeente/amsterdam/index.html');
    expect(builtPageFile('/downloads/jeugdhulp')).toBe('downloads/jeugdhulp/index.html');
    expect(builtPageFile('/404.html')).toBe('404.html');
    expect(builtPageFile('/gemeente/s-hertogenbosch%20x/')).toBe('gemeente/s-hertogenbosch x/index.html');
  });
});

describe('page taps', () => {
  afterEach(() => {
    closePageTap('a');
    closePageTap('b');
  });

  it('are open by name until closed, one per name', () => {
    const seen: string[] = [];
    openPageTap('a', (p) => seen.push(`a${p.pathname}`));
    openPageTap('a', (p) => seen.push(`A${p.pathname}`));
    openPageTap('b', (p) => seen.push(`b${p.pathname}`));
    for (const tap of openPageTaps()) tap(new RenderedPage('/x/', Buffer.from('<p></p>')));
    closePageTap('b');
    for (const tap of openPageTaps()) tap(new RenderedPage('/y/', Buffer.from('<p></p>')));
    expect(seen).toEqual(['A/x/', 'b/x/', 'A/y/']);
  });

  it('hand over a page as its bytes, searched without decoding', () => {
    const page = new RenderedPage('/gemeente/sudwest-fryslan/', Buffer.from('<main data-pagefind-body><h1>Súdwest-Fryslân</h1><!--grootte:/downloads/a.csv--></main>'));
    expect(page.has('data-pagefind-body')).toBe(true);
    expect(page.has('<!--grootte')).toBe(true);
    expect(page.has('Súdwest')).toBe(true);
    expect(page.has('Sudwest')).toBe(false);
  });
});

describe('fillDownloadSizes on the pages noted while rendering', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('fills the noted pages and reads no other', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'taps-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir!, file)), { recursive: true });
      writeFileSync(path.join(dir!, file), text);
    };
    write('downloads/a.csv', 'x'.repeat(4_630));
    write('downloads/index.html', `<a href="/downloads/a.csv">CSV${sizeMark('/downloads/a.csv')}</a>`);
    // Not noted: left as it is (a full scan would fill it).
    write('tabellen/index.html', `<a href="/downloads/a.csv">CSV${sizeMark('/downloads/a.csv')}</a>`);
    expect(fillDownloadSizes(dir, ['/downloads/'])).toEqual({ pages: 1, marks: 1 });
    expect(readFileSync(path.join(dir, 'downloads/index.html'), 'utf8')).toBe('<a href="/downloads/a.csv">CSV, 4,6 kB</a>');
    expect(readFileSync(path.join(dir, 'tabellen/index.html'), 'utf8')).toContain('<!--grootte');
  });
});
