// Filing ends on a check page ("Kiểm tra hồ sơ trước khi nộp"): the filing
// page goes office, questions, documents, fees, declaration, then
// "Tiếp tục"; the check page shows the answers, the documents, the exact
// fee (the one the dossier is then billed), the office and the appointment,
// with "Thay đổi" back to each part, and only its "Nộp hồ sơ" sends.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { press, signInAs } from '../support/accounts.mjs';

const CRIMINAL_RECORD = '/nop-ho-so/3.000333';
const CHECK = `${CRIMINAL_RECORD}/kiem-tra`;

/** Everything but the number of certificates and the declaration, saved as a draft earlier. */
const SAVED = {
  filing_form: '1',
  agency: '000.00.19.H34',
  applicant_name: 'Nguyễn Văn Công',
  applicant_citizen_id: '022190001234',
  applicant_birth_date: '27.3.1990',
  applicant_phone: '0912345678',
  'applicant_address.province': '22',
  'applicant_address.commune': '06685',
  'applicant_address.street': 'Số 5, phố Lê Thánh Tông',
  sex: 'male',
  birth_place: 'Quảng Ninh',
  nationality: 'Việt Nam',
  father_name: 'Nguyễn Văn Bình',
  mother_name: 'Trần Thị Hoa',
  'residence_history.items': '1',
  'residence_history.0.from': '03/2004',
  'residence_history.0.place.province': '22',
  'residence_history.0.place.commune': '06685',
  'residence_history.0.place.street': 'Số 5, phố Lê Thánh Tông',
  slip_type: '2',
  purpose: 'Bổ sung hồ sơ xin việc',
  action: 'save',
};

async function saveDraft(portal) {
  const saved = await portal.page.request.post(CRIMINAL_RECORD, { headers: { Origin: BASE_URL }, form: SAVED, maxRedirects: 0 });
  assert.equal(saved.status(), 303, 'the draft is saved');
}

/** The vertical position of the first element matching `selector`. */
async function top(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is on the page`);
  return box.y;
}

scenario('A citizen asks for three certificates, checks the dossier and the 205.000 đ fee, and is billed exactly that', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await saveDraft(portal);
  await portal.open(CRIMINAL_RECORD);

  // The page in the order the citizen works.
  const order = [
    await top(page, '#filing-agency'),
    await top(page, '#filing-applicant-name'),
    await top(page, '#documents-heading'),
    await top(page, '#phi-le-phi'),
    await top(page, '#filing-oath'),
    await top(page, 'button[value=review]'),
  ];
  assert.deepEqual([...order].sort((a, b) => a - b), order, `office, questions, documents, fees, declaration, then "Tiếp tục": ${order}`);

  await page.getByLabel('Số lượng Phiếu yêu cầu cấp').fill('3');
  await page.getByLabel(/Tôi cam đoan/).check();
  const fees = page.locator('#phi-le-phi');
  if (portal.javaScriptEnabled) {
    await page.getByLabel('Mục đích yêu cầu cấp Phiếu').focus();
    await eventually(async () => assert.match(squash(await fees.innerText()), /205\.000 đ/, 'the estimate follows the answer'));
  } else {
    // Worked out from the answers the page came with; the check page has the amount for these.
    assert.match(squash(await fees.innerText()), /200\.000 đ/);
  }

  await press(portal, 'Tiếp tục', (url) => url.pathname === CHECK);
  assert.equal(squash(await page.locator('h1').innerText()), 'Kiểm tra hồ sơ trước khi nộp');
  const main = squash(await page.locator('main').innerText());
  for (const shown of ['Công an tỉnh Quảng Ninh', 'Nguyễn Văn Công', '27/03/1990', 'Bổ sung hồ sơ xin việc', 'Số lượng Phiếu yêu cầu cấp 3']) {
    assert.ok(main.includes(shown), `the check page shows ${shown}: ${main}`);
  }
  assert.match(main, /Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp/, 'the documents');
  assert.equal(squash(await page.locator('.check-fee-total').innerText()), '205.000 đ');
  assert.match(squash(await page.locator('.check-appointment').innerText()), /^\d{2}\/\d{2}\/\d{4} /);

  // "Thay đổi" leads back to the field itself on the filing page.
  const change = page.getByRole('link', { name: 'Thay đổi: Số lượng Phiếu yêu cầu cấp' });
  assert.equal(await change.getAttribute('href'), `${CRIMINAL_RECORD}#filing-copies`);
  const office = page.getByRole('link', { name: 'Thay đổi: Nơi nộp hồ sơ' });
  await portal.navigateBy((url) => url.pathname === CRIMINAL_RECORD && url.hash === '#filing-agency', () => office.click());
  assert.equal(await page.getByLabel('Nơi nộp hồ sơ').inputValue(), '000.00.19.H34', 'the answers are all there');
  assert.equal(await page.getByLabel('Số lượng Phiếu yêu cầu cấp').inputValue(), '3');
  await press(portal, 'Tiếp tục', (url) => url.pathname === CHECK);

  const url = await press(portal, 'Nộp hồ sơ', (url) => url.pathname.startsWith('/ho-so/'));
  assert.match(decodeURIComponent(url.pathname), /^\/ho-so\/000\.00\.19\.H34-\d{6}-\d{4}$/);
  const bill = squash(await page.getByRole('region', { name: 'Phí, lệ phí' }).innerText());
  assert.match(bill, /Tổng số tiền phải nộp 205\.000 đ/, `billed what the check page said: ${bill}`);
});

scenario('The check page of an incomplete draft says what is missing and offers no "Nộp hồ sơ"', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await saveDraft(portal);
  await portal.open(CHECK);
  const warning = squash(await page.locator('main .notice--warning').innerText());
  assert.match(warning, /Hồ sơ chưa thể nộp/);
  assert.match(warning, /số lượng Phiếu yêu cầu cấp/i, warning);
  const link = page.locator('main .notice--warning a', { hasText: 'Số lượng Phiếu yêu cầu cấp' });
  assert.equal(await link.getAttribute('href'), `${CRIMINAL_RECORD}#filing-copies`);
  assert.equal(await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).count(), 0);
});
