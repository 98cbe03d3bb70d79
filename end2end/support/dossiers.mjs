// A submitted dossier to follow, made quickly: the same form posts a browser
// without JavaScript sends (upload, then submit), so stories about what
// happens after filing do not retype the whole form.

import assert from 'node:assert/strict';
import { BASE_URL } from './portal.mjs';

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

const BIRTH = '/nop-ho-so/1.001193';

const BIRTH_ANSWERS = {
  agency: '000.01.40.H34',
  applicant_name: 'Nguyễn Văn Công',
  applicant_citizen_id: '022190001234',
  applicant_birth_date: '15/03/1990',
  applicant_phone: '0912345678',
  'applicant_address.province': '22',
  'applicant_address.commune': '06685',
  'applicant_address.street': 'Số 5, phố Lê Thánh Tông',
  relationship: 'father',
  child_name: 'Nguyễn Minh Khang',
  child_birth_date: '01/11/2026',
  child_sex: 'male',
  child_ethnicity: 'kinh',
  child_nationality: 'Việt Nam',
  child_birth_place: 'Bệnh viện Bãi Cháy',
  mother_name: 'Trần Thị Lan',
  mother_birth_date: '20/05/1992',
  mother_citizen_id: '022192004567',
  has_father: 'no',
  oath: 'on',
  action: 'submit',
};

/**
 * Files a birth registration as the signed-in citizen with the hospital's
 * birth certificate `fileName` attached; returns the dossier code.
 */
export async function fileBirthRegistration(portal, fileName = 'giay-chung-sinh.pdf', buffer = PDF) {
  const { page } = portal;
  await portal.open(BIRTH);
  const slot = page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: 'Giấy chứng sinh' }) }).first();
  // The slot's "Tải lên" button names the slot; its file field is file_<slot>.
  const document = await slot.locator('button[name=document]').first().getAttribute('value');
  const headers = { Origin: BASE_URL };
  const uploaded = await page.request.post(`${BIRTH}/giay-to`, {
    headers,
    multipart: { document, [`file_${document}`]: { name: fileName, mimeType: 'application/pdf', buffer } },
    maxRedirects: 0,
  });
  assert.equal(uploaded.status(), 303, `the upload is accepted: ${await uploaded.text()}`);
  const submitted = await page.request.post(BIRTH, { headers, form: BIRTH_ANSWERS, maxRedirects: 0 });
  const location = submitted.headers().location ?? '';
  assert.match(location, /^\/ho-so\/000\.01\.40\.H34-/, `the dossier is submitted (went to ${location})`);
  return decodeURIComponent(location.replace('/ho-so/', ''));
}
