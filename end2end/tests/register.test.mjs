// Register 07: reception downloads the month's register from the inbox, and
// a reversed period is explained on the same form with the dates kept.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { scenario, squash } from '../support/portal.mjs';
import { noticeText, press, signInAs } from '../support/accounts.mjs';

scenario('Reception downloads the dossier register for a period from the inbox', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'tiepnhan@motcua.example');

  await portal.open('/can-bo');
  await page.getByLabel('Từ ngày', { exact: true }).fill('2026-11-20');
  await page.getByLabel('Đến ngày', { exact: true }).fill('2026-11-01');
  await press(portal, 'Tải sổ theo dõi (PDF)', (url) => url.pathname === '/can-bo');
  assert.match(await noticeText(page), /“Từ ngày” phải trước hoặc bằng “Đến ngày”/);
  assert.equal(await page.getByLabel('Từ ngày', { exact: true }).inputValue(), '2026-11-20', 'what was typed is kept');

  await page.getByLabel('Từ ngày', { exact: true }).fill('2026-11-01');
  await page.getByLabel('Đến ngày', { exact: true }).fill('2026-11-30');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải sổ theo dõi (PDF)' }).click(),
  ]);
  const text = squash(execFileSync('pdftotext', [await download.path(), '-']).toString());
  assert.ok(text.includes('SỔ THEO DÕI HỒ SƠ'), text);
  assert.match(text, /từ ngày 01\/11\/2026 đến ngày 30\/11\/2026/i, 'the period asked for');
});
