// What a user reads and does on the catalogue pages, in the portal's own
// words. Selectors live here so the tests read as stories.

import assert from 'node:assert/strict';
import { eventually, squash } from './portal.mjs';

export const SEARCH_LABEL = 'Tìm thủ tục hành chính';
export const SEARCH_BUTTON = 'Tìm kiếm';
export const APPLY_FILTERS = 'Áp dụng';
export const NEXT_PAGE = 'Trang sau';
export const PREVIOUS_PAGE = 'Trang trước';
/** Results per page in the catalogue. */
export const PAGE_SIZE = 10;

/** The labelled search box, as a user finds it: by its label. */
export function searchBox(page) {
  return page.getByLabel(SEARCH_LABEL, { exact: true });
}

/** True for `/thu-tuc?q=<exactly text>`: browsers send form text as typed, unnormalised. */
export function isSearchFor(text) {
  return (url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === text;
}

/**
 * Types `text` into the search box on the current page and submits it, by
 * pressing Enter or clicking "Tìm kiếm". Returns the results page's URL.
 *
 * @param {import('./portal.mjs').Portal} portal
 * @param {string} text
 * @param {{ submit?: 'Enter' | 'button', typeKeys?: boolean }} [how]
 */
export async function search(portal, text, { submit = 'Enter', typeKeys = false } = {}) {
  const box = searchBox(portal.page);
  if (typeKeys) {
    await box.clear();
    await box.pressSequentially(text);
  } else {
    await box.fill(text);
  }
  const url = await portal.navigateBy(isSearchFor(text), () =>
    submit === 'Enter'
      ? box.press('Enter')
      : portal.page.getByRole('button', { name: SEARCH_BUTTON, exact: true }).click(),
  );
  assert.equal(url.pathname, '/thu-tuc');
  return url;
}

/**
 * The result cards, in order, as `{ title, href, code, meta: string[] }`.
 * Read in one go, so a list being re-rendered is never read half old, half new.
 */
export async function resultCards(page) {
  const cards = await page.locator('ul.procedure-list > li.procedure-card').evaluateAll((items) =>
    items.map((card) => {
      const link = card.querySelector('h3.procedure-card__title > a');
      return {
        title: link?.innerText ?? '',
        href: link?.getAttribute('href') ?? '',
        code: card.querySelector('.procedure-card__meta .code')?.innerText ?? '',
        meta: [...card.querySelectorAll('p.procedure-card__meta > span')].map((span) => span.innerText),
      };
    }),
  );
  return cards.map((card) => ({ ...card, title: squash(card.title), code: squash(card.code), meta: card.meta.map(squash) }));
}

/** The link of the first result. */
export function firstResultLink(page) {
  return page.locator('ul.procedure-list > li.procedure-card').first().locator('h3.procedure-card__title > a');
}

/** Waits until the results list is shown and its first title is `title`. */
export async function expectFirstResult(page, title) {
  await eventually(async () => {
    const cards = await resultCards(page);
    assert.ok(cards.length > 0, 'the results list shows at least one procedure');
    assert.equal(cards[0].title, title, `the first result is "${title}"`);
  });
}

/** The number in "9 thủ tục". */
export async function resultsCount(page) {
  const text = squash(await page.locator('p.results-count').innerText());
  const match = text.match(/^(\d[\d.]*)\s/);
  assert.ok(match, `results count reads like "9 thủ tục", got "${text}"`);
  return Number(match[1].replace(/\./g, ''));
}

/** A pagination link by its visible name, or null when the page has none. */
export async function paginationLink(page, name) {
  const link = page.locator('nav.pagination').getByRole('link', { name, exact: true });
  return (await link.count()) > 0 ? link : null;
}
