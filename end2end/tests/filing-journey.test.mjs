// Filing as a citizen works: every button of the filing page keeps what was
// typed and comes back to where the citizen was, and the office ("Nơi nộp
// hồ sơ") is never chosen for them.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { uploadFile } from '../support/eform.mjs';

const BIRTH = '/nop-ho-so/1.001193';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

function slotNamed(page, name) {
  return page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: name }) }).first();
}

scenario('Uploading a document keeps every answer typed so far and comes back to the document', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  // Typed, never saved as a draft.
  const birthPlace = `Bệnh viện Bãi Cháy ${Date.now()}`;
  await fillIn(page, 'Nơi sinh', birthPlace);
  await fillIn(page, 'Họ, chữ đệm, tên người mẹ', 'Trần Thị Lan');

  const slot = slotNamed(page, 'Giấy chứng sinh');
  await uploadFile(portal, slot, { name: 'chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  assert.equal(portal.url().pathname, BIRTH);
  assert.match(await noticeText(page), /Đã tải lên “chung-sinh\.pdf”/);
  const uploaded = slotNamed(page, 'Giấy chứng sinh');
  assert.ok((await uploaded.innerText()).includes('chung-sinh.pdf'), 'the file is listed under its document');
  // Back at the document just uploaded, not the top of the page.
  const anchor = await uploaded.getAttribute('id');
  assert.match(anchor, /^tai-lieu-\d+$/);
  assert.equal(portal.url().hash, `#${anchor}`);
  // Nothing typed is lost.
  assert.equal(await page.getByLabel('Nơi sinh').inputValue(), birthPlace);
  assert.equal(await page.getByLabel('Họ, chữ đệm, tên người mẹ', { exact: true }).inputValue(), 'Trần Thị Lan');
});

scenario('A draft created by an upload leaves "Nơi nộp hồ sơ" unchosen, and going on asks for it', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  const office = page.getByLabel('Nơi nộp hồ sơ');
  assert.ok((await office.locator('option').count()) > 2, 'the procedure is filed at more than one office');
  await office.selectOption('');
  await uploadFile(portal, slotNamed(page, 'Giấy chứng sinh'), { name: 'chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  assert.equal(await page.getByLabel('Nơi nộp hồ sơ').inputValue(), '', 'no office chosen for the citizen');

  await press(portal, 'Tiếp tục', (url) => url.pathname === BIRTH);
  const summary = squash(await page.locator('.error-summary').innerText());
  assert.ok(summary.includes('Chọn nơi nộp hồ sơ'), summary);
  const field = squash(await page.locator('.form-group--error', { has: page.getByLabel('Nơi nộp hồ sơ') }).innerText());
  assert.ok(field.includes('Chọn nơi nộp hồ sơ'), field);
});

scenario('"Lưu nháp" keeps the answers typed and comes back to where the citizen was', async (portal) => {
  const { page } = portal;
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(BIRTH);
  const birthPlace = `Nhà hộ sinh ${Date.now()}`;
  await fillIn(page, 'Nơi sinh', birthPlace);
  await press(portal, 'Lưu nháp', (url) => url.pathname === BIRTH);
  assert.equal(await page.getByLabel('Nơi sinh').inputValue(), birthPlace);
  // With JavaScript, back at the field last worked on; without it, at the
  // buttons pressed — not the top of a long page.
  const place = portal.javaScriptEnabled ? '#filing-child-birth-place' : '#filing-actions';
  assert.equal(portal.url().hash, place);
  const top = await page.locator(place).boundingBox();
  // Scrolled to the anchor: at the top, give or take a sub-pixel.
  assert.ok(top && top.y >= -2 && top.y < 800, `${place} is on the screen (y = ${top?.y})`);
});
