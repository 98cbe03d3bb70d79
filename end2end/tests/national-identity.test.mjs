// Signing in with the national electronic identity (VNeID), played by a real
// OpenID provider (oidc-provider from npm) started here: the administrator
// adds the provider (once, as a province does), the demo citizen links it
// from "Tài khoản" after signing in with a password, then signs in with it
// from the sign-in page, and signing out ends the provider's session too.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, scenario, squash } from '../support/portal.mjs';
import { fillIn, noticeText, press, signInAs } from '../support/accounts.mjs';

const CITIZEN = 'congdan@motcua.example';
const ADMIN = 'quantri@motcua.example';
const DEMO_IDENTITY = {
  'Mã định danh tài khoản (sub)': 'vneid-demo-congdan',
  'Số định danh cá nhân': '022190001234',
  'Họ và tên': 'Vũ Thị Công Dân',
  'Ngày sinh (YYYY-MM-DD)': '1990-05-12',
};

let provider;
let issuer;

before(async () => {
  const script = fileURLToPath(new URL('../support/openid-provider.mjs', import.meta.url));
  provider = spawn(process.execPath, [
    script,
    '--redirect-uri', `${BASE_URL}/dang-nhap/dinh-danh/vneid/ve`,
    '--post-logout-redirect-uri', `${BASE_URL}/`,
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [line] = await createInterface({ input: provider.stdout })[Symbol.asyncIterator]().next().then(({ value }) => [value]);
  ({ issuer } = JSON.parse(line));
});

after(() => provider?.kill());

/** The administrator adds the provider, unless an earlier mode did. */
async function providerConfigured(portal) {
  await signInAs(portal, ADMIN);
  await portal.open('/quan-tri/dinh-danh');
  const { page } = portal;
  const existing = page.locator('form[action^="/quan-tri/dinh-danh/"]');
  if (await existing.count()) {
    // Added by an earlier mode or run: pointed at this run's provider.
    await existing.first().getByLabel('Issuer', { exact: true }).fill(issuer);
    await portal.navigateBy((url) => url.pathname === '/quan-tri/dinh-danh',
      () => existing.first().getByRole('button', { name: 'Lưu', exact: true }).click());
    assert.match(await noticeText(page), /Đã lưu nhà cung cấp định danh/);
    return;
  }
  await fillIn(page, 'Mã ngắn', 'vneid');
  await fillIn(page, 'Tên hiển thị (tiếng Việt)', 'VNeID');
  await fillIn(page, 'Tên hiển thị (tiếng Anh)', 'VNeID');
  await fillIn(page, 'Issuer', issuer);
  await fillIn(page, 'Client ID', 'motcua');
  await fillIn(page, 'Client secret', 'motcua-test-secret');
  await fillIn(page, 'Scope', 'openid profile citizen');
  await fillIn(page, 'Mức định danh yêu cầu (acr_values)', 'LoA2');
  await press(portal, 'Lưu', (url) => url.pathname === '/quan-tri/dinh-danh');
  assert.match(await noticeText(page), /Đã lưu nhà cung cấp định danh/);
  assert.match(squash(await page.locator('main').innerText()), new RegExp(`${BASE_URL}/dang-nhap/dinh-danh/vneid/ve`));
}

/**
 * At the provider's login page (skipped when the provider still knows this
 * browser), the person says who they are; back at the portal at `landing`.
 */
async function throughProvider(portal, start, landing) {
  const { page } = portal;
  await Promise.all([
    page.waitForURL((url) => (url.origin === issuer && url.pathname.startsWith('/interaction/'))
      || (url.origin === BASE_URL && url.pathname === landing)),
    start(),
  ]);
  if (new URL(page.url()).origin !== issuer) return portal.navigateBy((url) => url.pathname === landing, async () => {});
  for (const [label, value] of Object.entries(DEMO_IDENTITY)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Mức độ định danh', { exact: true }).selectOption('LoA2');
  return portal.navigateBy(
    (url) => url.origin === BASE_URL && url.pathname === landing,
    () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
  );
}

scenario('The demo citizen links VNeID, signs in with it and signs out of both', async (portal) => {
  const { page } = portal;
  await providerConfigured(portal);

  await signInAs(portal, CITIZEN);
  await portal.open('/tai-khoan');
  const link = page.getByRole('link', { name: 'Liên kết với VNeID' });
  if (await link.count()) {
    await throughProvider(portal, () => link.click(), '/tai-khoan');
    assert.match(await noticeText(page), /Đã liên kết tài khoản định danh điện tử/);
  }
  assert.match(squash(await page.locator('main').innerText()), /Đã xác minh Đã liên kết với VNeID/);
  await press(portal, 'Đăng xuất', (url) => url.pathname === '/');

  await portal.open('/dang-nhap');
  await throughProvider(portal, () => page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click(), '/ho-so');
  assert.match(await noticeText(page), /Bạn đã đăng nhập/);
  assert.match(squash(await page.locator('header').innerText()), /Vũ Thị Công Dân/);

  // Signing out here moves on to the provider, which asks to confirm.
  await Promise.all([
    page.waitForURL((url) => url.origin === issuer, { waitUntil: 'load' }),
    page.getByRole('button', { name: 'Đăng xuất', exact: true }).click(),
  ]);
  await portal.navigateBy(
    (url) => url.origin === BASE_URL && url.pathname === '/',
    () => page.getByRole('button', { name: 'Đăng xuất', exact: true }).click(),
  );
  assert.match(await noticeText(page), /Bạn đã đăng xuất/);
  const account = await page.request.get('/tai-khoan', { maxRedirects: 0 });
  assert.notEqual(account.status(), 200, 'signed out of the portal');

  // Unlinked again, so the other stories find the demo citizen as they
  // expect (no identity vouched for, forms free to fill).
  await signInAs(portal, CITIZEN);
  await portal.open('/tai-khoan');
  await press(portal, 'Huỷ liên kết', (url) => url.pathname === '/tai-khoan');
  assert.match(await noticeText(page), /Đã huỷ liên kết/);
  await page.getByRole('link', { name: 'Liên kết với VNeID' }).waitFor();
});
