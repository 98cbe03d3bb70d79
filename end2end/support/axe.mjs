// Accessibility check of every page the stories visit: axe-core with the
// WCAG 2.1 A and AA rules. Serious and critical findings fail the story.
//
// axe is a script: in a story with JavaScript disabled it cannot run in
// the story's own page, so the page's HTML, as the server sent it and with
// its scripts left out, is checked in a separate JavaScript-enabled tab of
// the same size at the same address (its styles load from the portal).
// Set MOTCUA_AXE=0 to skip it while debugging something else.

import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** Addresses already checked in this test file, per mode. */
const checked = new Set();

/**
 * @param {import('playwright-core').Page} page
 * @param {{ name: string }} mode
 * @returns {Promise<string[]>} one line per serious or critical violation
 */
export async function checkAccessibility(page, mode) {
  if (process.env.MOTCUA_AXE === '0') return [];
  const url = new URL(page.url());
  if (!url.protocol.startsWith('http')) return [];
  // Only HTML pages: a PDF or a download has nothing for axe.
  if (mode.javaScriptEnabled) {
    const contentType = await page.evaluate(() => document.contentType).catch(() => '');
    if (contentType !== 'text/html') return [];
  }
  const key = `${mode.name} ${url.pathname}${url.search}`;
  if (checked.has(key)) return [];
  checked.add(key);
  let results;
  try {
    results = mode.javaScriptEnabled
      ? await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
      : await analyzeWithoutPageScripts(page, url);
    if (!results) return [];
  } catch (error) {
    // The page moved on while axe ran (a redirect, a client-side navigation):
    // forget the address so the next visit checks it.
    if (/context was destroyed|navigat|Target closed/i.test(error.message)) {
      checked.delete(key);
      return [];
    }
    throw error;
  }
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact))
    .map(
      (violation) =>
        `${url.pathname}${url.search}: ${violation.id} (${violation.impact}) ${violation.help} — ` +
        violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', '),
    );
}

/** axe on a copy of a page whose own JavaScript is off (see the top). */
async function analyzeWithoutPageScripts(page, url) {
  const html = await page.content();
  if (!/<html/i.test(html)) return undefined;
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  const copy = await browser.newContext({ viewport: page.viewportSize() ?? undefined, javaScriptEnabled: true });
  try {
    const tab = await copy.newPage();
    await tab.route(url.href, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withoutScripts }));
    await tab.route(/\.(js|wasm)(\?|$)/, (route) => route.abort());
    await tab.goto(url.href, { waitUntil: 'load' });
    return await new AxeBuilder({ page: tab }).withTags(WCAG_TAGS).analyze();
  } finally {
    await copy.close();
  }
}
