// Filling the e-form's richer fields as a citizen would, with or without
// JavaScript.

import assert from 'node:assert/strict';
import { eventually } from './portal.mjs';

/** The address fieldset whose legend is `legend`. */
function addressField(page, legend) {
  return page.locator('fieldset.eform-address', { has: page.locator('legend', { hasText: legend }) }).first();
}

/**
 * Chooses province, then commune, then types the street. With JavaScript the
 * commune list follows the province at once; without it the citizen asks
 * for the list, which saves the draft and comes back to the field.
 */
export async function chooseAddress(portal, legend, { province, commune, street }) {
  const { page } = portal;
  const path = portal.url().pathname;
  await addressField(page, legend).getByLabel('Tỉnh/thành phố').selectOption({ label: province });
  if (!portal.javaScriptEnabled) {
    await portal.navigateBy(
      (url) => url.pathname === path,
      () => addressField(page, legend).getByRole('button', { name: 'Hiện danh sách xã/phường của tỉnh đã chọn' }).click(),
    );
  }
  const communes = addressField(page, legend).getByLabel('Xã/phường/đặc khu');
  await eventually(async () => {
    const labels = await communes.locator('option').allInnerTexts();
    assert.ok(labels.includes(commune), `${commune} is offered after choosing ${province}`);
  });
  await communes.selectOption({ label: commune });
  await addressField(page, legend).getByLabel('Số nhà, đường/thôn, tổ dân phố').fill(street);
}

/**
 * Chooses `file` in the upload form of `slot` and presses "Tải lên"; returns
 * once the page that follows has loaded. With JavaScript the file goes by
 * the page's script (which shows progress), so this also checks that the
 * scripted path was the one taken.
 */
export async function uploadFile(portal, slot, file) {
  const { page } = portal;
  await slot.locator('input[type=file]').setInputFiles(file);
  const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/giay-to'));
  await Promise.all([page.waitForEvent('load'), slot.getByRole('button', { name: 'Tải lên' }).click()]);
  const headers = (await sent).headers();
  if (portal.javaScriptEnabled) {
    assert.equal(headers['x-motcua-upload'], 'progress', 'uploaded by the script that shows progress');
    await portal.waitUntilInteractive();
  } else {
    assert.equal(headers['x-motcua-upload'], undefined, 'a plain form post');
  }
}
