// Reading a procedure on a small phone.

import assert from 'node:assert/strict';
import { scenario } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

scenario(
  'On a 360 px wide phone, the "Đăng ký khai sinh" page fits the screen without sideways scrolling',
  async (portal) => {
    const { page } = portal;
    await portal.open('/thu-tuc/1.001193');
    assert.equal(await portal.textOf('main h1'), 'Đăng ký khai sinh');

    await assertFitsThePhone(page);
  },
  { context: PHONE },
);

scenario(
  'On a 360 px wide phone, an administrator signs in and the list of official accounts fits the screen',
  async (portal) => {
    const { page } = portal;
    await signInAs(portal, 'quantri@motcua.example');
    await assertFitsThePhone(page);
    await portal.open('/quan-tri/nguoi-dung');
    assert.equal(await portal.textOf('main h1'), 'Tài khoản cán bộ');
    await assertFitsThePhone(page);
  },
  { context: PHONE },
);

async function assertFitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `${page.url()} is ${width} px wide, more than the ${PHONE.viewport.width} px screen`);
}
