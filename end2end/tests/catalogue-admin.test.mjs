// The catalogue's administration beyond one procedure: an agency's office
// hours, and a catalogue file imported by one administrator and published
// by another.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

const WARD_PAGE = '/quan-tri/co-quan/000.01.40.H34';

scenario("An administrator sets a ward's office hours", async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/co-quan');
  await portal.navigateBy(
    (url) => url.pathname === WARD_PAGE,
    () => page.getByRole('link', { name: 'Ủy ban nhân dân phường Hồng Gai' }).click(),
  );
  await fillIn(page, 'Giờ làm việc các ngày làm việc', 'sáng thứ hai');
  await press(portal, 'Lưu', (url) => url.pathname === WARD_PAGE);
  assert.match(squash(await page.locator('main').innerText()), /Nhập các buổi làm việc dạng 07:30-11:30/);
  assert.equal(await page.getByLabel('Giờ làm việc các ngày làm việc', { exact: true }).inputValue(), 'sáng thứ hai');
  await fillIn(page, 'Giờ làm việc các ngày làm việc', '07:30-11:30, 13:30-17:00');
  await press(portal, 'Lưu', (url) => url.pathname === WARD_PAGE);
  assert.match(await noticeText(page), /Đã lưu thông tin cơ quan/);
  await portal.open('/quan-tri/co-quan');
  assert.match(squash(await page.locator('main').innerText()), /07:30-11:30, 13:30-17:00/);
});

scenario('A catalogue file imported by one administrator is published by another', async (portal) => {
  const { page } = portal;
  const code = portal.javaScriptEnabled ? '1.999201' : '1.999202';
  const file = {
    format: 'motcua-catalogue/1',
    procedures: [{
      code, sector: 'HO_KINH_DOANH', level: 'commune', name: `Thủ tục nhập từ tệp ${code}`,
      time_unit: 'working_days', time_value: 5, online_level: 'full', result_type: 'Giấy xác nhận',
      documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0, mandatory: true }],
    }],
  };
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/thu-tuc');
  await page.getByText('Nhập, xuất danh mục').click();
  await page.getByLabel('Tệp danh mục (.json hoặc .xlsx)').setInputFiles({
    name: 'danh-muc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await press(portal, 'Nhập danh mục', (url) => url.pathname.startsWith('/quan-tri/nhap-thu-tuc/'));
  const importPage = new URL(page.url()).pathname;
  assert.match(await noticeText(page), /Đã nhập danh mục thành các bản nháp/);
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`${code} — Thủ tục nhập từ tệp`));
  assert.equal(await page.getByRole('button', { name: 'Xuất bản cả đợt' }).count(), 0, 'not by its author');

  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(importPage);
  await press(portal, 'Xuất bản cả đợt', (url) => url.pathname === importPage);
  assert.match(await noticeText(page), /Đã xuất bản 1 thủ tục/);
  await portal.open(`/thu-tuc/${code}`);
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`Thủ tục nhập từ tệp ${code}`));
});
