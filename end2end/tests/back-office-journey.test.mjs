// The back office as officials live it: each lands on their work after
// signing in; a code typed in the wrong queue is still found, saying where
// it waits; nobody is assigned by default; a specialist finds their own
// dossiers in a queue of their own and is told whose a colleague's is; each
// action on a dossier is a framed group of its own.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';
import { actOn, fileBirthRegistration, mainText, newSpecialistAtTheWard } from '../support/back-office.mjs';

/** The queue links of the inbox. */
const queues = (page) => page.getByRole('navigation', { name: 'Hàng đợi' });

/** The queue marked as the one shown. */
async function currentQueue(page) {
  const links = queues(page).locator('a[aria-current="page"]');
  assert.equal(await links.count(), 1, 'exactly one queue is marked current');
  return squash(await links.innerText());
}

/** How a link looks: a style that tells it apart without reading its attributes. */
const looks = (link) => link.evaluate((element) => {
  const style = getComputedStyle(element);
  return `${style.backgroundColor} ${style.color} ${style.fontWeight}`;
});

scenario('Each person lands where their work is after signing in, or where they were going', async (portal) => {
  const { page } = portal;
  assert.equal((await signInAs(portal, 'congdan@motcua.example')).pathname, '/ho-so', 'a citizen: Hồ sơ của tôi');
  await page.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
  assert.equal((await signInAs(portal, 'tiepnhan@motcua.example')).pathname, '/can-bo', 'reception: the inbox');
  await eventually(async () => assert.match(await currentQueue(page), /^Chờ tiếp nhận \(\d+\)$/));
  assert.equal((await signInAs(portal, 'chuyenvien@motcua.example')).pathname, '/can-bo', 'a specialist: the inbox');
  await eventually(async () => assert.match(await currentQueue(page), /^Được giao cho tôi \(\d+\)$/));
  assert.equal((await signInAs(portal, 'lanhdao@motcua.example')).pathname, '/can-bo', 'a leader: the inbox');
  assert.equal((await signInAs(portal, 'quanly@motcua.example')).pathname, '/thong-ke', 'a manager: the statistics');

  // Where they were going wins.
  await page.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
  await portal.open('/tai-khoan/giay-to');
  assert.equal(portal.url().pathname, '/dang-nhap');
  await fillIn(page, 'Email hoặc số định danh cá nhân (CCCD)', 'congdan@motcua.example');
  await fillIn(page, 'Mật khẩu', 'Demo@12345');
  await press(portal, 'Đăng nhập', (url) => url.pathname === '/tai-khoan/giay-to');
});

scenario('Reception looks for a code from another queue and finds it, with the queue it waits in', async (portal) => {
  const { page } = portal;
  const code = await fileBirthRegistration(portal);
  await signInAs(portal, 'tiepnhan@motcua.example');

  await portal.navigateBy((url) => url.searchParams.get('hang') === 'phe-duyet', () => queues(page).getByRole('link', { name: /^Chờ phê duyệt/ }).click());
  await eventually(async () => assert.match(await currentQueue(page), /^Chờ phê duyệt/));
  const shown = queues(page).getByRole('link', { name: /^Chờ phê duyệt/ });
  const other = queues(page).getByRole('link', { name: /^Chờ tiếp nhận/ });
  assert.notEqual(await looks(shown), await looks(other), 'the queue shown looks different from the others');

  await fillIn(page, 'Tìm hồ sơ', code);
  await portal.navigateBy((url) => url.searchParams.get('tim') === code, () => page.locator('form.inbox-search').getByRole('button', { name: 'Tìm', exact: true }).click());
  await page.getByRole('heading', { name: `Kết quả tìm “${code}” trong mọi hàng đợi`, level: 2 }).waitFor();
  const text = await mainText(page);
  assert.ok(!text.includes('Không có hồ sơ nào trong hàng đợi này'), 'not "none in this queue"');
  const row = page.getByRole('row', { name: new RegExp(code.replaceAll('.', '\\.')) });
  const cells = squash(await row.innerText());
  assert.ok(cells.includes('Chờ tiếp nhận'), `the row says which queue: ${cells}`);
  assert.ok(cells.includes('Chưa phân công'), `and who holds it: ${cells}`);
  await portal.navigateBy((url) => url.pathname === `/can-bo/ho-so/${code}`, () => row.getByRole('link', { name: code, exact: true }).click());
  await page.getByRole('heading', { name: `Hồ sơ ${code}`, level: 1 }).waitFor();
});

