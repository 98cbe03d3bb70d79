// Counter filing: reception finds no record for a walk-in applicant's CCCD,
// records them, opens the birth registration for them, scans the hospital's
// certificate, files, and prints slip 01 of a dossier accepted on the spot.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE_URL, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { uploadFile } from '../support/eform.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

scenario('Reception files and accepts a dossier for a walk-in applicant', async (portal) => {
  const { page } = portal;
  // Born in 1990, a woman: CCCD digits 4–6 are 190. Unique per run and mode.
  const citizenId = `014190${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  await signInAs(portal, 'tiepnhan@motcua.example');

  await portal.open('/can-bo');
  await portal.navigateBy((url) => url.pathname === '/can-bo/tiep-nhan',
    () => page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click());
  await fillIn(page, 'Số định danh cá nhân (CCCD) của người nộp', citizenId);
  await press(portal, 'Tìm người nộp', (url) => url.searchParams.get('cccd') === citizenId);
  assert.match(squash(await page.locator('main').innerText()), /Chưa có công dân nào với số định danh/);

  // A wrong date of birth is explained; the name typed stays.
  await fillIn(page, 'Họ và tên', 'Lò Thị Mai');
  await fillIn(page, 'Ngày sinh', '31/02/1990');
  await press(portal, 'Ghi nhận người nộp', (url) => url.pathname === '/can-bo/tiep-nhan');
  assert.match(squash(await page.locator('main').innerText()), /Ngày sinh không hợp lệ/);
  assert.equal(await page.getByLabel('Họ và tên', { exact: true }).inputValue(), 'Lò Thị Mai');
  await fillIn(page, 'Ngày sinh', '02/09/1990');
  await press(portal, 'Ghi nhận người nộp', (url) => url.pathname === '/can-bo/tiep-nhan');
  assert.match(await noticeText(page), /Đã ghi nhận người nộp/);

  await page.getByLabel('Thủ tục', { exact: true }).selectOption('1.001193');
  await press(portal, 'Lập hồ sơ', (url) => /^\/can-bo\/tiep-nhan\/\d+\/1\.001193$/.test(url.pathname));
  const filing = new URL(page.url()).pathname;
  assert.match(squash(await page.locator('main').innerText()), /Nộp thay cho: Lò Thị Mai/);
  const slot = page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: 'Giấy chứng sinh' }) }).first();
  await uploadFile(portal, slot, { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  assert.match(await slot.innerText(), /giay-chung-sinh\.pdf/);

  // The e-form itself is covered by filing.test.mjs: post the answers as the page would.
  const response = await page.request.post(filing, {
    headers: { Origin: BASE_URL },
    form: {
      agency: '000.01.40.H34', applicant_name: 'Lò Thị Mai', applicant_citizen_id: citizenId,
      applicant_birth_date: '02/09/1990', applicant_phone: '0912345678',
      'applicant_address.province': '22', 'applicant_address.commune': '06685', 'applicant_address.street': 'Bản Hon',
      relationship: 'mother', child_name: 'Lò Minh Khang', child_birth_date: '01/11/2026', child_sex: 'male',
      child_ethnicity: 'thai', child_nationality: 'Việt Nam', child_birth_place: 'Bệnh viện Bãi Cháy',
      mother_name: 'Lò Thị Mai', mother_birth_date: '02/09/1990', mother_citizen_id: citizenId,
      has_father: 'no', oath: 'on', action: 'submit',
    },
  });
  const path = new URL(response.url()).pathname;
  assert.match(path, /^\/can-bo\/ho-so\/000\.01\.40\.H34-\d{6}-\d{4}$/, `accepted (${response.status()} at ${path})`);

  await portal.open(path);
  const main = squash(await page.locator('main').innerText());
  assert.match(main, /Đã tiếp nhận/);
  assert.match(main, /Trực tiếp tại bộ phận một cửa/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ/ }).click(),
  ]);
  const text = squash(execFileSync('pdftotext', [await download.path(), '-']).toString());
  assert.ok(text.includes('Lò Thị Mai'), text);
  assert.ok(text.includes('trực tiếp'), text);
});
