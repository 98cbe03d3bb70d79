// Officials choose the morning digest on their account page: the choice is
// confirmed, kept on the next visit, and can be undone.

import assert from 'node:assert/strict';
import { scenario } from '../support/portal.mjs';
import { noticeText, press, signInAs } from '../support/accounts.mjs';

const LABEL = 'Gửi cho tôi thư tổng hợp các hồ sơ quá hạn và sắp đến hạn';

scenario('A leader turns the morning digest on, sees it kept, and turns it off again', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'lanhdao@motcua.example');
  const digest = () => page.getByLabel(LABEL, { exact: true });

  await portal.open('/tai-khoan');
  await digest().setChecked(true);
  await press(portal, 'Lưu lựa chọn', (url) => url.pathname === '/tai-khoan');
  assert.match(await noticeText(page), /Bạn sẽ nhận thư tổng hợp mỗi sáng ngày làm việc/);
  await portal.open('/tai-khoan');
  assert.equal(await digest().isChecked(), true, 'the choice is kept');

  await digest().setChecked(false);
  await press(portal, 'Lưu lựa chọn', (url) => url.pathname === '/tai-khoan');
  assert.match(await noticeText(page), /Bạn sẽ không nhận thư tổng hợp nữa/);
  await portal.open('/tai-khoan');
  assert.equal(await digest().isChecked(), false);
});
