/**
 * The selection of a table page, in the browser. The page is complete without this script (default table,
 * downloads of the default selection); the script enables the selection form, keeps the selection in the
 * address (so it can be shared and reopened), fetches the compact figures of the chosen periods only when
 * needed, and renders the table again with the same pure modules the build uses.
 */
import { decodeRegions, decodeRows, type CompactPeriod, type CompactTable } from '../lib/tables/compact';
import { formatNumber } from '../lib/format/number';
import { buildPivot } from '../lib/tables/pivot';
import { renderRegionChips, renderTable, renderTableNotes } from '../lib/tables/render-html';
import {
  defaultSelection,
  describeRegionToken,
  dimensionIds,
  parseSelection,
  readRegionToken,
  regionNameWithKind,
  resolveRegionTokens,
  serialiseSelection,
  topicParam,
  type Selection,
  type SelectionContext,
} from '../lib/tables/selection';
import type { DownloadFormat } from '../lib/downloads/files';
import { sizeSuffix } from '../lib/downloads/sizes';
import { SELECTION_FORMATS, selectionFile } from '../lib/tables/selection-download';
import type { RegionInfo, TableRow, TableSource } from '../lib/tables/table-source';

interface Loaded {
  table: CompactTable;
  regions: RegionInfo[];
  context: SelectionContext;
  rows: Map<string, Promise<TableRow[]>>;
}

const TABLE_ID = 'tabel';

