// A manager reads Biểu 06 for last quarter, sees its charts and the
// service index, and downloads it as Excel (read back by openpyxl) and
// CSV; a leader watches the operations view.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenario, squash } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

/** The form sheet's caption, frozen cell and totals row, as openpyxl reads them. */
function readWorkbook(path) {
  const script = [
    'import json, sys, openpyxl',
    'sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
    'rows = [list(r) for r in sheet.iter_rows(min_row=9, values_only=True)]',
    'total = next(r for r in rows if r[1] == "Tổng cộng")',
    'print(json.dumps({"caption": sheet["A3"].value, "frozen": sheet.freeze_panes, "total": total}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path]).toString());
}

scenario('The demo manager opens the statistics, picks last quarter and downloads the Excel file and the CSV', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'quanly@motcua.example');
  await portal.navigateBy((url) => url.pathname === '/thong-ke', () => page.getByRole('link', { name: 'Thống kê tình hình giải quyết hồ sơ' }).click());
  await portal.waitUntilInteractive();
  await portal.navigateBy((url) => url.searchParams.get('tu')?.endsWith('-01') ?? false, () => page.getByRole('link', { name: 'Quý trước', exact: true }).click());
  const caption = squash(await page.locator('table.report--form caption').innerText());
  assert.match(caption, /từ ngày 01\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}/, caption);
  assert.ok(squash(await page.locator('table.report--form tfoot').innerText()).startsWith('Tổng cộng'), 'a totals row');
  assert.equal(await page.locator('figure.chart svg[role="img"]').count(), 3, 'three charts, drawn without JavaScript');
  assert.ok(await page.getByRole('heading', { name: /Quyết định 766/ }).isVisible(), 'the service index');
  assert.equal(await page.locator('.score-card').count(), 5, 'one card per group of Decision 766');

  const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về Excel (.xlsx)' }).click()]);
  // openpyxl goes by the file's extension.
  const path = join(tmpdir(), `bieu-06-${process.pid}-${portal.javaScriptEnabled ? 'js' : 'html'}.xlsx`);
  await workbook.saveAs(path);
  assert.equal(workbook.suggestedFilename().endsWith('.xlsx'), true, workbook.suggestedFilename());
  assert.equal((await readFile(path)).subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
  const sheet = readWorkbook(path);
  assert.equal(sheet.caption, caption, 'the same agency and period as on screen');
  // STT and the unit's name stay in view; the figures start in column C.
  assert.equal(sheet.frozen, 'C9');
  assert.ok(sheet.total.slice(2, 13).every((cell) => typeof cell === 'number'), `numbers, not text: ${sheet.total}`);
  // The totals row: STT (empty), "Tổng cộng", then the received total.
  const shownTotal = Number(squash(await page.locator('table.report--form tfoot td').nth(1).innerText()));
  assert.equal(sheet.total[2], shownTotal, 'the received total as displayed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về CSV' }).click()]);
  const csv = (await readFile(await download.path())).toString('utf8');
  assert.ok(csv.startsWith('\ufeff') && csv.includes('Tổng cộng'), 'a CSV Excel reads with its diacritics');
});

scenario('A leader opens the operations view', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'lanhdao@motcua.example');
  await portal.navigateBy((url) => url.pathname === '/thong-ke/dieu-hanh', () => page.getByRole('link', { name: 'Điều hành', exact: true }).click());
  // (With JavaScript the numbers arrive after the address changes.)
  // The dossiers' tiles, then the field reports' of the leader's ward.
  await page.locator('.tiles').last().waitFor();
  const text = squash(await page.locator('main').innerText());
  for (const tile of ['hồ sơ mới hôm nay', 'hồ sơ trả kết quả hôm nay', 'hồ sơ đang quá hạn',
    'phản ánh mới hôm nay', 'phản ánh đang quá hạn']) {
    assert.match(text, new RegExp(`\\d+ ${tile}`), `${tile} in ${text}`);
  }
  assert.match(text, /số liệu lúc \d{2}:\d{2}:\d{2}/);
});
