// Switching the portal between Vietnamese and English.

import assert from 'node:assert/strict';
import { eventually, scenario } from '../support/portal.mjs';

const HOME_TITLE = { vi: 'Tra cứu và nộp hồ sơ thủ tục hành chính', en: 'Find and file administrative procedures' };
const DOCUMENTS_HEADING = { vi: 'Thành phần hồ sơ', en: 'Required documents' };
const LANGUAGE_NAME = { vi: 'Tiếng Việt', en: 'English' };

scenario('A visitor switches to English, keeps English on the next pages, and switches back to Vietnamese', async (portal) => {
  const { page } = portal;

  await portal.open('/');
  await expectLanguage(portal, 'vi');
  assert.equal(await portal.textOf('main h1'), HOME_TITLE.vi);

  await switchTo(portal, 'en');
  assert.equal(portal.url().pathname, '/', 'the same page reloads in English');
  await expectLanguage(portal, 'en');
  assert.equal(await portal.textOf('main h1'), HOME_TITLE.en);

  // Coming back later to a page whose address says nothing about language.
  await portal.open('/thu-tuc/1.001193');
  await expectLanguage(portal, 'en');
  assert.ok(
    await page.getByRole('heading', { name: DOCUMENTS_HEADING.en, exact: true }).isVisible(),
    `the procedure page shows "${DOCUMENTS_HEADING.en}"`,
  );

  await switchTo(portal, 'vi');
  assert.equal(portal.url().pathname, '/thu-tuc/1.001193', 'the same page reloads in Vietnamese');
  await expectLanguage(portal, 'vi');
  assert.ok(
    await page.getByRole('heading', { name: DOCUMENTS_HEADING.vi, exact: true }).isVisible(),
    `the procedure page shows "${DOCUMENTS_HEADING.vi}"`,
  );

  await portal.open('/');
  await expectLanguage(portal, 'vi');
  assert.equal(await portal.textOf('main h1'), HOME_TITLE.vi);
});

/** Clicks the language's link in the header's language switch. */
async function switchTo(portal, lang) {
  const link = portal.page.locator('nav.language-switch').getByRole('link', { name: LANGUAGE_NAME[lang], exact: true });
  await portal.navigateBy((url) => url.searchParams.get('lang') === lang, () => link.click());
}

/** The page is marked up in `lang`, and the switch says so. */
async function expectLanguage(portal, lang) {
  const { page } = portal;
  await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), lang, `<html lang="${lang}">`));
  const current = page.locator('nav.language-switch a[aria-current="true"]');
  assert.equal(await current.count(), 1, 'exactly one language is marked as current');
  assert.equal((await current.innerText()).trim(), LANGUAGE_NAME[lang], `"${LANGUAGE_NAME[lang]}" is marked as current`);
}
