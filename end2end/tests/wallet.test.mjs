// A document uploaded for one dossier is reused for another from the
// citizen's document wallet, without uploading it again.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { noticeText, signInAs } from '../support/accounts.mjs';
import { uploadFile } from '../support/eform.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

function slot(page, document) {
  return page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: document }) }).first();
}

scenario('A citizen uploads a document for one procedure and reuses it from the wallet for another', async (portal) => {
  const { page } = portal;
  const name = `uy-quyen-${Date.now()}-${portal.javaScriptEnabled ? 'js' : 'html'}.pdf`;
  await signInAs(portal, 'congdan@motcua.example');

  await portal.open('/nop-ho-so/3.000333');
  await uploadFile(portal, slot(page, 'Văn bản ủy quyền'), { name, mimeType: 'application/pdf', buffer: PDF });
  assert.equal(portal.url().pathname, '/nop-ho-so/3.000333');
  assert.match(await noticeText(page), /Đã tải lên/);

  await portal.open('/tai-khoan/giay-to');
  assert.ok(squash(await page.locator('main').innerText()).includes(name), 'the file is in the wallet');

  await portal.open('/nop-ho-so/1.001193');
  const target = slot(page, 'Văn bản ủy quyền');
  const choice = target.getByLabel('Hoặc dùng giấy tờ đã có trong kho giấy tờ của bạn');
  const option = choice.locator('option', { hasText: name });
  await choice.selectOption(await option.getAttribute('value'));
  await portal.navigateBy((url) => url.pathname === '/nop-ho-so/1.001193', () => target.getByRole('button', { name: 'Dùng giấy tờ này' }).click());
  assert.match(await noticeText(page), /Đã dùng giấy tờ từ kho giấy tờ của bạn/);
  assert.ok((await slot(page, 'Văn bản ủy quyền').locator('.document-slot__files').innerText()).includes(name), 'listed under the new dossier');
});
