// A dossier from arrival to result: reception asks for a supplement, the
// citizen sends it, reception accepts and assigns, the specialist proposes,
// the leader sends it back once and then approves, reception returns the
// result, and the citizen downloads it and reads the whole timeline.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { actOn, fileBirthRegistration } from '../support/back-office.mjs';

/**
 * A working day a week or more after the appointment shown on the dossier's
 * back-office page, as a date input takes it (yyyy-mm-dd): a Tuesday clear
 * of Tết and the spring and autumn holidays.
 */
async function laterWorkingDay(portal, code) {
  await portal.open(`/can-bo/ho-so/${code}`);
  const [, day, month, year] = squash(await portal.page.locator('main').innerText()).match(/Hạn trả kết quả (\d{2})\/(\d{2})\/(\d{4})/);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) + 7));
  const clear = (d) => d.getUTCDay() === 2 && d.getUTCMonth() > 1 && !/^(04-(29|30)|05-0[1-3]|08-31|09-0[1-3])$/.test(d.toISOString().slice(5, 10));
  while (!clear(date)) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

scenario('A birth registration goes from arrival to a returned result', async (portal) => {
  const { page } = portal;
  const code = await fileBirthRegistration(portal);

  await signInAs(portal, 'tiepnhan@motcua.example');
  await portal.open('/can-bo');
  assert.ok(squash(await page.locator('main').innerText()).includes(code), 'the new dossier is in reception’s queue');
  await actOn(portal, code, 'Yêu cầu bổ sung', { 'Ghi chú, lý do — Yêu cầu bổ sung': 'Thiếu bản sao giấy chứng nhận kết hôn.' });

  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/ho-so/${code}`);
  assert.ok(squash(await page.locator('main').innerText()).includes('Thiếu bản sao giấy chứng nhận kết hôn.'));
  await fillIn(page, 'Nội dung bạn đã bổ sung', 'Đã nộp bổ sung tại bộ phận một cửa.');
  await press(portal, 'Gửi bổ sung', (url) => url.pathname === `/ho-so/${code}`);

  await signInAs(portal, 'tiepnhan@motcua.example');
  await actOn(portal, code, 'Tiếp nhận');
  // The appointment will be missed: the agency's leader apologises and
  // proposes a new date (slip 04).
  await signInAs(portal, 'lanhdao@motcua.example');
  const newDay = await laterWorkingDay(portal, code);
  await actOn(portal, code, 'Xin lỗi và hẹn lại ngày trả', {
    'Ngày hẹn trả kết quả mới': newDay,
    'Ghi chú, lý do — Xin lỗi và hẹn lại ngày trả': 'Cần xác minh với bệnh viện.',
  });
  const [, y, m, d] = newDay.match(/(\d{4})-(\d{2})-(\d{2})/);
  assert.ok(squash(await page.locator('main').innerText()).includes(`Hạn trả kết quả ${d}/${m}/${y}`), 'the new appointment is in force');
  await actOn(portal, code, 'Phân công xử lý', { 'Chuyên viên': 'Trần Văn Chuyên' });
  await signInAs(portal, 'chuyenvien@motcua.example');
  await actOn(portal, code, 'Trình phê duyệt');
  await signInAs(portal, 'lanhdao@motcua.example');
  await actOn(portal, code, 'Trả lại chuyên viên', { 'Ghi chú, lý do — Trả lại chuyên viên': 'Ghi rõ nơi sinh.' });
  await signInAs(portal, 'chuyenvien@motcua.example');
  await actOn(portal, code, 'Trình phê duyệt');
  await signInAs(portal, 'lanhdao@motcua.example');
  await actOn(portal, code, 'Phê duyệt');
  await signInAs(portal, 'tiepnhan@motcua.example');
  await actOn(portal, code, 'Trả kết quả');

  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/ho-so/${code}`);
  const timeline = squash(await page.locator('.timeline').innerText());
  for (const step of ['Chờ tiếp nhận', 'Chờ bổ sung hồ sơ', 'Đã tiếp nhận', 'Đang xử lý', 'Chờ phê duyệt', 'Đã có kết quả', 'Đã trả kết quả']) {
    assert.ok(timeline.includes(step), `${step} in the timeline: ${timeline}`);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: new RegExp(`ket-qua-${code.replaceAll('.', '\\.')}\\.pdf`) }).click(),
  ]);
  const result = await readFile(await download.path());
  assert.equal(result.subarray(0, 5).toString(), '%PDF-', 'the result is a PDF');
  const [controlSlip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)' }).click(),
  ]);
  assert.equal((await readFile(await controlSlip.path())).subarray(0, 5).toString(), '%PDF-', 'slip 06 is a PDF');
  for (const slip of ['Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (PDF)']) {
    const [notice] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: slip }).click()]);
    assert.equal((await readFile(await notice.path())).subarray(0, 5).toString(), '%PDF-', `${slip} downloads`);
  }
  await eventually(async () => {
    await portal.open('/tai-khoan/giay-to');
    assert.ok(squash(await page.locator('main').innerText()).includes(`ket-qua-${code}.pdf`), 'and sits in the wallet');
  });

  // The citizen rates the service, and the manager's report counts it.
  await signInAs(portal, 'quanly@motcua.example');
  const ratingsBefore = await ratingsThisMonth(page);
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open(`/ho-so/${code}`);
  for (const question of ['Mức độ hài lòng chung', 'Thời gian giải quyết', 'Thái độ của cán bộ', 'Hướng dẫn có rõ ràng, dễ hiểu không']) {
    await page.getByRole('group', { name: question }).getByLabel('Rất hài lòng', { exact: true }).check();
  }
  await press(portal, 'Gửi đánh giá', (url) => url.pathname === `/ho-so/${code}`);
  assert.match(await noticeText(page), /Cảm ơn bạn đã đánh giá/);
  await signInAs(portal, 'quanly@motcua.example');
  assert.equal(await ratingsThisMonth(page), ratingsBefore + 1, 'the rating is in the report');
  await portal.open('/thong-ke?co-quan=000.01.40.H34');
  const card = squash(await page.locator('.score-card', { hasText: 'Mức độ hài lòng' }).innerText());
  assert.match(card, new RegExp(`\\(\\d+/${ratingsBefore + 1}\\)`), card);

  // From the number of results returned to the dossiers behind it, and on
  // to this one in the back office.
  const resolved = page.locator('table.report--form tfoot').getByRole('link', { name: /hồ sơ: Số hồ sơ đã giải quyết$/ });
  await portal.navigateBy((url) => url.pathname === '/thong-ke/ho-so', () => resolved.click());
  await page.getByRole('heading', { name: 'Danh sách hồ sơ theo số liệu', level: 1 }).waitFor();
  assert.match(squash(await page.locator('main').innerText()), /Số hồ sơ đã giải quyết — Mọi lĩnh vực/);
  await portal.navigateBy((url) => url.pathname === `/can-bo/ho-so/${code}`, () => page.getByRole('link', { name: code, exact: true }).click());
  // (With JavaScript the new page renders after the address changes.)
  await page.getByRole('heading', { name: `Hồ sơ ${code}`, level: 1 }).waitFor();
}, { timeout: 420_000 });

/** Ratings given this month at the demo ward, from the manager's report. */
async function ratingsThisMonth(page) {
  const response = await page.request.get('/api/v1/reports/bieu-06?agency=000.01.40.H34');
  assert.equal(response.status(), 200);
  return (await response.json()).total.ratings;
}
