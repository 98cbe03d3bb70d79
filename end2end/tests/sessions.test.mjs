// Where an account is signed in: a citizen signed in on a second device
// sees both on "Phiên đăng nhập", signs the other one out, then ends the
// session in use, which signs them out here too.

import assert from 'node:assert/strict';
import { BASE_URL, scenario, squash } from '../support/portal.mjs';
import { noticeText, press, signInAs } from '../support/accounts.mjs';

const CITIZEN = 'congdan@motcua.example';

scenario('A citizen signs their other device out, then this one', async (portal) => {
  const { page } = portal;
  // The other device: another browser, signed in by its own form post.
  const other = await page.context().browser().newContext({ baseURL: BASE_URL });
  try {
    await other.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
    const signedIn = await other.request.post('/dang-nhap', {
      form: { identifier: CITIZEN, password: 'Demo@12345' },
      headers: { Origin: BASE_URL, 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Version/18.1 Mobile/15E148 Safari/604.1' },
      maxRedirects: 0,
    });
    assert.equal(signedIn.status(), 303);

    await signInAs(portal, CITIZEN);
    await portal.open('/tai-khoan');
    await portal.navigateBy((url) => url.pathname === '/tai-khoan/phien',
      () => page.getByRole('link', { name: 'Phiên đăng nhập trên các thiết bị' }).click());
    const list = squash(await page.locator('main').innerText());
    assert.match(list, /Safari trên iPhone/, 'the other device');
    assert.match(list, /Chrome trên Linux Thiết bị này/, 'this one, marked');

    await press(portal, 'Đăng xuất khỏi mọi thiết bị khác', (url) => url.pathname === '/tai-khoan/phien');
    assert.match(await noticeText(page), /Đã đăng xuất khỏi \d+ thiết bị khác/);
    assert.doesNotMatch(squash(await page.locator('main').innerText()), /Safari trên iPhone/);
    const kicked = await other.request.get('/tai-khoan', { maxRedirects: 0 });
    assert.match(kicked.headers().location ?? '', /^\/dang-nhap/, 'the other device is signed out');

    await press(portal, 'Kết thúc phiên', (url) => url.pathname === '/');
    assert.match(await noticeText(page), /Bạn đã đăng xuất khỏi thiết bị này/);
    await portal.open('/tai-khoan/phien');
    assert.equal(portal.url().pathname, '/dang-nhap', 'signed out here too');
  } finally {
    await other.close();
  }
});
