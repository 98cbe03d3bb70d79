// A citizen files "Đăng ký khai sinh" online, follows it, and anyone with
// the slip's code and PIN looks it up without signing in.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { LABELS, fillIn, noticeText, press } from '../support/accounts.mjs';

scenario('The demo citizen files a birth registration, sees it in "Hồ sơ của tôi" and looks it up signed out', async (portal) => {
  const { page } = portal;
  await portal.open('/dang-nhap');
  await fillIn(page, LABELS.identifier, 'congdan@motcua.example');
  await fillIn(page, LABELS.password, 'Demo@12345');
  await press(portal, 'Đăng nhập', (url) => url.pathname === '/tai-khoan');

  await portal.open('/nop-ho-so/1.001193');
  assert.equal(await page.getByLabel('Số định danh cá nhân', { exact: true }).inputValue(), '022190001234', 'prefilled from the profile');
  await page.getByLabel('Nơi nộp hồ sơ').selectOption('000.01.40.H34');
  await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ label: 'Cha' });
  await fillIn(page, 'Nơi cư trú', 'Số 5, phố Lê Thánh Tông, phường Hồng Gai');
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
  await page.getByLabel(/Tôi cam đoan/).check();
  const url = await press(portal, 'Nộp hồ sơ', (url) => url.pathname.startsWith('/ho-so/'));
  const code = decodeURIComponent(url.pathname.replace('/ho-so/', ''));
  assert.match(code, /^000\.01\.40\.H34-\d{6}-\d{4}$/);
  const notice = await noticeText(page);
  assert.ok(notice.includes(`Mã hồ sơ: ${code}`), notice);
  const pin = notice.match(/PIN\): (\d{6})/)[1];

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
