// A citizen takes a copy of everything the portal holds about them: from
// the account page to "Dữ liệu cá nhân của bạn", then one JSON file, with
// their account, sessions and doings and without their password, and the
// same as a PDF to read; the page tells how long unused drafts are kept.
// A new citizen leaves a draft, then deletes it from the same page after
// ticking that it cannot be undone.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, registeredCitizen, signInAs } from '../support/accounts.mjs';

scenario('A citizen downloads everything the portal holds about them', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/tai-khoan');
  await portal.navigateBy((url) => url.pathname === '/tai-khoan/du-lieu',
    () => page.getByRole('link', { name: 'Dữ liệu cá nhân của bạn' }).click());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải về dữ liệu (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^du-lieu-ca-nhan-\d{8}\.json$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const data = JSON.parse(text);
  assert.equal(data.account.email, 'congdan@motcua.example');
  assert.ok(Array.isArray(data.dossiers), 'their dossiers, if any');
  assert.ok(data.sessions.some((session) => session.ended_at === null), 'this session, still open');
  assert.ok(data.audit_log.some((entry) => entry.action === 'sign_in'), 'their signing in');
  assert.ok(!text.includes('password_hash') && !text.includes('$argon2'), 'no password in it');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải về bản đọc được (PDF)' }).click(),
  ]);
  assert.match(pdf.suggestedFilename(), /^du-lieu-ca-nhan-\d{8}\.pdf$/);
  const bytes = await (await pdf.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(squash(await page.locator('main').innerText()), /Cổng tự xoá hồ sơ nháp không được sửa trong \d+ ngày/);
});

scenario('A new citizen deletes the draft they no longer need', async (portal) => {
  const { page } = portal;
  await registeredCitizen(portal);
  await portal.open('/nop-ho-so/1.001193');
  await fillIn(page, 'Nơi sinh', 'Bệnh viện Bãi Cháy');
  await press(portal, 'Lưu nháp', (url) => url.pathname === '/nop-ho-so/1.001193');

  await portal.open('/tai-khoan/du-lieu');
  assert.match(squash(await page.locator('main').innerText()), /Bạn có 1 hồ sơ nháp chưa nộp/);
  // Not without the confirmation ticked.
  await press(portal, 'Xoá các hồ sơ nháp', (url) => url.pathname === '/tai-khoan/du-lieu');
  assert.match(squash(await page.locator('.error-summary').innerText()), /Đánh dấu ô xác nhận để xoá/);
  assert.match(squash(await page.locator('main').innerText()), /Bạn có 1 hồ sơ nháp chưa nộp/);

  await page.getByLabel('Tôi hiểu rằng dữ liệu đã xoá không khôi phục được').first().check();
  await press(portal, 'Xoá các hồ sơ nháp', (url) => url.pathname === '/tai-khoan/du-lieu');
  assert.match(await noticeText(page), /Đã xoá 1 hồ sơ nháp/);
  assert.match(squash(await page.locator('main').innerText()), /Bạn có 0 hồ sơ nháp chưa nộp/);
  await portal.open('/nop-ho-so/1.001193');
  assert.equal(await page.getByLabel('Nơi sinh').inputValue(), '', 'the form starts afresh');
});