scenario('Nobody is assigned by default; the assignee finds the dossier in their queue and a colleague is told whose it is', async (portal) => {
  const { page } = portal;
  const colleague = await newSpecialistAtTheWard(portal);
  const code = await fileBirthRegistration(portal);
  await signInAs(portal, 'tiepnhan@motcua.example');
  await actOn(portal, code, 'Tiếp nhận');

  // Every action is a framed group: a heading, its own fields, one button.
  await portal.open(`/can-bo/ho-so/${code}`);
  const actions = page.locator('section[aria-labelledby="actions-heading"]');
  const groups = actions.getByRole('region');
  assert.ok((await groups.count()) >= 2, 'several actions to choose from');
  for (const group of await groups.all()) {
    const heading = squash(await group.getByRole('heading', { level: 3 }).innerText());
    const buttons = group.getByRole('button');
    assert.equal(await buttons.count(), 1, `${heading}: one button`);
    assert.equal(squash(await buttons.innerText()), heading, 'the button does what the heading says');
    for (const field of await group.locator('textarea, select, input:not([type=hidden])').all()) {
      const label = squash(await field.evaluate((element) => element.labels?.[0]?.innerText ?? element.closest('fieldset')?.querySelector('legend')?.innerText ?? ''));
      assert.ok(label, `${heading}: every field has a label`);
    }
  }
  const assign = groups.filter({ has: page.getByRole('heading', { name: 'Phân công xử lý', level: 3 }) });
  const specialist = assign.getByLabel('Chuyên viên', { exact: true });
  assert.equal(await specialist.inputValue(), '', 'nobody chosen');
  assert.equal(squash(await specialist.locator('option:checked').innerText()), '— Chọn chuyên viên —');

  await press(portal, 'Phân công xử lý', (url) => url.pathname === `/can-bo/ho-so/${code}`);
  assert.match(await noticeText(page), /Chưa chọn chuyên viên/);
  assert.ok((await mainText(page)).includes('Trạng thái Đã tiếp nhận'), 'still waiting to be assigned');

  await actOn(portal, code, 'Phân công xử lý', { 'Chuyên viên': colleague.name });
  await portal.open('/can-bo?hang=xu-ly');
  const row = page.getByRole('row', { name: new RegExp(code.replaceAll('.', '\\.')) });
  assert.ok(squash(await row.innerText()).includes(colleague.name), 'the inbox shows who holds it');

  // The demo specialist: not theirs, and told whose it is.
  await signInAs(portal, 'chuyenvien@motcua.example');
  assert.ok(!(await mainText(page)).includes(code), 'not in their own queue');
  await portal.open(`/can-bo/ho-so/${code}`);
  const said = await mainText(page);
  assert.ok(said.includes(`Hồ sơ này đang được giao cho ${colleague.name}.`), said);
  assert.ok(!said.includes('Bạn không có thao tác nào'), said);

  // The colleague starts from their own queue, and can work on it.
  assert.equal((await signInAs(portal, colleague.email, colleague.password)).pathname, '/can-bo');
  await eventually(async () => assert.match(await currentQueue(page), /^Được giao cho tôi \(1\)$/));
  assert.ok((await mainText(page)).includes(code), 'in their own queue');
  await actOn(portal, code, 'Trình phê duyệt');
}, { timeout: 240_000 });
