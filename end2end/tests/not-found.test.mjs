// An address that leads nowhere.

import assert from 'node:assert/strict';
import { scenario } from '../support/portal.mjs';

scenario('A citizen opens an unknown procedure code and gets a 404 "Không tìm thấy trang" page', async (portal) => {
  const { page } = portal;

  const response = await portal.open('/thu-tuc/9.999999');

  assert.equal(response.status(), 404, 'the server answers 404 Not Found');
  assert.equal(await portal.textOf('main h1'), 'Không tìm thấy trang');
  assert.ok(
    await page.getByRole('link', { name: 'Quay lại danh mục thủ tục' }).isVisible(),
    'the page offers a way back to the catalogue',
  );
});
