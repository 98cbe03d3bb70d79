// Accessibility check of every page the stories visit: axe-core with the
// WCAG 2.1 A and AA rules. Serious and critical findings fail the story.
//
// axe runs in the page through Playwright's evaluation, which works with
// JavaScript disabled too (the page's own scripts are off, not Playwright's).
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
  const contentType = await page
    .evaluate(() => document.contentType)
    .catch(() => '');
  if (contentType !== 'text/html') return [];
  const key = `${mode.name} ${url.pathname}${url.search}`;
  if (checked.has(key)) return [];
  checked.add(key);
  let results;
  try {
    results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
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
