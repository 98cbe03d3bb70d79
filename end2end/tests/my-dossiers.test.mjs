// "Hồ sơ của tôi": codes that read whole, a state filter, paging; the
// wallet says what each file is; "Thanh toán" lists payments and receipts.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';
import { fileBirthRegistration } from '../support/dossiers.mjs';

scenario('A citizen filters their dossiers by state and reads each code on one line', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  const code = await fileBirthRegistration(portal);
  await portal.open('/ho-so');
  assert.match(squash(await page.locator('p.results-count').innerText()), /^\d+ hồ sơ$/);

  await page.getByLabel('Trạng thái').selectOption({ label: 'Chờ tiếp nhận' });
  await portal.navigateBy(
    (url) => url.pathname === '/ho-so' && url.searchParams.get('trang-thai') === 'submitted',
    () => page.getByRole('button', { name: 'Lọc', exact: true }).click(),
  );
  const states = await page.locator('main table tbody tr .tag').allInnerTexts();
  assert.ok(states.length > 0 && states.every((state) => squash(state) === 'Chờ tiếp nhận'), states.join(', '));

  // The new dossier's code is a link on a single line.
  const link = page.getByRole('link', { name: code, exact: true });
  const box = await link.boundingBox();
  const lineHeight = await link.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 24);
  assert.ok(box.height < lineHeight * 1.5, `${code} does not wrap (${box.height} px high)`);

  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã trả kết quả' });
  await portal.navigateBy(
    (url) => url.searchParams.get('trang-thai') === 'returned',
    () => page.getByRole('button', { name: 'Lọc', exact: true }).click(),
  );
  assert.ok(!squash(await page.locator('main').innerText()).includes(code), 'filtered out');
});

scenario('A citizen with many dossiers pages through them', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  // Twenty per page: make sure there is a second one.
  await portal.open('/ho-so');
  const total = Number(squash(await page.locator('p.results-count').innerText()).split(' ')[0]);
  for (let filed = total; filed <= 20; filed += 1) await fileBirthRegistration(portal);
  await portal.open('/ho-so');
  assert.equal(await page.locator('main table tbody tr').count(), 20);
  await portal.navigateBy((url) => url.searchParams.get('trang') === '2', () => page.getByRole('link', { name: 'Trang sau' }).click());
  assert.ok((await page.locator('main table tbody tr').count()) >= 1, 'the rest are on page 2');
  assert.ok(await page.getByRole('link', { name: 'Trang trước' }).isVisible());
});

scenario('The wallet says what each file is, its real size and the date it was uploaded', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  const fileName = `chung-sinh-${Date.now()}.pdf`;
  await fileBirthRegistration(portal, fileName, Buffer.alloc(5 * 1024, '%PDF-1.7\n'));
  await portal.open('/tai-khoan/giay-to');
  const row = squash(await page.locator('main table tbody tr', { hasText: fileName }).innerText());
  assert.match(row, /Giấy chứng sinh/, row);
  assert.match(row, /PDF/, row);
  assert.match(row, /5 KB/, row);
  assert.match(row, /\d{2}\/\d{2}\/\d{4}/, row);

});

scenario('A citizen finds every payment and its receipt under "Thanh toán"', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  // A business household registration (100.000 đ), posted as the form would.
  const response = await page.request.post('/nop-ho-so/1.001612', {
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
  const code = decodeURIComponent(new URL(response.url()).pathname.replace('/ho-so/', ''));
  assert.match(code, /^000\.01\.40\.H34-\d{6}-\d{4}$/);
  await portal.open(`/ho-so/${code}`);
  const leave = (name, pattern) =>
    Promise.all([page.waitForURL(pattern, { waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
  await leave('Thanh toán trực tuyến', /\/cong-thanh-toan-thu-nghiem\?/);
  await leave('Thanh toán thành công', /\/thanh-toan\/MC/);

  await eventually(async () => {
    await portal.open('/tai-khoan/thanh-toan');
    const row = squash(await page.locator('main table tbody tr', { hasText: code }).first().innerText());
    assert.match(row, /100\.000 đ/, row);
    assert.match(row, /Đã thanh toán/, row);
    assert.match(row, /Biên lai số/, row);
  }, { timeout: 60_000, interval: 500 });
  assert.ok(await page.getByRole('link', { name: /^Biên lai số/ }).first().isVisible(), 'the receipt opens from the list');
});
