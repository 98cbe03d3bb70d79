// After filing, the citizen's dossier page says what was sent (every
// document, its file and size) and withdrawing asks first: a page of its
// own, with a way back, that works without JavaScript.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { noticeText, signInAs } from '../support/accounts.mjs';
import { fileBirthRegistration } from '../support/dossiers.mjs';

scenario('A citizen sees the documents they submitted on the dossier page', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  const fileName = `giay-chung-sinh-${Date.now()}.pdf`;
  const code = await fileBirthRegistration(portal, fileName, Buffer.alloc(3000, '%PDF-1.7\n'));
  await portal.open(`/ho-so/${code}`);
  const documents = page.getByRole('region', { name: 'Giấy tờ đã nộp' });
  const row = squash(await documents.locator('tr', { hasText: fileName }).innerText());
  assert.match(row, /Giấy chứng sinh/, 'the document the file stands for');
  assert.match(row, /3 KB/, 'its real size');
  assert.ok(await documents.getByRole('link', { name: fileName }).isVisible(), 'the file opens from the list');
});

scenario('Withdrawing a dossier asks for confirmation and can be called off', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  const code = await fileBirthRegistration(portal);
  await portal.open(`/ho-so/${code}`);

  // First thoughts: the citizen opens the question, then changes their mind.
  await portal.navigateBy((url) => url.pathname === `/ho-so/${code}/rut`, () => page.getByRole('link', { name: 'Rút hồ sơ' }).click());
  assert.equal(squash(await page.locator('h1').innerText()), `Rút hồ sơ ${code}?`);
  assert.match(squash(await page.locator('main').innerText()), /không khôi phục được/);
  await portal.navigateBy((url) => url.pathname === `/ho-so/${code}`, () => page.getByRole('link', { name: 'Không rút, quay lại hồ sơ' }).click());
  assert.match(squash(await page.locator('main dl').first().innerText()), /Chờ tiếp nhận/, 'nothing changed');

  // Then withdraws for good.
  await portal.navigateBy((url) => url.pathname === `/ho-so/${code}/rut`, () => page.getByRole('link', { name: 'Rút hồ sơ' }).click());
  await portal.navigateBy(
    (url) => url.pathname === `/ho-so/${code}`,
    () => page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click(),
  );
  assert.match(await noticeText(page), /Đã rút hồ sơ/);
  assert.match(squash(await page.locator('main dl').first().innerText()), /Đã rút hồ sơ/);
  assert.equal(await page.getByRole('link', { name: 'Rút hồ sơ' }).count(), 0, 'no second withdrawal offered');

  // The confirmation page of a dossier that cannot be withdrawn says so, with no button.
  await portal.open(`/ho-so/${code}/rut`);
  assert.match(squash(await page.locator('main').innerText()), /không thể rút trực tuyến/);
  assert.equal(await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).count(), 0);
});
