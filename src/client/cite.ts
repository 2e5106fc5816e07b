/**
 * Fills in today's date in the "Citeren" lines and turns on the copy buttons of citations and embed codes
 * (the buttons stay hidden without JavaScript, where the line reads "[datum]" for the reader to complete).
 * A build without a configured site address (SITE_URL) writes paths in citations and embed codes
 * (data-site-path); this puts the address the page was opened at before them.
 */
export function startCite(): void {
  const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  for (const slot of document.querySelectorAll<HTMLElement>('[data-cite-date]')) slot.textContent = today;
  completeSiteAddresses();
  if (!navigator.clipboard) return;
  for (const actions of document.querySelectorAll<HTMLElement>('[data-cite-actions]')) actions.hidden = false;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (button.dataset.bound) continue;
    button.dataset.bound = 'ja';
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copy ?? '');
      const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
      try {
        const text = source instanceof HTMLTextAreaElement ? source.value : source?.textContent;
        await navigator.clipboard.writeText(text?.trim() ?? '');
        if (status) status.textContent = 'Gekopieerd.';
      } catch {
        if (status) status.textContent = 'Kopiëren lukte niet; selecteer de tekst en kopieer die zelf.';
      }
    });
  }
}

function completeSiteAddresses(): void {
  if (!/^https?:$/.test(location.protocol)) return;
  for (const slot of document.querySelectorAll<HTMLElement>('[data-site-path]')) {
    const path = slot.dataset.sitePath!;
    if (slot instanceof HTMLTextAreaElement) slot.value = slot.value.replace(`"${path}"`, `"${location.origin}${path}"`);
    else slot.textContent = location.origin + path;
    slot.removeAttribute('data-site-path');
  }
  for (const notice of document.querySelectorAll<HTMLElement>('[data-site-notice]')) notice.hidden = true;
}
