// Narrowing the catalogue with the filters, and paging through the results.

import assert from 'node:assert/strict';
import { eventually, scenario } from '../support/portal.mjs';
import {
  APPLY_FILTERS,
  NEXT_PAGE,
  PAGE_SIZE,
  PREVIOUS_PAGE,
  paginationLink,
  resultCards,
  resultsCount,
} from '../support/catalogue.mjs';

const CIVIL_STATUS = { value: 'HO_TICH', label: 'Hộ tịch' };
const FULLY_ONLINE = { value: 'full', label: 'Toàn trình' };

scenario(
  'A citizen filters the catalogue to "Hộ tịch" procedures that are fully online ("Toàn trình")',
  async (portal) => {
    const { page } = portal;
    await portal.open('/thu-tuc');

    const before = await resultCards(page);
    assert.ok(
      before.some((card) => !card.meta.includes(CIVIL_STATUS.label) || !card.meta.includes(FULLY_ONLINE.label)),
      'before filtering, the list also shows other procedures (otherwise the filter check proves nothing)',
    );

    const matchesFilters = await applyFilters(portal, { sector: CIVIL_STATUS, level: FULLY_ONLINE });
    await expectPagesMatch(portal, matchesFilters, { sector: CIVIL_STATUS, level: FULLY_ONLINE });
  },
);

scenario('A citizen pages through the "Hộ tịch" procedures with "Trang sau" and "Trang trước"', async (portal, t) => {
  const { page } = portal;
  await portal.open('/thu-tuc');

  const sectorCount = await optionCount(page, CIVIL_STATUS);
  if (sectorCount <= PAGE_SIZE) {
    t.diagnostic(`only ${sectorCount} "${CIVIL_STATUS.label}" procedures: one page, nothing to page through`);
  }
  const matchesFilters = await applyFilters(portal, { sector: CIVIL_STATUS });
  assert.equal(await resultsCount(page), sectorCount, 'the count matches the one shown in the sector list');
  await expectPagesMatch(portal, matchesFilters, { sector: CIVIL_STATUS });
});

/**
 * Chooses the filters, clicks "Áp dụng" and checks the address keeps them.
 * Returns a check that a result card matches them.
 */
async function applyFilters(portal, { sector, level }) {
  const { page } = portal;
  const sectorSelect = page.locator('select[name=sector]');
  const levelSelect = page.locator('select[name=level]');

  await sectorSelect.selectOption(sector.value);
  assert.match(
    await sectorSelect.locator('option:checked').innerText(),
    new RegExp(`^${sector.label} \\(\\d+\\)$`),
    `the sector list shows "${sector.label} (number of procedures)"`,
  );
  if (level) await levelSelect.selectOption(level.value);

  const url = await portal.navigateBy(
    (next) =>
      next.pathname === '/thu-tuc' &&
      next.searchParams.get('sector') === sector.value &&
      (!level || next.searchParams.get('level') === level.value),
    () => page.getByRole('button', { name: APPLY_FILTERS, exact: true }).click(),
  );
  assert.equal(url.searchParams.get('sector'), sector.value, 'the address keeps the sector');
  if (level) assert.equal(url.searchParams.get('level'), level.value, 'the address keeps the level');

  const matches = (card) =>
    card.meta.includes(sector.label) && (!level || card.meta.includes(level.label));
  await eventually(async () => {
    const cards = await resultCards(page);
    assert.ok(cards.length > 0, 'some procedures match');
    for (const card of cards) {
      assert.ok(matches(card), `"${card.title}" shows ${describe(sector, level)}; its details read: ${card.meta.join(' · ')}`);
    }
  });

  assert.equal(await sectorSelect.inputValue(), sector.value, 'the sector stays selected');
  if (level) assert.equal(await levelSelect.inputValue(), level.value, 'the level stays selected');
  return matches;
}

/**
 * From the first page of filtered results: if there are more than a page of
 * them, "Trang sau" leads through every page, each with other procedures that
 * still match the filters, and "Trang trước" leads back; otherwise there is
 * no next page.
 */
async function expectPagesMatch(portal, matches, filters) {
  const { page } = portal;
  const total = await resultsCount(page);
  const firstPage = await resultCards(page);

  if (total <= PAGE_SIZE) {
    assert.equal(firstPage.length, total, `all ${total} results are on one page`);
    assert.equal(await paginationLink(page, NEXT_PAGE), null, 'there is no "Trang sau" with a single page');
    return;
  }

  assert.equal(firstPage.length, PAGE_SIZE, `the first page shows ${PAGE_SIZE} of ${total}`);
  const seen = new Set(firstPage.map((card) => card.code));
  let previousCodes = firstPage.map((card) => card.code).join();
  const pageCount = Math.ceil(total / PAGE_SIZE);

  for (let number = 2; number <= pageCount; number += 1) {
    const next = await paginationLink(page, NEXT_PAGE);
    assert.ok(next, `page ${number - 1} of ${pageCount} has a "Trang sau" link`);
    const url = await portal.navigateBy(
      (candidate) => candidate.searchParams.get('page') === String(number),
      () => next.click(),
    );
    assert.equal(url.searchParams.get('sector'), filters.sector.value, `page ${number} keeps the sector`);
    if (filters.level) assert.equal(url.searchParams.get('level'), filters.level.value, `page ${number} keeps the level`);

    const cards = await eventually(async () => {
      const shown = await resultCards(page);
      assert.ok(shown.length > 0, `page ${number} shows procedures`);
      assert.notEqual(shown.map((card) => card.code).join(), previousCodes, `page ${number} shows other procedures`);
      return shown;
    });
    for (const card of cards) {
      assert.ok(!seen.has(card.code), `"${card.title}" appears on only one page`);
      assert.ok(matches(card), `"${card.title}" on page ${number} still matches the filters`);
      seen.add(card.code);
    }
    previousCodes = cards.map((card) => card.code).join();
    assert.ok(await paginationLink(page, PREVIOUS_PAGE), `page ${number} has a "Trang trước" link`);
  }

  assert.equal(await paginationLink(page, NEXT_PAGE), null, 'the last page has no "Trang sau"');
  assert.equal(seen.size, total, `the pages together show all ${total} results`);

  const back = await paginationLink(page, PREVIOUS_PAGE);
  const expectedPage = pageCount - 1;
  await portal.navigateBy(
    (url) => (url.searchParams.get('page') ?? '1') === String(expectedPage),
    () => back.click(),
  );
  if (expectedPage === 1) {
    const firstCodes = firstPage.map((card) => card.code).join();
    await eventually(async () =>
      assert.equal((await resultCards(page)).map((card) => card.code).join(), firstCodes, '"Trang trước" returns to page 1'),
    );
  }
}

/** The number of procedures in a sector, from its option label "Hộ tịch (15)". */
async function optionCount(page, sector) {
  const label = await page.locator(`select[name=sector] option[value="${sector.value}"]`).innerText();
  const match = label.trim().match(/\((\d+)\)$/);
  assert.ok(match, `the "${sector.label}" option shows a count, got "${label}"`);
  return Number(match[1]);
}

function describe(sector, level) {
  return level ? `"${sector.label}" and "${level.label}"` : `"${sector.label}"`;
}
