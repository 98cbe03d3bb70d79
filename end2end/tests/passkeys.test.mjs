// A new receptionist makes a passkey their second factor instead of an
// authenticator app: Chromium's virtual authenticator stands in for a
// laptop's fingerprint reader. Browsers accept passkeys only for a domain
// name, never an IP address, so this story opens the portal at `localhost`
// on the port BASE_URL names (the portal treats a loopback address as
// localhost for passkeys). Without JavaScript the page says passkeys need
// it, and the app's codes remain the way in.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { newOfficialAtTheWard } from '../support/back-office.mjs';

const LOCALHOST = BASE_URL.replace('://127.0.0.1', '://localhost');
const PAGE = '/tai-khoan/xac-thuc-hai-buoc';

/** A platform authenticator that verifies its user (a fingerprint). */
async function fingerprintReader(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

scenario(
  'A new receptionist signs in with a passkey instead of an authenticator app',
  async (portal) => {
    const { page } = portal;
    const { email, password } = await newOfficialAtTheWard(portal, 'reception');
    const landed = await signInAs(portal, email, password);
    assert.equal(landed.pathname, PAGE, 'the inbox waits for a second factor');
    const passkeys = page.getByRole('region', { name: 'Khoá truy cập (passkey)' });

    if (!portal.javaScriptEnabled) {
      assert.match(squash(await passkeys.innerText()), /Khoá truy cập cần bật JavaScript/);
      assert.equal(await page.getByRole('button', { name: 'Thêm khoá truy cập' }).count(), 0, 'no button that cannot work');
      return;
    }

    const reader = await fingerprintReader(page);
    await fillIn(page, 'Tên khoá truy cập', 'Máy tính cơ quan');
    // The button asks the device first and sends the form when it has
    // answered: the page comes back with the notice.
    await page.getByRole('button', { name: 'Thêm khoá truy cập' }).click();
    await eventually(async () => assert.match(await noticeText(page), /Đã thêm khoá truy cập và bật xác thực hai bước/));
    await portal.waitUntilInteractive();
    assert.equal(await page.locator('.recovery-codes__list li').count(), 10, 'ten recovery codes, shown once');
    assert.match(squash(await passkeys.innerText()), /Máy tính cơ quan/);
    const { credentials } = await reader.cdp.send('WebAuthn.getCredentials', { authenticatorId: reader.authenticatorId });
    assert.equal(credentials.length, 1, 'the passkey lives on the device');
    assert.equal(credentials[0].rpId, 'localhost');

    await portal.open('/can-bo');
    assert.equal(portal.url().pathname, '/can-bo', 'the inbox opens now');

    // Signing in again: the password, then the fingerprint.
    await page.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
    await page.context().clearCookies();
    await portal.open('/dang-nhap');
    await fillIn(page, 'Email hoặc số định danh cá nhân (CCCD)', email);
    await fillIn(page, 'Mật khẩu', password);
    await press(portal, 'Đăng nhập', (url) => url.pathname === '/dang-nhap/xac-thuc');
    await press(portal, 'Dùng khoá truy cập', (url) => url.pathname === '/can-bo');
    const after = await reader.cdp.send('WebAuthn.getCredentials', { authenticatorId: reader.authenticatorId });
    assert.ok(after.credentials[0].signCount >= 1, 'the device signed the challenge');
  },
  { context: { baseURL: LOCALHOST } },
);
