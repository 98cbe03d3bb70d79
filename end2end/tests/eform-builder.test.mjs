// Issue 19's story, e-forms as data: a designer builds a form with a
// file question and a repeating group, gives the group a rule acting on
// each member on its own with the rule editor (no JSON), previews it and
// tries it; a second official publishes it; a procedure is filed with it;
// the citizen files (the member's school is asked only of a child, shown
// at once with JavaScript; the photo uploaded with the answers kept); the
// ward sees the answers and opens the photo; the designer publishes
// version 2, and the first dossier still reads version 1's questions with
// its answers.

import assert from 'node:assert/strict';
import { scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { mainText } from '../support/back-office.mjs';
import { uploadFile } from '../support/eform.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const MEMBER = 'Họ và tên thành viên';
const MEMBER_V2 = 'Họ tên người trong hộ';
const DOCUMENT = 'Giấy tờ chứng minh chỗ ở';
const PHOTO = 'Ảnh sổ hộ khẩu cũ';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');
const GROUP = 'Thành viên hộ gia đình';

/** The household group added to the draft (its rule comes from the editor). */
function withHousehold(draft) {
  const form = JSON.parse(draft);
  form.sections[0].fields.push({
    name: 'members', type: 'group', label: { vi: GROUP, en: 'Household members' },
    item_label: { vi: 'Thành viên', en: 'Member' }, min_items: 1, max_items: 4,
    fields: [
      { name: 'full_name', type: 'text', required: true, label: { vi: MEMBER, en: 'Member name' } },
      { name: 'born', type: 'date', required: true, label: { vi: 'Ngày sinh của thành viên', en: 'Date of birth' } },
      { name: 'school', type: 'text', label: { vi: 'Trường đang học', en: 'School' } },
    ],
  });
  return JSON.stringify(form, null, 2);
}

scenario('A designer builds a form with a per-member rule; it is published, filed and kept by version', async (portal) => {
  const { page } = portal;
  const suffix = portal.javaScriptEnabled ? 'js' : 'khong-js';
  const formCode = `to-khai-ho-${suffix}-${Date.now() % 100000}`;
  const formTitle = `Tờ khai hộ gia đình ${formCode}`;
  const formPage = `/quan-tri/bieu-mau/${formCode}`;
  const code = portal.javaScriptEnabled ? '1.999401' : '1.999402';
  const adminPage = `/quan-tri/thu-tuc/${code}`;
  const filing = `/nop-ho-so/${code}`;

  // The designer creates the form, adds a field, then the group by the document.
  await signInAs(portal, 'thietke@motcua.example');
  assert.equal(portal.url().pathname, '/quan-tri/bieu-mau', 'a designer lands on the e-forms');
  await fillIn(page, 'Mã biểu mẫu', formCode);
  await fillIn(page, 'Tên biểu mẫu', formTitle);
  await press(portal, 'Tạo biểu mẫu', (url) => url.pathname === formPage);
  assert.match(await noticeText(page), /Đã tạo biểu mẫu/);
  await fillIn(page, 'Khóa trường', 'household_address');
  await fillIn(page, 'Nhãn (tiếng Việt)', 'Địa chỉ của hộ');
  await fillIn(page, 'Nhãn (tiếng Anh)', 'Household address');
  await page.getByLabel('Bắt buộc trả lời').check();
  await press(portal, 'Thêm trường', (url) => url.pathname === formPage);
  assert.match(await mainText(page), /Địa chỉ của hộ — household_address · Văn bản ngắn · bắt buộc/);
  await fillIn(page, 'Khóa trường', 'household_photo');
  await fillIn(page, 'Nhãn (tiếng Việt)', PHOTO);
  await fillIn(page, 'Nhãn (tiếng Anh)', 'Old household book');
  await page.getByLabel('Kiểu trường').selectOption({ label: 'Tệp đính kèm' });
  await press(portal, 'Thêm trường', (url) => url.pathname === formPage);
  assert.match(await mainText(page), /household_photo · Tệp đính kèm/);
  const document = page.getByLabel('Bản nháp (JSON)');
  await document.fill(withHousehold(await document.inputValue()));
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === formPage);
  assert.match(await noticeText(page), /Đã lưu bản nháp/);

  // The per-member rule, from the rule editor: a child is asked their school.
  for (const action of ['hiện câu hỏi', 'bắt buộc trả lời câu hỏi']) {
    await page.locator('#eform-rules-place').selectOption({ label: `Từng mục của nhóm “${GROUP}”` });
    await page.locator('#eform-rules-field-1').selectOption({ label: `${GROUP} › Ngày sinh của thành viên` });
    await page.locator('#eform-rules-op-1').selectOption({ label: 'tuổi (từ ngày sinh) nhỏ hơn' });
    await page.locator('#eform-rules-value-1').fill('14');
    await page.locator('#eform-rules-rule-action').selectOption({ label: action });
    await page.locator('#eform-rules-target').selectOption({ label: `${GROUP} › Trường đang học` });
    await press(portal, 'Thêm quy tắc', (url) => url.pathname === formPage);
    assert.match(await noticeText(page), /Đã thêm quy tắc/);
  }
  const rules = await mainText(page);
  assert.match(rules, /Khi tuổi theo “Ngày sinh của thành viên” < 14: hiện “Trường đang học”/);
  assert.match(rules, /Khi tuổi theo “Ngày sinh của thành viên” < 14: bắt buộc “Trường đang học”/);
  assert.match(rules, /Bản nháp đã qua mọi bước kiểm tra/);

  // The preview, tried as a citizen would: nothing is stored.
  await portal.navigateBy((url) => url.pathname === `${formPage}/xem-truoc`, () => page.getByRole('link', { name: 'Xem trước như công dân' }).click());
  await fillIn(page, 'Họ, chữ đệm và tên', 'Vũ Thị Công Dân');
  await fillIn(page, 'Địa chỉ của hộ', 'Số 5, phố Lê Thánh Tông');
  await fillIn(page, MEMBER, 'Vũ Thị Công Dân');
  await fillIn(page, 'Ngày sinh của thành viên', '12/05/1990');
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await press(portal, 'Nộp thử', (url) => url.pathname === `${formPage}/xem-truoc`);
  assert.match(await mainText(page), /Bài nộp thử hợp lệ/);
  assert.equal(await page.getByRole('button', { name: 'Xuất bản phiên bản mới' }).count(), 0);

  // The designer cannot publish it; a second official does.
  await portal.open(formPage);
  assert.match(await mainText(page), /cần một người khác xuất bản/);
  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(formPage);
  await press(portal, 'Xuất bản phiên bản mới', (url) => url.pathname === formPage);
  assert.match(await noticeText(page), /Đã xuất bản phiên bản 1/);

  // A procedure is filed with it (one administrator drafts, the other publishes).
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/thu-tuc-moi');
  await fillIn(page, 'Mã thủ tục', code);
  await fillIn(page, 'Tên thủ tục', `Đăng ký hộ gia đình ${code}`);
  await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' });
  await fillIn(page, 'Số ngày hoặc số giờ làm việc', '5');
  await fillIn(page, 'Kết quả thực hiện', 'Giấy xác nhận');
  await press(portal, 'Tạo thủ tục', (url) => url.pathname === adminPage);
  await fillIn(page, 'Tên giấy tờ 1', DOCUMENT);
  await page.getByLabel('Tờ khai điện tử').selectOption({ label: formTitle });
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã lưu bản nháp/);
  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(adminPage);
  await press(portal, 'Xuất bản phiên bản', (url) => url.pathname === adminPage);

  // The citizen files it: the school is asked of the child only.
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(filing);
  await page.getByLabel('Nơi nộp hồ sơ').selectOption('000.01.40.H34');
  await fillIn(page, 'Địa chỉ của hộ', 'Số 5, phố Lê Thánh Tông');
  await fillIn(page, MEMBER, 'Nguyễn Minh Khang');
  const school = page.getByLabel('Trường đang học');
  if (portal.javaScriptEnabled) {
    assert.equal(await school.isVisible(), false, 'not asked before the date of birth says a child');
  }
  await fillIn(page, 'Ngày sinh của thành viên', '01/11/2018');
  await page.getByLabel('Ngày sinh của thành viên').press('Tab');
  await school.fill('Trường Tiểu học Hồng Gai');
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  // The photo goes up with everything typed so far, which stays.
  await uploadFile(portal, page.locator('#filing-household-photo-question'), { name: 'so-ho-khau.png', mimeType: 'image/png', buffer: PNG });
  assert.match(await noticeText(page), /Đã tải lên “so-ho-khau.png”/);
  assert.equal(await school.inputValue(), 'Trường Tiểu học Hồng Gai');
  const slot = page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: DOCUMENT }) }).first();
  await uploadFile(portal, slot, { name: 'cho-o.pdf', mimeType: 'application/pdf', buffer: PDF });
  await press(portal, 'Tiếp tục', (url) => url.pathname === `${filing}/kiem-tra`);
  assert.match(await mainText(page), /Trường Tiểu học Hồng Gai/);
  await press(portal, 'Nộp hồ sơ', (url) => url.pathname.startsWith('/ho-so/000.01.40.H34-'));
  const dossier = decodeURIComponent(new URL(page.url()).pathname.replace('/ho-so/', ''));

  // The ward reads the answers.
  await signInAs(portal, 'tiepnhan@motcua.example');
  await portal.open(`/can-bo/ho-so/${dossier}`);
  const office = await mainText(page);
  assert.match(office, new RegExp(`${MEMBER}: Nguyễn Minh Khang`));
  assert.match(office, /Trường Tiểu học Hồng Gai/);
  assert.match(office, new RegExp(`${PHOTO} so-ho-khau.png`));
  const photo = page.getByRole('link', { name: 'so-ho-khau.png' }).first();
  const download = await page.request.get(new URL(await photo.getAttribute('href'), page.url()).toString());
  assert.equal(download.status(), 200, 'the ward opens the photo');

  // Version 2 renames the question; the dossier keeps version 1's.
  await signInAs(portal, 'thietke@motcua.example');
  await portal.open(formPage);
  await press(portal, 'Soạn phiên bản tiếp theo', (url) => url.pathname === formPage);
  const next = page.getByLabel('Bản nháp (JSON)');
  await next.fill((await next.inputValue()).replace(MEMBER, MEMBER_V2));
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === formPage);
  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(formPage);
  await press(portal, 'Xuất bản phiên bản mới', (url) => url.pathname === formPage);
  assert.match(await noticeText(page), /Đã xuất bản phiên bản 2/);
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/ho-so/${dossier}`);
  const kept = squash(await page.locator('main').innerText());
  assert.match(kept, new RegExp(MEMBER));
  assert.doesNotMatch(kept, new RegExp(MEMBER_V2));
  await portal.open(filing);
  assert.equal(await page.getByLabel(MEMBER_V2).count(), 1, 'new dossiers get version 2');
});
