// The field report's map: the province's administrator sets where base map
// tiles come from; a citizen then picks the place of a report on the map —
// a click, or the keyboard — and the coordinates go with the form. Without
// JavaScript the map stays out of the way and the coordinates are typed.
// The tiles come from a tile service this test runs (the machine reaches no
// real one), always through the portal.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before } from 'node:test';
import { eventually, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

/** A 1×1 grey PNG: every tile of the test service. */
const TILE = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636800000082008177cd72b60000000049454e44ae426082',
  'hex',
);

/** Where Hạ Long's map opens (the demo's centre), to compare picks with. */
const CENTRE = { latitude: 20.9517, longitude: 107.0806 };

let service;
const asked = [];

before(async () => {
  service = http.createServer((request, response) => {
    asked.push(request.url);
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(TILE);
  });
  await new Promise((resolve) => service.listen(0, '127.0.0.1', resolve));
});

after(() => service?.close());

const SETTINGS = '/quan-tri/cai-dat';

/** The field reports' settings form: fills in the tile address and saves. */
async function setTiles(portal, address) {
  const { page } = portal;
  await signInAs(portal, 'quantri@motcua.example');
  await portal.open(SETTINGS);
  await fillIn(page, 'Địa chỉ ảnh bản đồ nền', address);
  await fillIn(page, 'Ghi công bản đồ', address ? '© Bản đồ thử nghiệm' : '');
  const form = page.locator(`form[action="${SETTINGS}/phan-anh"]`);
  await portal.navigateBy(
    (url) => url.pathname === SETTINGS,
    () => form.getByRole('button', { name: 'Lưu', exact: true }).click(),
  );
  assert.match(await noticeText(page), /Đã lưu cài đặt phản ánh hiện trường/);
}

/** The point in the form's coordinate fields. */
async function typedPoint(page) {
  return {
    latitude: Number(await page.getByLabel('Vĩ độ', { exact: true }).inputValue()),
    longitude: Number(await page.getByLabel('Kinh độ', { exact: true }).inputValue()),
  };
}

scenario('A citizen picks the place of a field report on the map the province set', async (portal) => {
  const { page } = portal;
  const port = service.address().port;
  await setTiles(portal, `http://127.0.0.1:${port}/{z}/{x}/{y}.png`);
  try {
    await signInAs(portal, 'congdan@motcua.example');
    asked.length = 0;
    await portal.open('/phan-anh/gui');
    const map = page.getByRole('application', { name: 'Bản đồ chọn vị trí' });
    await page.getByLabel('Loại phản ánh', { exact: true }).selectOption('den-chieu-sang-hong');
    await page.getByLabel('Xã, phường, đặc khu', { exact: true }).selectOption('06685');
    await fillIn(page, 'Địa chỉ hoặc địa danh', 'Cột đèn trên đường Bến Đoan');

    if (!portal.javaScriptEnabled) {
      // No scripts, no map: nothing of it shown, no tile asked for.
      assert.equal(await map.isVisible(), false);
      assert.deepEqual(asked, []);
      await fillIn(page, 'Vĩ độ', '20.953');
      await fillIn(page, 'Kinh độ', '107.085');
    } else {
      await map.waitFor({ state: 'visible' });
      // The tiles came through the portal, from the service set.
      await page.waitForFunction(() => document.querySelectorAll('.map-picker__tiles image').length >= 4);
      const tiles = await page.locator('.map-picker__tiles image').evaluateAll((images) =>
        images.map((image) => image.getAttribute('href')));
      assert.ok(tiles.every((href) => href.startsWith('/ban-do/')), tiles.join(' '));
      await eventually(() => assert.ok(asked.some((url) => url.startsWith('/13/')), `asked: ${asked.join(' ')}`));

      // A click right of and below the centre picks a point east and south of it.
      const box = await map.boundingBox();
      await map.click({ position: { x: box.width / 2 + 60, y: box.height / 2 + 40 } });
      const clicked = await typedPoint(page);
      assert.ok(clicked.longitude > CENTRE.longitude && clicked.latitude < CENTRE.latitude, JSON.stringify(clicked));
      assert.ok(Math.abs(clicked.longitude - CENTRE.longitude) < 0.05, 'near the centre at street zoom');
      assert.match(squash(await page.locator('#report-map-status').innerText()), /Đã chọn vị trí: vĩ độ 20\.9/);
      const marker = page.locator('.map-picker__marker');
      assert.equal(await marker.getAttribute('visibility'), 'visible');
      // The map stayed put: the marker is where the click was, right of and below the centre.
      const [, right, down] = (await marker.getAttribute('transform')).match(/translate\((\S+) (\S+)\)/).map(Number);
      assert.ok(right > 0 && down > 0, `marker at ${right}, ${down}`);

      // By keyboard: move the map west, zoom in, choose its centre.
      await map.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('+');
      await page.keyboard.press('Enter');
      const keyed = await typedPoint(page);
      assert.ok(keyed.longitude < clicked.longitude, `${keyed.longitude} west of ${clicked.longitude}`);
      assert.equal(portal.url().pathname, '/phan-anh/gui', 'Enter on the map chose, it did not send the form');

      // A point typed moves the marker there.
      await fillIn(page, 'Vĩ độ', '20.953');
      await fillIn(page, 'Kinh độ', '107.085');
      await page.getByLabel('Kinh độ', { exact: true }).press('Tab');
      assert.equal(await page.locator('.map-picker__marker').getAttribute('transform'), 'translate(0 0)', 'centred on it');
    }
    await press(portal, 'Tiếp tục', (url) => url.searchParams.has('loai'));
    assert.equal(portal.url().searchParams.get('vi-do'), '20.953');
    assert.equal(portal.url().searchParams.get('kinh-do'), '107.085');
    assert.match(squash(await page.locator('main').innerText()), /Cột đèn trên đường Bến Đoan/);
  } finally {
    // The other stories file reports without a map.
    await setTiles(portal, '');
  }
});
