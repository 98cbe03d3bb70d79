// Content as data: an administrator drafts a new version of "Tách hộ" with a
// shorter processing time (and a workflow that fits it), cannot publish it
// herself, and a second administrator publishes it; citizens see the new
// time at once. An administrator adds a new procedure with a document and
// a fee; once a second one publishes it, citizens find it.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

const ADMIN_PAGE = '/quan-tri/thu-tuc/1.010038';

scenario('A new version of a procedure is drafted by one administrator and published by another', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/thu-tuc?q=tach ho');
  await portal.navigateBy((url) => url.pathname === ADMIN_PAGE, () => page.getByRole('link', { name: 'Tách hộ' }).click());
  const days = 2 + (portal.javaScriptEnabled ? 1 : 2);
  await press(portal, 'Tạo bản nháp mới', (url) => url.pathname === ADMIN_PAGE);
  await fillIn(page, 'Số ngày hoặc số giờ làm việc', String(days));
  // The processing step must fit the shorter time (8 working hours a day,
  // less the 10 the approval and the return keep).
  await page
    .getByRole('group', { name: 'Xử lý — chuyên viên' })
    .getByLabel('Thời gian (giờ làm việc)')
    .fill(String(days * 8 - 10));
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === ADMIN_PAGE);
  assert.match(await noticeText(page), /Đã lưu bản nháp/);
  const changes = squash(await page.getByRole('region', { name: 'Thay đổi so với phiên bản đang áp dụng' }).innerText());
  assert.match(changes, new RegExp(`Thời hạn giải quyết .* ${days} ngày làm việc`), changes);
  assert.match(squash(await page.locator('main').innerText()), /một quản trị viên khác phải xuất bản/);
  assert.equal(await page.getByRole('button', { name: 'Xuất bản phiên bản' }).count(), 0, 'no publishing for the author');

  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(ADMIN_PAGE);
  await press(portal, 'Xuất bản phiên bản', (url) => url.pathname === ADMIN_PAGE);
  assert.match(await noticeText(page), /Đã xuất bản, hiệu lực từ \d{2}\/\d{2}\/\d{4}/);

  await portal.open('/thu-tuc/1.010038');
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`${days} ngày làm việc`));
});

scenario('A new procedure added by one administrator is seen by citizens once another publishes it', async (portal) => {
  const { page } = portal;
  const code = portal.javaScriptEnabled ? '1.999101' : '1.999102';
  const name = `Đăng ký nuôi chim yến ${code}`;
  const adminPage = `/quan-tri/thu-tuc/${code}`;
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/thu-tuc');
  await portal.navigateBy((url) => url.pathname === '/quan-tri/thu-tuc-moi', () => page.getByRole('link', { name: 'Thêm thủ tục mới' }).click());
  await fillIn(page, 'Mã thủ tục', code);
  await fillIn(page, 'Tên thủ tục', name);
  await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' });
  await fillIn(page, 'Số ngày hoặc số giờ làm việc', '5');
  await fillIn(page, 'Kết quả thực hiện', 'Giấy xác nhận đăng ký');
  await press(portal, 'Tạo thủ tục', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã tạo thủ tục/);

  await fillIn(page, 'Tên giấy tờ 1', 'Tờ khai đăng ký nuôi chim yến');
  const fee = page.getByRole('group', { name: 'Dòng phí 1' });
  await fee.getByLabel('Nội dung').fill('Lệ phí xác nhận đăng ký');
  await fee.getByLabel('Mức thu (đồng)').fill('20.000');
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã lưu bản nháp/);
  const changes = squash(await page.getByRole('region', { name: 'Thay đổi so với phiên bản đang áp dụng' }).innerText());
  assert.match(changes, /Lệ phí: Lệ phí xác nhận đăng ký — 20\.000 đ/, changes);

  await portal.open(`/thu-tuc/${code}`);
  assert.notEqual(await page.getByRole('heading', { name }).count(), 1, 'not shown before it is published');

  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(adminPage);
  await press(portal, 'Xuất bản phiên bản', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã xuất bản/);

  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/thu-tuc/${code}`);
  const text = squash(await page.locator('main').innerText());
  assert.match(text, new RegExp(name));
  assert.match(text, /Tờ khai đăng ký nuôi chim yến/);
  assert.match(text, /20\.000/);
});
