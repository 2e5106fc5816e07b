import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../src/node/chromium';

export const baseUrl = inject('baseUrl');

let browser: Browser | undefined;

export async function openBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export async function newPage(options: { width?: number; javaScript?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const b = await openBrowser();
  const context = await b.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true,
    locale: 'nl-NL',
  });
  const page = await context.newPage();
  return { context, page };
}

const require = createRequire(import.meta.url);
export const AXE_PATH: string = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string | undefined }>;
}

/**
 * Runs axe-core in the page on the WCAG 2.0/2.1 A and AA rules. axe is evaluated through the browser's
 * debugging protocol, not added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}`).join('\n')}`).join('\n');
}
