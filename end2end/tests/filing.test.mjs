// A citizen files "Đăng ký khai sinh" online, follows it, and anyone with
// the slip's code and PIN looks it up without signing in.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { chooseAddress, uploadFile } from '../support/eform.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082', 'hex');

/** Chooses a file for the document whose name starts with `document`, uploads it and sees it listed. */
async function uploadInto(portal, document, name, mimeType, buffer) {
  const slot = portal.page.locator('li.document-slot', { has: portal.page.locator('.document-slot__name', { hasText: document }) }).first();
  await uploadFile(portal, slot, { name, mimeType, buffer });
  assert.equal(portal.url().pathname, '/nop-ho-so/1.001193');
  assert.match(await noticeText(portal.page), new RegExp(`Đã tải lên “${name.replaceAll('.', '\\.')}”`));
  const listed = portal.page.locator('li.document-slot', { has: portal.page.locator('.document-slot__name', { hasText: document }) }).first();
  assert.ok((await listed.innerText()).includes(name), `${name} is listed under ${document}`);
}

scenario('The demo citizen files a birth registration, sees it in "Hồ sơ của tôi" and looks it up signed out', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');

  await portal.open('/nop-ho-so/1.001193');
  assert.equal(await page.getByLabel('Số định danh cá nhân', { exact: true }).inputValue(), '022190001234', 'prefilled from the profile');
  await page.getByLabel('Nơi nộp hồ sơ').selectOption('000.01.40.H34');
  await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ label: 'Cha' });
  await chooseAddress(portal, 'Nơi cư trú', { province: 'Tỉnh Quảng Ninh', commune: 'Phường Hồng Gai', street: 'Số 5, phố Lê Thánh Tông' });
  await page.getByLabel('Họ, chữ đệm, tên', { exact: true }).fill('Nguyễn Minh Khang');
  await page.locator('#filing-child-birth-date').fill('01/11/2026');
  await page.getByLabel('Nam', { exact: true }).check();
  await page.getByLabel('Dân tộc').selectOption({ label: 'Kinh' });
  await fillIn(page, 'Quốc tịch', 'Việt Nam');
  await fillIn(page, 'Nơi sinh', 'Bệnh viện Bãi Cháy');
  // Save a draft first: nothing typed is lost.
  await press(portal, 'Lưu nháp', (url) => url.pathname === '/nop-ho-so/1.001193');
  assert.match(await noticeText(page), /Đã lưu bản nháp/);
  assert.equal(await page.getByLabel('Nơi sinh').inputValue(), 'Bệnh viện Bãi Cháy');

  await fillIn(page, 'Họ, chữ đệm, tên người mẹ', 'Trần Thị Lan');
  await fillIn(page, 'Ngày, tháng, năm sinh của mẹ', '20/05/1992');
  await fillIn(page, 'Số định danh cá nhân của mẹ', '022192004567');
  await page.getByLabel('Không (chưa xác định cha)').check();
  // Saving the draft still works; an upload would keep the answers too.
  await press(portal, 'Lưu nháp', (url) => url.pathname === '/nop-ho-so/1.001193');
  await uploadInto(portal, 'Giấy chứng sinh', 'giay-chung-sinh.pdf', 'application/pdf', PDF);
  await uploadInto(portal, 'Văn bản ủy quyền', 'giay-uy-quyen.png', 'image/png', PNG);
  await page.getByLabel(/Tôi cam đoan/).check();
  await press(portal, 'Tiếp tục', (url) => url.pathname === '/nop-ho-so/1.001193/kiem-tra');
  const check = squash(await page.locator('main').innerText());
  assert.ok(check.includes('Nguyễn Minh Khang') && check.includes('giay-chung-sinh.pdf'), `the check page shows the answers and the files: ${check}`);
  const url = await press(portal, 'Nộp hồ sơ', (url) => url.pathname.startsWith('/ho-so/'));
  const code = decodeURIComponent(url.pathname.replace('/ho-so/', ''));
  assert.match(code, /^000\.01\.40\.H34-\d{6}-\d{4}$/);
  const notice = await noticeText(page);
  assert.ok(notice.includes(`Mã hồ sơ: ${code}`), notice);
  const pin = notice.match(/PIN\): (\d{6})/)[1];

  // Before acceptance: the submission acknowledgement, not slip 01 (which
  // promises a date); the link downloads a PDF (a real click, the
  // browser's download).
  assert.equal(await page.getByRole('link', { name: 'Tải giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)' }).count(), 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải giấy xác nhận đã nộp hồ sơ trực tuyến (PDF)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  const slip = await readFile(await download.path());
  assert.equal(slip.subarray(0, 5).toString(), '%PDF-', 'the acknowledgement is a PDF');

  await portal.open('/ho-so');
  const list = squash(await page.locator('main').innerText());
  assert.ok(list.includes(code) && list.includes('Chờ tiếp nhận'), list);

  await press(portal, 'Đăng xuất', (url) => url.pathname === '/');
  await portal.open('/tra-cuu');
  await fillIn(page, 'Mã hồ sơ', code);
  await fillIn(page, 'Mã tra cứu (PIN)', pin);
  await press(portal, 'Tra cứu', (url) => url.pathname === '/tra-cuu' && url.searchParams.get('ma') === code);
  const result = squash(await page.locator('.lookup-result').innerText());
  assert.ok(result.includes('Chờ tiếp nhận') && result.includes('Đăng ký khai sinh'), result);
  assert.ok(!result.includes('Nguyễn Minh Khang'), 'no personal data in the public lookup');
});
