// Using the portal with the keyboard alone.

import assert from 'node:assert/strict';
import { scenario } from '../support/portal.mjs';

const SKIP_LINK = 'Chuyển đến nội dung chính';

scenario('A keyboard user presses Tab once on the home page and sees the skip link', async (portal) => {
  const { page } = portal;
  await portal.open('/');

  await page.keyboard.press('Tab');

  const focused = page.locator(':focus');
  assert.equal(await focused.count(), 1, 'something has keyboard focus');
  assert.equal((await focused.innerText()).trim(), SKIP_LINK, 'the first Tab focuses the skip link');
  assert.equal(await focused.getAttribute('href'), '#main');

  const box = await focused.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box, 'the focused skip link is rendered');
  // Big enough to read, not the 1×1 px of a visually hidden element.
  assert.ok(box.width >= 10 && box.height >= 10, `the focused skip link has a readable size (${box.width}×${box.height} px)`);
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    `the focused skip link is inside the ${viewport.width}×${viewport.height} viewport (at ${box.x},${box.y}, ${box.width}×${box.height})`,
  );
  assert.ok(await focused.isVisible(), 'the focused skip link is visible');
});

scenario('A keyboard user follows the skip link and the next Tab reaches the search box, past the header', async (portal) => {
  const { page } = portal;
  await portal.open('/');

  await page.keyboard.press('Tab');
  assert.equal((await page.locator(':focus').innerText()).trim(), SKIP_LINK);
  await page.keyboard.press('Enter');
  // Following an in-page link is a navigation of its own: under load the
  // address can change a moment after the key press returns.
  await page.waitForURL((url) => url.hash === '#main', { timeout: 5000 }).catch(() => {});

  assert.equal(portal.url().hash, '#main', 'the address points at the main content');
  assert.equal(
    await page.locator('main#main').evaluate((main) => main.contains(document.activeElement)),
    true,
    'keyboard focus moved into the main content (not left on the skip link)',
  );

  await page.keyboard.press('Tab');
  assert.equal(
    await page.locator(':focus').getAttribute('id'),
    'catalogue-search',
    'the next Tab reaches the search box "Tìm thủ tục hành chính"',
  );
});
