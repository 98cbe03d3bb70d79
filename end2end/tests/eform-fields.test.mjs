// The e-form follows the citizen's answers: the father's fields appear only
// when there is a father to declare (without JavaScript they are all shown,
// each saying when to fill it), and a list of past residences grows and
// shrinks without losing what was typed.

import assert from 'node:assert/strict';
import { eventually, scenario, squash } from '../support/portal.mjs';
import { press, signInAs } from '../support/accounts.mjs';

const CRIMINAL_RECORD = '/nop-ho-so/3.000333';

scenario("The father's fields follow the answer to “Có thông tin người cha”", async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/nop-ho-so/1.001193');
  const fatherName = page.getByLabel('Họ, chữ đệm, tên người cha', { exact: true });
  if (portal.javaScriptEnabled) {
    await page.getByLabel('Không (chưa xác định cha)').check();
    await eventually(async () => assert.equal(await fatherName.isVisible(), false, 'hidden when there is no father'));
    await page.getByLabel('Có', { exact: true }).check();
    await eventually(async () => assert.equal(await fatherName.isVisible(), true, 'shown once “Có” is chosen'));
  } else {
    assert.equal(await fatherName.isVisible(), true, 'shown without JavaScript');
    const hint = squash(await page.locator('#filing-father-name-hint').innerText());
    assert.equal(hint, 'Chỉ điền khi “Có thông tin người cha” là “Có”.');
  }
});

scenario('A citizen lists two past residences, then removes the first', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(CRIMINAL_RECORD);
  const legends = async () => (await page.locator('legend.eform-item__title').allInnerTexts()).map(squash);
  assert.deepEqual(await legends(), ['Nơi cư trú 1']);

  await page.locator('#filing-residence-history-0-from').fill('03/2010');
  await page.locator('#filing-residence-history-0-occupation').fill('Học sinh');
  await press(portal, 'Thêm nơi cư trú', (url) => url.pathname === CRIMINAL_RECORD);
  await eventually(async () => assert.deepEqual(await legends(), ['Nơi cư trú 1', 'Nơi cư trú 2']));
  assert.equal(await page.locator('#filing-residence-history-0-from').inputValue(), '03/2010', 'the first item is kept');

  await page.locator('#filing-residence-history-1-from').fill('08/2015');
  await page.locator('#filing-residence-history-1-occupation').fill('Kỹ sư');
  await press(portal, 'Xóa nơi cư trú 1', (url) => url.pathname === CRIMINAL_RECORD);
  await eventually(async () => assert.deepEqual(await legends(), ['Nơi cư trú 1']));
  assert.equal(await page.locator('#filing-residence-history-0-from').inputValue(), '08/2015', 'the second moved up');
  assert.equal(await page.locator('#filing-residence-history-0-occupation').inputValue(), 'Kỹ sư');
});
