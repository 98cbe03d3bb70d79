// On a 390 px phone the page's own content starts in the first screen: a
// compact header, and a search whose filters fold away below the count.

import assert from 'node:assert/strict';
import { eventually, scenario } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';
import { expectFirstResult } from '../support/catalogue.mjs';
import { actOn, fileBirthRegistration } from '../support/back-office.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function headerHeight(page) {
  return page.evaluate(() => document.querySelector('header.site-header').getBoundingClientRect().height);
}

scenario(
  'On a 390 px phone, a search shows its count and first result in the first screen, the filters folded below the count',
  async (portal) => {
    const { page } = portal;
    await portal.open('/thu-tuc?q=khai+sinh');
    const header = await headerHeight(page);
    assert.ok(header <= 200, `the header takes ${header} px of the 844 px screen`);
    await expectFirstResult(page, 'Đăng ký khai sinh');
    const first = await page.locator('li.procedure-card').first().boundingBox();
    assert.ok(first.y < 600, `the first result starts ${first.y} px down`);
    const count = await page.locator('p.results-count').boundingBox();
    const filters = await page.getByText('Lọc kết quả', { exact: true }).first().boundingBox();
    assert.ok(count.y < filters.y, 'the count comes before the filters');

    // Folded, yet one tap away — with or without JavaScript (a <details>).
    const sector = page.getByLabel('Lĩnh vực', { exact: true });
    assert.equal(await sector.isVisible(), false, 'the filters are folded');
    await page.getByText('Lọc kết quả', { exact: true }).first().click();
    await eventually(async () => assert.ok(await sector.isVisible(), 'the filters open'));
  },
  { context: PHONE },
);

scenario(
  'On a 390 px phone, the header stays compact for an official with many links',
  async (portal) => {
    const { page } = portal;
    await signInAs(portal, 'quanly@motcua.example');
    await portal.open('/thong-ke');
    const header = await headerHeight(page);
    assert.ok(header <= 300, `the header takes ${header} px of the 844 px screen`);
    const heading = await page.locator('main h1').boundingBox();
    assert.ok(heading.y < 422, `the page's heading starts ${heading.y} px down, in the top half of the screen`);
    // The statistics table scrolls inside its own region, not the page.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    const region = page.locator('.table-scroll[role=region][tabindex="0"]').first();
    assert.ok(await region.getAttribute('aria-label'), 'the scrolling table is a named region keyboard users can scroll');
  },
  { context: PHONE },
);

scenario(
  'On a 1366 px screen, the statistics table shows its figures without clipping the page',
  async (portal) => {
    const { page } = portal;
    // A dossier accepted today gives the report a row of its own, whatever
    // ran before.
    const code = await fileBirthRegistration(portal);
    await signInAs(portal, 'tiepnhan@motcua.example');
    await actOn(portal, code, 'Tiếp nhận');
    await signInAs(portal, 'quanly@motcua.example');
    await portal.open('/thong-ke');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1366, `the page is ${width} px wide`);
    // The heading column stays in view while the figures scroll.
    const sticky = await page.locator('table.report tbody th, table.report tbody td').first().evaluate((cell) => getComputedStyle(cell).position);
    assert.equal(sticky, 'sticky');
  },
  { context: { viewport: { width: 1366, height: 768 } } },
);
