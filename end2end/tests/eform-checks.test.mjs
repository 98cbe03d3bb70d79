// A mistyped answer is pointed out next to its field: with JavaScript as
// soon as the citizen leaves the field, without it when the form comes back.

import assert from 'node:assert/strict';
import { eventually, scenario, squash } from '../support/portal.mjs';
import { press, signInAs } from '../support/accounts.mjs';

const MESSAGE = 'Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập 5).';

scenario('A citizen types a 5-digit CCCD for the mother and is told exactly what is wrong', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/nop-ho-so/1.001193');

  const field = page.getByLabel('Số định danh cá nhân của mẹ', { exact: true });
  await field.fill('12345');
  if (portal.javaScriptEnabled) {
    const before = page.url();
    await field.press('Tab');
    const group = page.locator('.form-group', { has: page.locator('#filing-mother-citizen-id') });
    await eventually(async () => assert.ok(squash(await group.innerText()).includes(MESSAGE), 'the message appears on leaving the field'));
    assert.equal(page.url(), before, 'without sending the form');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill('022192004567');
    await field.press('Tab');
    await eventually(async () => assert.ok(!squash(await group.innerText()).includes(MESSAGE), 'and goes once corrected'));
  } else {
    await press(portal, 'Tiếp tục', (url) => url.pathname === '/nop-ho-so/1.001193');
    const group = page.locator('.form-group', { has: page.locator('#filing-mother-citizen-id') });
    assert.ok(squash(await group.innerText()).includes(MESSAGE), 'the message comes back with the form');
    assert.equal(await page.getByLabel('Số định danh cá nhân của mẹ', { exact: true }).inputValue(), '12345', 'what was typed is kept');
  }
});
