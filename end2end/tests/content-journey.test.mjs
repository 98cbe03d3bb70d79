// Issue 18's whole story, content as data end to end: an administrator adds
// a procedure with a document, a fee charged on filing and a processing
// step taken by another agency (liên thông); a second administrator
// publishes it; the demo citizen finds it, files it with the standard
// form and pays the fee; the ward accepts it, the land registration office
// examines it, the ward's chairperson approves it and the ward returns it
// online; the manager finds it among the dossiers Biểu 06 counts as
// resolved.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { actOn, mainText } from '../support/back-office.mjs';
import { uploadFile } from '../support/eform.mjs';
import { search } from '../support/catalogue.mjs';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const OFFICE = 'Văn phòng Đăng ký đất đai tỉnh Quảng Ninh';
const DOCUMENT = 'Đơn đề nghị xác nhận';

/** Presses a button whose form leaves for the bank or comes back from it. */
async function pressAndLeave(page, name, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

/** Today in Vietnam, as the statistics' date fields take it. */
function todayInVietnam() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

scenario('A procedure added as data, with a step at another agency, is filed, paid, processed and counted', async (portal) => {
  const { page } = portal;
  const code = portal.javaScriptEnabled ? '1.999301' : '1.999302';
  const name = `Xác nhận hiện trạng thửa đất ${code}`;
  const adminPage = `/quan-tri/thu-tuc/${code}`;
  const filing = `/nop-ho-so/${code}`;

  // One administrator adds it: a document, a fee, the office's step.
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/quan-tri/thu-tuc-moi');
  await fillIn(page, 'Mã thủ tục', code);
  await fillIn(page, 'Tên thủ tục', name);
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Văn hóa' });
  await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' });
  await fillIn(page, 'Số ngày hoặc số giờ làm việc', '5');
  await fillIn(page, 'Kết quả thực hiện', 'Giấy xác nhận hiện trạng');
  await press(portal, 'Tạo thủ tục', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã tạo thủ tục/);
  await fillIn(page, 'Tên giấy tờ 1', DOCUMENT);
  const fee = page.getByRole('group', { name: 'Dòng phí 1' });
  await fee.getByLabel('Nội dung').fill('Lệ phí xác nhận');
  await fee.getByLabel('Mức thu (đồng)').fill('20.000');
  await fee.getByLabel('Thu khi nộp hồ sơ').check();
  await page
    .getByRole('group', { name: 'Xử lý — chuyên viên' })
    .getByLabel('Cơ quan thực hiện bước này')
    .selectOption({ label: OFFICE });
  await press(portal, 'Lưu bản nháp', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã lưu bản nháp/);

  // A second administrator publishes it.
  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(adminPage);
  await press(portal, 'Xuất bản phiên bản', (url) => url.pathname === adminPage);
  assert.match(await noticeText(page), /Đã xuất bản/);

  // The demo citizen finds it and files it with the standard form.
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/thu-tuc');
  await search(portal, name);
  await portal.navigateBy((url) => url.pathname === `/thu-tuc/${code}`, () => page.getByRole('link', { name }).first().click());
  await portal.navigateBy((url) => url.pathname === filing, () => page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click());
  // The questions themselves are covered by the filing stories: save them
  // as the page would, then upload and send as the citizen does.
  const saved = await page.request.post(filing, {
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
    form: {
      filing_form: '1', agency: '000.01.40.H34',
      applicant_name: 'Vũ Thị Công Dân', applicant_citizen_id: '022190001234',
      applicant_birth_date: '12/05/1990', applicant_phone: '0912345678',
      'applicant_address.province': '22', 'applicant_address.commune': '06685',
      'applicant_address.street': 'Số 5, phố Lê Thánh Tông',
      filed_by: 'applicant', request_details: 'Xác nhận hiện trạng thửa đất số 12, tờ bản đồ số 5',
      result_delivery: 'online', oath: 'on', action: 'save',
    },
  });
  assert.equal(saved.status(), 303, 'the answers are saved');
  await portal.open(filing);
  const slot = page.locator('li.document-slot', { has: page.locator('.document-slot__name', { hasText: DOCUMENT }) }).first();
  await uploadFile(portal, slot, { name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
  await press(portal, 'Tiếp tục', (url) => url.pathname === `${filing}/kiem-tra`);
  assert.match(await mainText(page), /20\.000 đ/);
  await press(portal, 'Nộp hồ sơ', (url) => url.pathname.startsWith('/ho-so/000.01.40.H34-'));
  const dossier = decodeURIComponent(new URL(page.url()).pathname.replace('/ho-so/', ''));

  // The citizen pays the fee through the sandbox bank.
  await pressAndLeave(page, 'Thanh toán trực tuyến', /\/cong-thanh-toan-thu-nghiem\?/);
  await pressAndLeave(page, 'Thanh toán thành công', /\/thanh-toan\/MC/);
  const payment = new URL(page.url()).pathname;
  await eventually(async () => {
    await portal.open(payment);
    assert.ok((await mainText(page)).includes('Cổng dịch vụ công đã nhận xác nhận của ngân hàng'));
  }, { timeout: 60_000, interval: 500 });

  // The ward accepts it; the office's leader and specialist take their
  // step; the ward's chairperson approves; the ward returns it.
  await signInAs(portal, 'tiepnhan@motcua.example');
  await actOn(portal, dossier, 'Tiếp nhận');
  await signInAs(portal, 'lanhdao.datdai@motcua.example');
  await actOn(portal, dossier, 'Phân công xử lý', { 'Chuyên viên': 'Ngô Văn Địa' });
  await signInAs(portal, 'chuyenvien.datdai@motcua.example');
  await actOn(portal, dossier, 'Trình phê duyệt');
  await signInAs(portal, 'lanhdao@motcua.example');
  await actOn(portal, dossier, 'Phê duyệt');
  await signInAs(portal, 'tiepnhan@motcua.example');
  await actOn(portal, dossier, 'Trả kết quả');

  // The citizen has the result, signed by the ward.
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/ho-so/${dossier}`);
  const own = await mainText(page);
  assert.match(own, /Kết quả giải quyết/, own);
  assert.match(own, /Ký số bởi: Ủy ban nhân dân phường Hồng Gai/, own);

  // The manager finds it among the resolved dossiers of Biểu 06.
  await signInAs(portal, 'quanly@motcua.example');
  const today = todayInVietnam();
  await portal.open(`/thong-ke/ho-so?tu=${today}&den=${today}&linh-vuc=VAN_HOA&cot=resolved`);
  const counted = await mainText(page);
  assert.ok(counted.includes(dossier), `${dossier} among the resolved: ${counted}`);
}, { timeout: 300_000 });
