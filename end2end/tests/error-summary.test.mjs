// When the filing form comes back with errors, the summary at the top says
// which field each message is about and leads to it (with JavaScript, into
// it), and the page's title starts with "Lỗi:". Dates say how to write them
// and are read however people commonly write them; the address picker's
// button for browsers without JavaScript is gone once JavaScript runs.

import assert from 'node:assert/strict';
import { eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, press, signInAs } from '../support/accounts.mjs';

const BIRTH = '/nop-ho-so/1.001193';

/** Ids named by aria-describedby that are not on the page. */
async function danglingDescriptions(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-describedby]')].flatMap((element) =>
      element
        .getAttribute('aria-describedby')
        .split(/\s+/)
        .filter((id) => id && !document.getElementById(id))
        .map((id) => `${element.id || element.tagName} → ${id}`),
    ),
  );
}

scenario('The error summary names each field, leads into it, and the title says "Lỗi"', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  assert.deepEqual(await danglingDescriptions(page), [], 'no description points at nothing before any error');
  assert.ok(!(await page.title()).startsWith('Lỗi'), 'no errors, no "Lỗi:"');

  await fillIn(page, 'Họ, chữ đệm, tên người yêu cầu', '');
  await fillIn(page, 'Số định danh cá nhân của mẹ', '12345');
  await press(portal, 'Tiếp tục', (url) => url.pathname === BIRTH);

  assert.match(await page.title(), /^Lỗi: Nộp hồ sơ: Đăng ký khai sinh/);
  const links = page.locator('.error-summary a');
  const items = (await links.allInnerTexts()).map(squash);
  assert.ok(items.includes('Nhập họ, chữ đệm, tên người yêu cầu.'), items.join(' | '));
  assert.ok(
    items.includes('Số định danh cá nhân của mẹ: Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập 5).'),
    items.join(' | '),
  );
  assert.ok(items.some((item) => /ngày, tháng, năm sinh \(Người được khai sinh\)/i.test(item)), `two "Ngày, tháng, năm sinh" are told apart: ${items.join(' | ')}`);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))) {
    assert.equal(await page.locator(href).count(), 1, `${href} is on the page`);
  }
  assert.deepEqual(await danglingDescriptions(page), [], 'aria-describedby names only elements that exist');

  const link = page.locator('.error-summary a', { hasText: 'Số định danh cá nhân của mẹ' });
  await link.click();
  if (portal.javaScriptEnabled) {
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'filing-mother-citizen-id', 'the focus is in the field'));
  } else {
    assert.equal(portal.url().hash, '#filing-mother-citizen-id', 'the link leads to the field');
  }
  // The demo citizen's draft is shared with other stories: leave it whole.
  await fillIn(page, 'Họ, chữ đệm, tên người yêu cầu', 'Vũ Thị Công Dân');
  await fillIn(page, 'Số định danh cá nhân của mẹ', '022192004567');
  await press(portal, 'Lưu nháp', (url) => url.pathname === BIRTH);
});

scenario('Date fields show how to write them and accept 27/3/2007, 27-03-2007 and 27.03.2007', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  const hint = squash(await page.locator('#filing-mother-birth-date-hint').innerText());
  assert.equal(hint, 'Ví dụ: 27/03/2007');
  const field = page.getByLabel('Ngày, tháng, năm sinh của mẹ', { exact: true });
  assert.match(await field.getAttribute('aria-describedby'), /filing-mother-birth-date-hint/);
  const group = page.locator('.form-group', { has: page.locator('#filing-mother-birth-date') });

  for (const typed of ['27/3/2007', '27-03-2007', '27.03.2007']) {
    await field.fill(typed);
    if (portal.javaScriptEnabled) {
      await field.press('Tab');
      await eventually(async () => assert.equal(await group.locator('.error-message').count(), 0, `${typed} is a date`));
    } else {
      await press(portal, 'Tiếp tục', (url) => url.pathname === BIRTH);
      assert.equal(await group.locator('.error-message').count(), 0, `${typed} is a date`);
      assert.equal(await field.inputValue(), typed, 'kept as typed until submitted');
    }
  }
  await field.fill('27/03/07');
  if (portal.javaScriptEnabled) {
    await field.press('Tab');
  } else {
    await press(portal, 'Tiếp tục', (url) => url.pathname === BIRTH);
  }
  await eventually(async () => assert.match(squash(await group.innerText()), /không hợp lệ\. Nhập theo dạng ngày\/tháng\/năm, ví dụ 27\/03\/2007\./));

  await portal.open(`${BIRTH}?lang=en`);
  assert.equal(squash(await page.locator('#filing-mother-birth-date-hint').innerText()), 'For example: 27/03/2007');
});

scenario('The address picker\'s button for browsers without JavaScript is hidden once JavaScript runs', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  const buttons = page.getByRole('button', { name: 'Hiện danh sách xã/phường của tỉnh đã chọn' });
  const refresh = page.locator('.eform-address__refresh');
  assert.ok((await refresh.count()) > 0, 'the form has an address');
  if (portal.javaScriptEnabled) {
    // After hydration the commune list follows the province by itself.
    for (const button of await refresh.all()) {
      assert.equal(await button.isVisible(), false, 'hidden with JavaScript');
    }
    assert.equal(await buttons.count(), 0, 'and out of the accessibility tree');
  } else {
    assert.equal(await buttons.first().isVisible(), true, 'there to press without JavaScript');
  }
});
