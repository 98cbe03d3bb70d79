// A citizen registers, confirms their email from the mail they receive,
// signs in, sees their account and signs out.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { LABELS, agreeToPrivacyNotice, fillIn, linkMailedTo, newCitizen, noticeText, press } from '../support/accounts.mjs';

scenario('A citizen registers, confirms the email from the mail, signs in, sees the account and signs out', async (portal) => {
  const { page } = portal;
  const citizen = newCitizen();

  await portal.open('/dang-ky');
  await fillIn(page, LABELS.fullName, citizen.fullName);
  await fillIn(page, LABELS.citizenId, citizen.citizenId);
  await fillIn(page, LABELS.dateOfBirth, citizen.dateOfBirth);
  await fillIn(page, LABELS.email, citizen.email);
  await fillIn(page, LABELS.phone, citizen.phone);
  await fillIn(page, LABELS.password, citizen.password);
  await fillIn(page, LABELS.passwordAgain, 'một mật khẩu khác');
  await agreeToPrivacyNotice(page);
  await press(portal, 'Đăng ký', (url) => url.pathname === '/dang-ky');

  // Refused: every message at the top, linked to its field; nothing typed is lost.
  const summary = page.locator('.error-summary');
  assert.match(squash(await summary.innerText()), /Hai mật khẩu không giống nhau/);
  assert.equal(await page.getByLabel(LABELS.citizenId, { exact: true }).inputValue(), citizen.citizenId);
  assert.equal(await page.getByLabel(LABELS.email, { exact: true }).inputValue(), citizen.email);
  assert.ok(await page.getByLabel(/^Tôi đã đọc Thông báo xử lý dữ liệu cá nhân/).isChecked(), 'the consent stays ticked');

  await fillIn(page, LABELS.password, citizen.password);
  await fillIn(page, LABELS.passwordAgain, citizen.password);
  await press(portal, 'Đăng ký', (url) => url.pathname === '/dang-nhap');
  assert.match(await noticeText(page), new RegExp(`vừa gửi tới ${citizen.email.replaceAll('.', '\\.')}`));

  const link = await linkMailedTo(portal, citizen.email, '/xac-nhan-email');
  await portal.open(link);
  await press(portal, 'Xác nhận email', (url) => url.pathname === '/dang-nhap');
  assert.match(await noticeText(page), /Đã xác nhận email/);

  await fillIn(page, LABELS.identifier, citizen.citizenId);
  await fillIn(page, LABELS.password, citizen.password);
  await press(portal, 'Đăng nhập', (url) => url.pathname === '/ho-so');
  await portal.open('/tai-khoan');
  const account = squash(await page.locator('main').innerText());
  assert.match(account, /Tài khoản của tôi/);
  assert.ok(account.includes(citizen.citizenId), 'the account shows the CCCD');
  assert.ok(account.includes(citizen.email), 'the account shows the email');
  assert.ok(!account.includes('chưa được xác nhận'), 'the email is confirmed');

  await press(portal, 'Đăng xuất', (url) => url.pathname === '/');
  assert.match(await noticeText(page), /Bạn đã đăng xuất/);
  await portal.open('/tai-khoan');
  assert.equal(portal.url().pathname, '/dang-nhap', 'the account needs signing in again');
});
