// The assistant and questions to agencies: a fee question is answered
// with the amount and its source; a question nothing answers is sent to
// the agency, answered by an official, published as an article by a second
// person, and then answers the next citizen who asks it.

import assert from 'node:assert/strict';
import { eventually, scenario } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

const squash = (text) => text.replace(/\s+/g, ' ').trim();

async function ask(portal, question) {
  await portal.open('/tro-ly');
  await fillIn(portal.page, 'Câu hỏi của bạn', question);
  await press(portal, 'Hỏi', (url) => url.pathname === '/tro-ly');
  const last = portal.page.locator('.conversation__exchange').last();
  await eventually(async () => assert.match(squash(await last.innerText()), /Câu trả lời này có giúp ích không\?|Chưa tìm thấy câu trả lời/));
  return last;
}

scenario('A citizen asks the assistant what a criminal record certificate costs and sees the fee with its source', async (portal) => {
  const reply = await ask(portal, 'làm lý lịch tư pháp hết bao nhiêu tiền');
  const text = squash(await reply.innerText());
  assert.match(text, /Phí, lệ phí/);
  assert.match(text, /\d{2,3}\.000 đ/, 'an amount in đồng');
  const source = reply.getByRole('link', { name: /Cấp Phiếu lý lịch tư pháp/ });
  assert.equal(await source.getAttribute('href'), '/thu-tuc/3.000333');
  const { page } = portal;
  if (portal.javaScriptEnabled) {
    // In place: no page load, the reply joins the conversation, and the
    // focus is back in the emptied question box for the next one.
    await page.evaluate(() => { window.stayedOnThePage = true; });
    await fillIn(page, 'Câu hỏi của bạn', 'đăng ký khai sinh cần giấy tờ gì');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await eventually(async () => assert.equal(await page.locator('.conversation__exchange').count(), 2));
    assert.equal(await page.evaluate(() => window.stayedOnThePage), true, 'the page was not loaded again');
    assert.equal(await page.getByLabel('Câu hỏi của bạn').inputValue(), '');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'assistant-ask-question');
    assert.match(squash(await page.locator('.conversation__exchange').last().innerText()), /khai sinh/i);
  }
  // "Was this helpful?"
  await portal.navigateBy(
    (url) => url.pathname === '/tro-ly',
    () => page.locator('.conversation__exchange').first().getByRole('button', { name: 'Có', exact: true }).click(),
  );
  await eventually(async () => assert.match(squash(await page.locator('.conversation__exchange').first().innerText()), /Cảm ơn bạn đã cho biết/));
  if (portal.javaScriptEnabled) {
    assert.equal(await page.evaluate(() => window.stayedOnThePage), true, 'recorded in place');
    assert.match(await page.evaluate(() => document.activeElement?.className ?? ''), /helpful-thanks/);
  }
});

scenario('A question the assistant cannot answer goes to the agency, is answered, published, and then answers the next citizen', async (portal) => {
  const { page } = portal;
  const js = portal.javaScriptEnabled;
  const question = js
    ? 'Nuôi ong mật trên sân thượng chung cư có phải xin phép ai không?'
    : 'Treo biển quảng cáo trước cửa hàng tạp hóa có cần xin phép không?';
  const code = js ? 'e2e-nuoi-ong-chung-cu' : 'e2e-bien-quang-cao-tap-hoa';

  await signInAs(portal, 'congdan@motcua.example');
  const reply = await ask(portal, question);
  assert.match(squash(await reply.innerText()), /Chưa tìm thấy câu trả lời/);
  await portal.navigateBy(
    (url) => url.pathname === '/hoi-dap/dat-cau-hoi',
    () => reply.getByRole('link', { name: 'Gửi câu hỏi cho cơ quan' }).click(),
  );
  assert.equal(await page.getByLabel('Câu hỏi', { exact: true }).inputValue(), question);
  await press(portal, 'Gửi câu hỏi', (url) => url.pathname === '/tai-khoan/cau-hoi');
  assert.match(await noticeText(page), /Đã gửi câu hỏi/);

  await signInAs(portal, 'quantri@motcua.example');
  await portal.open('/can-bo/cau-hoi');
  await portal.navigateBy(
    (url) => url.pathname.startsWith('/can-bo/cau-hoi/'),
    () => page.getByRole('link', { name: question }).click(),
  );
  await fillIn(page, 'Câu trả lời', 'Trường hợp này cần hỏi Ủy ban nhân dân phường nơi có nhà.');
  await fillIn(page, 'Câu hỏi khi đăng (đã bỏ thông tin cá nhân)', question);
  await fillIn(page, 'Mã bài', code);
  await press(portal, 'Gửi câu trả lời', (url) => url.pathname.startsWith('/can-bo/cau-hoi/'));
  assert.match(await noticeText(page), /Đã gửi câu trả lời và tạo bản nháp/);

  await signInAs(portal, 'kiemduyet@motcua.example');
  await portal.open(`/quan-tri/hoi-dap/${code}`);
  await press(portal, 'Xuất bản', (url) => url.pathname === `/quan-tri/hoi-dap/${code}`);
  assert.match(await noticeText(page), /Đã xuất bản phiên bản 1/);

  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/tai-khoan/cau-hoi');
  assert.match(squash(await page.locator('main').innerText()), /cần hỏi Ủy ban nhân dân phường nơi có nhà/);

  // The next citizen, not signed in, asks the same.
  await page.request.post('/dang-xuat', { headers: { Origin: new URL(page.url()).origin } });
  const answered = await ask(portal, question);
  const source = answered.getByRole('link', { name: question });
  assert.equal(await source.first().getAttribute('href'), `/hoi-dap/${code}`);
});

scenario('Every page offers the assistant: a question asked from the home page is answered on the assistant page', async (portal) => {
  await portal.open('/');
  await fillIn(portal.page, 'Hỏi trợ lý trực tuyến về thủ tục hành chính', 'đăng ký kết hôn mất bao lâu');
  await press(portal, 'Hỏi trợ lý', (url) => url.pathname === '/tro-ly');
  const last = portal.page.locator('.conversation__exchange').last();
  await eventually(async () => assert.match(squash(await last.innerText()), /đăng ký kết hôn mất bao lâu/));
});
