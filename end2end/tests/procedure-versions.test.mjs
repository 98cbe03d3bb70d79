// Content as data: an administrator drafts a new version of "Tách hộ" with a
// shorter processing time, cannot publish it herself, and a second
// administrator publishes it; citizens see the new time at once.

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
