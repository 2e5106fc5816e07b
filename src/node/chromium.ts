/**
 * Starts Debian's Chromium through playwright-core. A test tool's own browser download does not work on
 * these machines, so the executable comes from the system (apt-get install chromium). Background
 * networking is off: the machine has no network, and Chromium would otherwise keep trying.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  return process.env.CHROMIUM_PATH ?? CHROMIUM_PATHS.find((p) => existsSync(p));
}

/**
 * CSS for a full-page screenshot: sections that the page lays out only near the screen (`.render-near-screen`
 * in global.css) would be blank below the first screen; they are shown as a reader sees them once scrolled to.
 */
export const FULL_PAGE_SCREENSHOT_STYLE = '.render-near-screen { content-visibility: visible !important; }';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium niet gevonden; installeer het met: apt-get install chromium (of zet CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
