// Reading a procedure on a small phone.

import assert from 'node:assert/strict';
import { scenario } from '../support/portal.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

scenario(
  'On a 360 px wide phone, the "Đăng ký khai sinh" page fits the screen without sideways scrolling',
  async (portal) => {
    const { page } = portal;
    await portal.open('/thu-tuc/1.001193');
    assert.equal(await portal.textOf('main h1'), 'Đăng ký khai sinh');

    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(
      widths.scroll <= PHONE.viewport.width,
      `the page is ${widths.scroll} px wide, more than the ${PHONE.viewport.width} px screen`,
    );
  },
  { context: PHONE },
);
