// An official whose role accepts dossiers must set up an authenticator app
// before the back office opens: the administrator creates a receptionist,
// who sets a password, signs in, is kept on "Xác thực hai bước", scans the
// QR code (here: types the key), confirms a first code, keeps the ten
// recovery codes, reaches the inbox, and from then on signs in with a code.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { addToApp, nextCode } from '../support/authenticator.mjs';
import { newOfficialAtTheWard } from '../support/back-office.mjs';

scenario('A new receptionist sets up an authenticator app before the inbox opens', async (portal) => {
  const { page } = portal;
  const { email, password } = await newOfficialAtTheWard(portal, 'reception');
  const landed = await signInAs(portal, email, password);
  assert.equal(landed.pathname, '/tai-khoan/xac-thuc-hai-buoc');
  assert.match(squash(await page.locator('main').innerText()), /Vai trò của bạn cần xác thực hai bước/);

  await portal.open('/can-bo');
  assert.equal(portal.url().pathname, '/tai-khoan/xac-thuc-hai-buoc', 'the inbox waits for the app');

  await press(portal, 'Bắt đầu thiết lập', (url) => url.pathname === '/tai-khoan/xac-thuc-hai-buoc');
  await page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor();
  const key = await page.locator('code.typed-key').innerText();
  assert.match(key, /^[A-Z2-7]{4}( [A-Z2-7]{4})+$/, 'the key in groups of four');
  addToApp(email, key);
  await fillIn(page, 'Mã xác thực', await nextCode(email));
  await press(portal, 'Hoàn tất thiết lập', (url) => url.pathname === '/tai-khoan/xac-thuc-hai-buoc');
  assert.match(await noticeText(page), /Đã bật xác thực hai bước/);
  const codes = await page.locator('.recovery-codes__list li').allInnerTexts();
  assert.equal(codes.length, 10, 'ten recovery codes, shown once');
  assert.ok(codes.every((code) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code.trim())), codes.join(', '));

  await portal.open('/can-bo');
  assert.equal(portal.url().pathname, '/can-bo', 'the inbox opens now');

  // From now on the password alone is not enough.
  const again = await signInAs(portal, email, password);
  assert.equal(again.pathname, '/can-bo', 'signed in with the next code');
});