export function initTablePage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-table-form]');
  const container = root.querySelector<HTMLElement>('[data-table-container]');
  const notes = root.querySelector<HTMLElement>('[data-table-notes]');
  const status = root.querySelector<HTMLElement>('[data-table-status]');
  if (!form || !container || !notes || !status) return;
  const controls = form.querySelector<HTMLFieldSetElement>('[data-selection-controls]')!;
  const chips = form.querySelector<HTMLElement>('[data-region-chips]')!;
  const permalink = root.querySelector<HTMLAnchorElement>('[data-permalink]');
  controls.disabled = false;
  form.querySelector<HTMLElement>('[data-js-note]')!.hidden = true;
  // On a phone the form is folded to its groups' names (the regions stay open), so "Tabel bijwerken" is near.
  if (matchMedia('(max-width: 40rem)').matches) {
    for (const group of form.querySelectorAll<HTMLDetailsElement>('details[data-sel-group]:not(.sel-regions)')) group.open = false;
  }

  let loaded: Promise<Loaded> | undefined;
  let current: Selection | undefined;
  /** The files of the changed selection, made with the table so that each link can show its true size. */
  let files: Map<DownloadFormat, { name: string; type: string; text: string }> | undefined;
  let renderCount = 0;

  const load = (): Promise<Loaded> => {
    if (!loaded) {
      loaded = fetchJson<CompactTable>(form.dataset.tableUrl!).then((table) => {
        const regions = decodeRegions(table.regions);
        return { table, regions, context: { meta: table.meta, periods: table.periods, regions }, rows: new Map() };
      });
      // A failed fetch is tried again at the next change.
      loaded.catch(() => (loaded = undefined));
    }
    return loaded;
  };

  const rowsOf = (data: Loaded, period: string): Promise<TableRow[]> => {
    let rows = data.rows.get(period);
    if (!rows) {
      rows = fetchJson<CompactPeriod>(`${form.dataset.periodsUrl}${period}.json`).then((file) => decodeRows(data.table, data.regions, [file]));
      data.rows.set(period, rows);
      rows.catch(() => data.rows.delete(period));
    }
    return rows;
  };

  const say = (text: string) => {
    status.textContent = text;
  };

  /** Fetches what the selection needs, renders the table and notes, and writes the selection back to form and address. */
  async function apply(selection: Selection, messages: string[] = []): Promise<void> {
    const ticket = ++renderCount;
    say('Cijfers laden…');
    try {
      const data = await load();
      const rows = (await Promise.all(selection.periods.map((p) => rowsOf(data, p)))).flat();
      if (ticket !== renderCount) return;
      const source: TableSource = { meta: data.table.meta, periods: data.table.periods, indeling: data.table.indeling, regions: data.regions, rows };
      const pivot = buildPivot(source, selection, { id: TABLE_ID });
      container!.innerHTML = renderTable(pivot);
      notes!.innerHTML = renderTableNotes(pivot, { legendHref: '#verklaring-van-tekens' });
      // The scroll region is named by the caption; without a table it needs a name of its own.
      if (pivot.rowCount > 0) {
        container!.setAttribute('aria-labelledby', `${TABLE_ID}-caption`);
        container!.removeAttribute('aria-label');
      } else {
        container!.removeAttribute('aria-labelledby');
        container!.setAttribute('aria-label', 'Tabel');
      }
      current = { ...selection, rows: pivot.placement.rows, columns: pivot.placement.columns };
      writeForm(form!, chips, current, data);
      const query = serialiseSelection(current, data.context);
      history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
      if (permalink) {
        permalink.href = location.href;
        permalink.textContent = decodeURIComponent(location.pathname + location.search);
      }
      files = new Map(SELECTION_FORMATS.map((format) => [format, selectionFile(source, current!, format, { permalink: location.href, release: data.table.release })]));
      for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-download]')) {
        const file = files.get(link.dataset.download as DownloadFormat);
        const size = link.querySelector('[data-download-size]');
        if (file && size) size.textContent = sizeSuffix(new TextEncoder().encode(file.text).length);
      }
      const size =
        pivot.rowCount > 0
          ? `Tabel bijgewerkt: ${count(pivot.rowCount, 'rij', 'rijen')}, ${count(pivot.columnCount, 'kolom', 'kolommen')}.`
          : 'Geen tabel.';
      say([size, ...messages, ...pivot.messages].join(' '));
    } catch (error) {
      if (ticket === renderCount) say(`De cijfers konden niet worden geladen (${(error as Error).message}). De tabel hieronder is niet bijgewerkt.`);
    }
  }

  async function update(change?: (selection: Selection, data: Loaded) => string | void): Promise<void> {
    const data = await load().catch((error: Error) => {
      say(`De cijfers konden niet worden geladen (${error.message}).`);
      return undefined;
    });
    if (!data) return;
    const selection = readForm(form!, current ?? defaultSelection(data.context), data.context);
    const message = change?.(selection, data);
    await apply(selection, message ? [message] : []);
  }

  form.addEventListener('change', (event) => {
    writeCounts(form);
    const target = event.target as HTMLElement;
    // The controls that add regions act on their button, not on every change.
    if (target.closest('.add-row')) return;
    void update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  form.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.matches('[data-region-name]')) {
      event.preventDefault();
      form.querySelector<HTMLButtonElement>('[data-action="add-name"]')!.click();
    }
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action], button[data-remove]');
    if (!button) return;
    const fieldset = button.closest('fieldset')!;
    const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const removing = button.dataset.remove;
    if (removing !== undefined) {
      void update((selection) => {
        selection.regions = selection.regions.filter((t) => t !== removing);
        return `Verwijderd: ${button.previousElementSibling?.textContent ?? removing}.`;
      });
      return;
    }
    switch (button.dataset.action) {
      case 'all':
        boxes.forEach((b) => (b.checked = true));
        return void update();
      case 'latest':
        boxes.forEach((b, i) => (b.checked = i === 0));
        return void update();
      case 'total':
        boxes.forEach((b) => (b.checked = b.hasAttribute('data-total')));
        return void update();
      case 'swap':
        return void update((selection) => {
          [selection.rows, selection.columns] = [selection.columns, selection.rows];
        });
      case 'reset':
        return void load().then((data) => apply(defaultSelection(data.context), ['Standaardtabel hersteld.']));
      case 'clear-regions':
        return void update((selection) => {
          selection.regions = [];
        });
      case 'add-group':
        return void update((selection, data) => addGroup(form, selection, data));
      case 'add-name':
        return void update((selection, data) => addByName(form, selection, data));
    }
  });

  // The names of all regions for the name field, fetched when the reader goes there.
  const nameInput = form.querySelector<HTMLInputElement>('[data-region-name]');
  nameInput?.addEventListener(
    'focus',
    () => {
      void load().then((data) => {
        const list = form.querySelector<HTMLDataListElement>('[data-region-names]')!;
        const fragment = document.createDocumentFragment();
        for (const region of data.regions) {
          const option = document.createElement('option');
          option.value = regionNameWithKind(region, data.regions);
          fragment.append(option);
        }
        list.replaceChildren(fragment);
      });
    },
    { once: true },
  );

  root.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-download]');
    // Until the selection changes, the files built with the site are the selection.
    const file = link && files?.get(link.dataset.download as DownloadFormat);
    if (!file) return;
    event.preventDefault();
    const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
    const temporary = document.createElement('a');
    temporary.href = url;
    temporary.download = file.name;
    document.body.append(temporary);
    temporary.click();
    temporary.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Download ${file.name} gemaakt.`);
  });

  // A shared address restores its selection.
  if (location.search.length > 1) {
    void load()
      .then((data) => {
        const parsed = parseSelection(location.search, data.context);
        return apply(parsed.selection, parsed.messages);
      })
      .catch((error: Error) => say(`De selectie uit het adres kon niet worden geladen (${error.message}).`));
  }
}

function count(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>('input')]
    .filter((input) => input.name === name && (input.type === 'hidden' || input.checked))
    .map((input) => input.value);
}

/** The selection the form shows; rows and columns keep their order, newly placed dimensions go last. */
function readForm(form: HTMLFormElement, previous: Selection, context: SelectionContext): Selection {
  const places = new Map<string, string>();
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-place]')) places.set(select.dataset.place!, select.value);
  const placed = (side: 'rijen' | 'kolommen', before: string[]) => [
    ...before.filter((d) => places.get(d) === side),
    ...dimensionIds(context.meta).filter((d) => places.get(d) === side && !before.includes(d)),
  ];
  const view = form.querySelector<HTMLInputElement>('input[name="indeling"]:checked')?.value === 'gepubliceerd' ? 'gepubliceerd' : 'omgerekend';
  return {
    regions: checkedValues(form, 'regio'),
    periods: context.periods.filter((p) => checkedValues(form, 'perioden').includes(p)),
    topics: Object.fromEntries(context.meta.dimensions.map((d) => [d.id, checkedValues(form, topicParam(d.id))])),
    measures: checkedValues(form, 'maat'),
    rows: placed('rijen', previous.rows),
    columns: placed('kolommen', previous.columns),
    view,
  };
}

/** "3 van 22 gekozen" beside the name of each group of checkboxes. */
function writeCounts(form: HTMLFormElement): void {
  for (const count of form.querySelectorAll<HTMLElement>('[data-sel-count]')) {
    const boxes = [...count.closest('details')!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    count.textContent = `${boxes.filter((b) => b.checked).length} van ${boxes.length} gekozen`;
  }
}

function writeForm(form: HTMLFormElement, chips: HTMLElement, selection: Selection, data: Loaded): void {
  chips.innerHTML = renderRegionChips(selection.regions, data.regions);
  const chosen = new Map<string, string[]>([
    ['perioden', selection.periods],
    ['maat', selection.measures],
    ...data.table.meta.dimensions.map((d): [string, string[]] => [topicParam(d.id), selection.topics[d.id] ?? []]),
  ]);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const values = chosen.get(input.name);
    if (values) input.checked = values.includes(input.value);
  }
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="indeling"]')) input.checked = input.value === selection.view;
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-place]')) {
    const dim = select.dataset.place!;
    select.value = selection.rows.includes(dim) ? 'rijen' : selection.columns.includes(dim) ? 'kolommen' : '';
  }  writeCounts(form);
}

function addGroup(form: HTMLFormElement, selection: Selection, data: Loaded): string {
  const kind = form.querySelector<HTMLSelectElement>('[data-region-kind]')!.value;
  const scope = form.querySelector<HTMLSelectElement>('[data-region-scope]')!.value;
  const scoped = scope && (kind === 'gemeenten' || kind === 'wijken') ? readRegionToken(`${kind}-${scope}`) : undefined;
  const token = scoped?.token ?? kind;
  const found = resolveRegionTokens([token], data.regions).length;
  const name = describeRegionToken(token, data.regions);
  if (found === 0) return `Geen regio's gevonden voor ${name}.`;
  if (selection.regions.includes(token)) return `${name} staat al in de selectie.`;
  selection.regions.push(token);
  const ignored = scope && !scoped ? ' (‘binnen’ geldt alleen voor gemeenten en wijken)' : '';
  return `Toegevoegd: ${name}${ignored}.`;
}

function addByName(form: HTMLFormElement, selection: Selection, data: Loaded): string {
  const input = form.querySelector<HTMLInputElement>('[data-region-name]')!;
  const text = input.value.trim();
  if (!text) return 'Typ eerst de naam van een regio.';
  const wanted = text.toLocaleLowerCase('nl');
  const exact = data.regions.filter((r) => regionNameWithKind(r, data.regions).toLocaleLowerCase('nl') === wanted || r.code === text.toUpperCase());
  const matches = exact.length > 0 ? exact : data.regions.filter((r) => r.label.toLocaleLowerCase('nl') === wanted);
  if (matches.length === 0) return `Geen regio gevonden met de naam “${text}”.`;
  if (matches.length > 1) return `Er zijn ${matches.length} regio's met de naam “${text}”: ${matches.slice(0, 5).map((r) => regionNameWithKind(r, data.regions)).join(', ')}. Kies er een uit de lijst.`;
  const region = matches[0]!;
  input.value = '';
  if (selection.regions.includes(region.code)) return `${regionNameWithKind(region, data.regions)} staat al in de selectie.`;
  selection.regions.push(region.code);
  return `Toegevoegd: ${regionNameWithKind(region, data.regions)}.`;
}

