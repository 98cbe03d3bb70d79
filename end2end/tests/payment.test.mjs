// Paying a fee online through the sandbox bank: a first attempt fails and
// is retried, the second succeeds; the dossier shows it paid only once the
// bank's own notification has arrived, and the receipt downloads.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

/** The demo citizen files a business household registration (100.000 đ); returns its code. */
async function fileBusinessHousehold(portal) {
  await signInAs(portal, 'congdan@motcua.example');
  // The form itself is covered by filing.test.mjs: post the answers as the page would.
  const response = await portal.page.request.post('/nop-ho-so/1.001612', {
    headers: { Origin: BASE_URL },
    form: {
      agency: '000.01.40.H34', applicant_name: 'Vũ Thị Công Dân', applicant_citizen_id: '022190001234',
      applicant_birth_date: '12/05/1990', applicant_phone: '0912345678',
      'applicant_address.province': '22', 'applicant_address.commune': '06685', 'applicant_address.street': 'Số 5, phố Lê Thánh Tông',
      business_name: 'Hộ kinh doanh Cà phê Hạ Long',
      'business_address.province': '22', 'business_address.commune': '06685', 'business_address.street': 'Số 12, phố Bến Đoan',
      business_lines: 'Kinh doanh đồ uống', capital: '50000000', employees: '2', family_members: 'no', oath: 'on', action: 'submit',
    },
  });
  const path = new URL(response.url()).pathname;
  assert.match(path, /^\/ho-so\/000\.01\.40\.H34-\d{6}-\d{4}$/, `submitted (${response.status()} at ${path})`);
  return decodeURIComponent(path.replace('/ho-so/', ''));
}

/** Presses a button whose form leaves for the bank or comes back from it. */
async function pressAndLeave(page, name, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

scenario('A citizen pays a fee online, after one failed attempt, and downloads the receipt', async (portal) => {
  const { page } = portal;
  const code = await fileBusinessHousehold(portal);
  await portal.open(`/ho-so/${code}`);
  const fees = squash(await page.locator('#fees-heading').locator('..').innerText());
  assert.ok(fees.includes('100.000 đ') && fees.includes('Chưa thanh toán'), fees);

  await pressAndLeave(page, 'Thanh toán trực tuyến', /\/cong-thanh-toan-thu-nghiem\?/);
  assert.ok(squash(await page.locator('main').innerText()).includes('100.000 đ'), 'the bank shows the amount');
  await pressAndLeave(page, 'Thanh toán thất bại', /\/thanh-toan\/MC/);
  const firstAttempt = new URL(page.url()).pathname;
  await eventually(async () => {
    await portal.open(firstAttempt);
    assert.ok(squash(await page.locator('main').innerText()).includes('Khoản thanh toán chưa thành công'));
  }, { timeout: 60_000, interval: 500 });

  await pressAndLeave(page, 'Thanh toán lại', /\/cong-thanh-toan-thu-nghiem\?/);
  await pressAndLeave(page, 'Thanh toán thành công', /\/thanh-toan\/MC/);
  const secondAttempt = new URL(page.url()).pathname;
  assert.notEqual(secondAttempt, firstAttempt, 'a new payment reference');
  await eventually(async () => {
    await portal.open(secondAttempt);
    assert.ok(squash(await page.locator('main').innerText()).includes('Cổng dịch vụ công đã nhận xác nhận của ngân hàng'));
  }, { timeout: 60_000, interval: 500 });
  const [receipt] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Biên lai thu phí, lệ phí số/ }).click(),
  ]);
  assert.equal((await readFile(await receipt.path())).subarray(0, 5).toString(), '%PDF-', 'the receipt is a PDF');

  await portal.open(`/ho-so/${code}`);
  const paid = squash(await page.locator('#fees-heading').locator('..').innerText());
  assert.ok(paid.includes('Đã thanh toán'), paid);
  assert.equal(await page.getByRole('button', { name: 'Thanh toán trực tuyến', exact: true }).count(), 0, 'nothing more to pay');
});
