// A manager reads Biểu 06 for last quarter and downloads it as CSV.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { scenario, squash } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

scenario('The demo manager opens the statistics, picks last quarter and downloads the CSV', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'quanly@motcua.example');
  await portal.navigateBy((url) => url.pathname === '/thong-ke', () => page.getByRole('link', { name: 'Thống kê tình hình giải quyết hồ sơ' }).click());
  await portal.waitUntilInteractive();
  await portal.navigateBy((url) => url.searchParams.get('tu')?.endsWith('-01') ?? false, () => page.getByRole('link', { name: 'Quý trước', exact: true }).click());
  const caption = squash(await page.locator('table.report caption').innerText());
  assert.match(caption, /từ ngày 01\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}/, caption);
  assert.ok(squash(await page.locator('table.report tfoot').innerText()).startsWith('Tổng cộng'), 'a totals row');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về CSV' }).click()]);
  const csv = (await readFile(await download.path())).toString('utf8');
  assert.ok(csv.startsWith('\ufeff') && csv.includes('Tổng cộng'), 'a CSV Excel reads with its diacritics');
});
