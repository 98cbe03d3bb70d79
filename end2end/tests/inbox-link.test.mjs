// The header's link to the inbox works after a client-side navigation too:
// an inbox with no filters once reached the server as no argument at all.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

scenario('Reception follows the header link to the inbox and sees its queues', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'tiepnhan@motcua.example');
  // (Sign-in lands on the inbox: start from another page.)
  await portal.open('/tai-khoan');
  await portal.navigateBy((url) => url.pathname === '/can-bo', () => page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).first().click());
  await portal.waitUntilInteractive();
  await page.locator('.inbox-marks').waitFor();
  assert.match(squash(await page.locator('main').innerText()), /\d+ hồ sơ quá hạn, \d+ hồ sơ sắp đến hạn\./);
});
