// Field reports (phản ánh hiện trường): a citizen reports a street light
// out with a phone photo that knows where it was taken; the photo kept has
// no EXIF data left; a second citizen at the same place is offered the
// report and follows it; the coordinator forwards it to the ward; the
// ward's official — who never sees who reported — answers with a photo;
// the coordinator publishes it, and the operations view counts it; both
// citizens are told, and one rates it.

import assert from 'node:assert/strict';
import { BASE_URL, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, registeredCitizen, signInAs } from '../support/accounts.mjs';

/** A 1×1 greyscale JPEG. */
function jpeg() {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, ...Array(64).fill(1),
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...Array(15).fill(0), 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9,
  ]);
}

const CAMERA = 'MotCuaE2EPhone';

/** `jpeg()` with an EXIF block as phones write it: the camera and a GPS position. */
function jpegWithGps(latitude, longitude) {
  const tiff = Buffer.alloc(156);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  const entry = (at, tag, type, count, value) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    tiff.writeUInt32BE(value, at + 8);
  };
  // IFD0: Make, and where the GPS IFD is.
  tiff.writeUInt16BE(2, 8);
  entry(10, 0x010f, 2, CAMERA.length + 1, 38);
  entry(22, 0x8825, 4, 1, 54);
  tiff.write(`${CAMERA}\0`, 38, 'ascii');
  // GPS IFD: N/latitude, E/longitude, as degrees, minutes, seconds.
  tiff.writeUInt16BE(4, 54);
  entry(56, 0x0001, 2, 2, 0x4e000000);
  entry(68, 0x0002, 5, 3, 108);
  entry(80, 0x0003, 2, 2, 0x45000000);
  entry(92, 0x0004, 5, 3, 132);
  const rationals = (at, value) => {
    const degrees = Math.trunc(value);
    const minutes = Math.trunc((value - degrees) * 60);
    const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 10000);
    [[degrees, 1], [minutes, 1], [seconds, 10000]].forEach(([n, d], i) => {
      tiff.writeUInt32BE(n, at + i * 8);
      tiff.writeUInt32BE(d, at + i * 8 + 4);
    });
  };
  rationals(108, latitude);
  rationals(132, longitude);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), Buffer.from('Exif\0\0', 'binary'), tiff]);
  app1.writeUInt16BE(app1.length - 2, 2);
  const image = jpeg();
  return Buffer.concat([image.subarray(0, 2), app1, image.subarray(2)]);
}

/** Step 1 of the form: a street light out, on `street` in Hồng Gai. */
async function describePlace(portal, street) {
  const { page } = portal;
  await portal.open('/phan-anh/gui');
  await page.getByLabel('Loại phản ánh', { exact: true }).selectOption('den-chieu-sang-hong');
  await page.getByLabel('Xã, phường, đặc khu', { exact: true }).selectOption('06685');
  await fillIn(page, 'Địa chỉ hoặc địa danh', street);
  await press(portal, 'Tiếp tục', (url) => url.pathname === '/phan-anh/gui' && url.searchParams.has('loai'));
}


