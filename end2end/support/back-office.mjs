// What officials do in the back office, in the portal's own words, and the
// dossiers and colleagues they work with.

import assert from 'node:assert/strict';
import { BASE_URL, squash } from './portal.mjs';
import { fillIn, linkMailedTo, noticeText, press, signInAs } from './accounts.mjs';
import { uploadFile } from './eform.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

/** The demo citizen files a birth registration at the demo ward; returns its code. */
export async function fileBirthRegistration(portal) {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/nop-ho-so/1.001193');
  const slot = page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: 'Giấy chứng sinh' }) }).first();
  await uploadFile(portal, slot, { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  // The form itself is covered by filing.test.mjs: post the answers as the page would.
  const response = await page.request.post('/nop-ho-so/1.001193', {
    headers: { Origin: BASE_URL },
    form: {
      agency: '000.01.40.H34', applicant_name: 'Vũ Thị Công Dân', applicant_citizen_id: '022190001234',
      applicant_birth_date: '12/05/1990', applicant_phone: '0912345678',
      'applicant_address.province': '22', 'applicant_address.commune': '06685', 'applicant_address.street': 'Số 5, phố Lê Thánh Tông',
      relationship: 'mother', child_name: 'Nguyễn Minh Khang', child_birth_date: '01/11/2026', child_sex: 'male',
      child_ethnicity: 'kinh', child_nationality: 'Việt Nam', child_birth_place: 'Bệnh viện Bãi Cháy',
      mother_name: 'Vũ Thị Công Dân', mother_birth_date: '12/05/1990', mother_citizen_id: '022190001234',
      has_father: 'no', oath: 'on', action: 'submit',
    },
  });
  const path = new URL(response.url()).pathname;
  assert.match(path, /^\/ho-so\/000\.01\.40\.H34-\d{6}-\d{4}$/, `submitted (${response.status()} at ${path})`);
  return decodeURIComponent(path.replace('/ho-so/', ''));
}

/** Opens the dossier in the back office and presses an action's button, after filling `fields`. */
export async function actOn(portal, code, action, fields = {}) {
  const { page } = portal;
  await portal.open(`/can-bo/ho-so/${code}`);
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await press(portal, action, (url) => url.pathname === `/can-bo/ho-so/${code}`);
  assert.match(await noticeText(page), /Đã cập nhật/, `${action} went through`);
}

/** The text of `main`, squashed. */
export async function mainText(page) {
  return squash(await page.locator('main').innerText());
}

const GIVEN_NAMES = ['An', 'Bình', 'Cúc', 'Dung', 'Giang', 'Hà', 'Lan', 'Mai', 'Nga', 'Oanh'];

/**
 * The demo administrator gives the demo ward a second specialist, who sets
 * a password from the mail; returns their name, email and password.
 */
export async function newSpecialistAtTheWard(portal) {
  return newOfficialAtTheWard(portal, 'specialist');
}

/** The same for any role (`reception`, `leader`…). */
export async function newOfficialAtTheWard(portal, role) {
  const { page } = portal;
  const stamp = String(Date.now());
  const name = `Đặng ${GIVEN_NAMES[Number(stamp.at(-1))]} ${GIVEN_NAMES[Number(stamp.at(-2))]} ${GIVEN_NAMES[Number(stamp.at(-3))]}`;
  const email = `${role}.${stamp}.${Math.floor(Math.random() * 1e6)}@example.vn`;
  const password = 'sóng vỗ bờ Hạ Long';
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/nguoi-dung');
  const ward = page.getByLabel('Cơ quan', { exact: true }).first().locator('option', { hasText: 'phường Hồng Gai' }).first();
  const created = await page.request.post('/quan-tri/nguoi-dung', {
    headers: { Origin: BASE_URL },
    form: { full_name: name, email, agency_id: await ward.getAttribute('value'), role },
  });
  assert.ok(created.ok(), `the account is created (${created.status()})`);
  await portal.open(await linkMailedTo(portal, email, '/dat-lai-mat-khau'));
  await fillIn(page, 'Mật khẩu', password);
  await fillIn(page, 'Nhập lại mật khẩu', password);
  await press(portal, 'Đặt mật khẩu mới', (url) => url.pathname === '/dang-nhap');
  return { name, email, password };
}