scenario('A field report goes from a citizen with a phone photo to the ward and back, followed by a neighbour', async (portal) => {
  const { page } = portal;
  const street = `Cổng chợ Hạ Long 1, cột đèn số ${portal.javaScriptEnabled ? 17 : 18}-${Date.now() % 100000}`;

  await signInAs(portal, 'congdan@motcua.example');
  await describePlace(portal, street);
  await fillIn(page, 'Nội dung phản ánh', 'Hai cột đèn trước cổng chợ tắt từ tối qua, đoạn đường rất tối.');
  await page.getByLabel('Ảnh chụp', { exact: true }).setInputFiles({
    name: 'den-tat.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps(20.9517, 107.0806),
  });
  await press(portal, 'Gửi phản ánh', (url) => url.pathname.startsWith('/phan-anh/PA-'));
  const code = portal.url().pathname.split('/').pop();
  assert.match(await noticeText(page), new RegExp(`Đã gửi phản ánh ${code}`));
  const report = squash(await page.locator('main').innerText());
  assert.match(report, /Vị trí lấy từ ảnh chụp/, 'the place came from the photo');

  // The photo kept is the picture alone: no EXIF, no camera, no position.
  const photo = await page.locator('.report-photos img').first().getAttribute('src');
  const kept = await (await page.request.get(photo)).body();
  assert.ok(kept.subarray(0, 2).equals(Buffer.from([0xff, 0xd8])), 'still a JPEG');
  assert.equal(kept.indexOf('Exif'), -1, 'no EXIF block');
  assert.equal(kept.indexOf(CAMERA), -1, 'no camera make');

  // A neighbour at the same place is offered it, and follows it.
  const neighbour = await registeredCitizen(portal);
  await describePlace(portal, street);
  const nearby = page.locator('section', { has: page.getByRole('heading', { name: 'Phản ánh tương tự gần đây' }) });
  assert.match(squash(await nearby.innerText()), new RegExp(code));
  await press(portal, `Theo dõi (+1) ${code}`, (url) => url.pathname === `/phan-anh/${code}`);
  assert.match(squash(await page.locator('main').innerText()), /Bỏ theo dõi/);

  // The coordinator sees who reported and sends it to the ward.
  await signInAs(portal, 'dieuphoi@motcua.example');
  await portal.open(`/can-bo/phan-anh/${code}`);
  assert.match(squash(await page.locator('main').innerText()), /Vũ Thị Công Dân/);
  assert.equal(
    await page.getByLabel('Cơ quan xử lý', { exact: true }).inputValue(),
    '000.01.40.H34',
    'the ward of the place, by default',
  );
  await press(portal, 'Chuyển', (url) => url.pathname === `/can-bo/phan-anh/${code}`);

  // The ward's official works without knowing who reported.
  await signInAs(portal, 'chuyenvien@motcua.example');
  await portal.open(`/can-bo/phan-anh/${code}`);
  const handling = await page.content();
  for (const personal of ['Vũ Thị Công Dân', 'congdan@motcua.example', neighbour.fullName, neighbour.email]) {
    assert.ok(!handling.includes(personal), `the ward's page shows ${personal}`);
  }
  await fillIn(page, 'Kết quả xử lý', 'Đã thay bóng đèn và sửa tủ điện chiếu sáng lúc 9 giờ sáng.');
  await page.getByLabel('Ảnh sau khi xử lý', { exact: true }).setInputFiles({
    name: 'da-sua.jpg', mimeType: 'image/jpeg', buffer: jpeg(),
  });
  await press(portal, 'Báo cáo kết quả', (url) => url.pathname === `/can-bo/phan-anh/${code}`);

  // Publishing it counts on the operations view as resolved today.
  await signInAs(portal, 'dieuphoi@motcua.example');
  const resolvedToday = async () => {
    await portal.open('/thong-ke/dieu-hanh');
    const tile = page.locator('#field-reports .tile', { hasText: 'phản ánh xử lý xong hôm nay' });
    return Number(await tile.locator('.tile__number').innerText());
  };
  const before = await resolvedToday();
  await portal.open(`/can-bo/phan-anh/${code}`);
  await press(portal, 'Công bố kết quả', (url) => url.pathname === `/can-bo/phan-anh/${code}`);
  assert.equal(await resolvedToday(), before + 1, 'the operations view counts it');

  // Both are told; the reporter reads the answer and rates it.
  await signInAs(portal, neighbour.email, neighbour.password);
  await portal.open('/thong-bao');
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`Phản ánh ${code}`));
  await signInAs(portal, 'congdan@motcua.example');
  await portal.open('/thong-bao');
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`Phản ánh ${code}`));
  await portal.open(`/phan-anh/${code}`);
  assert.match(squash(await page.locator('main').innerText()), /Đã thay bóng đèn/);
  await page.getByLabel('5 sao', { exact: true }).check();
  await press(portal, 'Gửi đánh giá', (url) => url.pathname === `/phan-anh/${code}`);
  assert.match(squash(await page.locator('main').innerText()), /Bạn đã đánh giá 5 sao/);

  // On the public board, for anyone.
  await page.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
  await portal.open('/phan-anh?xa=06685&tinh-trang=resolved');
  assert.match(squash(await page.locator('main').innerText()), new RegExp(code));
});
