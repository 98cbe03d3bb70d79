// What a citizen does with their account, in the portal's own words.

import assert from 'node:assert/strict';
import { BASE_URL, eventually, squash } from './portal.mjs';
import { nextCode } from './authenticator.mjs';

export const LABELS = {
  fullName: 'Họ và tên',
  citizenId: 'Số định danh cá nhân (CCCD)',
  dateOfBirth: 'Ngày sinh',
  email: 'Email',
  phone: 'Số điện thoại di động',
  password: 'Mật khẩu',
  passwordAgain: 'Nhập lại mật khẩu',
  identifier: 'Email hoặc số định danh cá nhân (CCCD)',
};

/** A citizen nobody has registered yet: unique per run and mode. */
export function newCitizen() {
  const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return {
    fullName: 'Trần Thị Mai',
    citizenId: `001190${digits}`,
    dateOfBirth: '15/03/1990',
    email: `mai.${Date.now()}.${digits}@example.vn`,
    phone: '0912 345 678',
    password: 'mưa xuân trên phố cổ',
  };
}

/** Fills an input found by its label, as a user would. */
export async function fillIn(page, label, value) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/**
 * Signs out whoever is signed in (the same form post as the header's button),
 * then signs in on the sign-in page as `identifier` (email or CCCD). Returns
 * where they landed: their dossiers, the inbox, the statistics…
 */
export async function signInAs(portal, identifier, password = 'Demo@12345') {
  await portal.page.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
  await portal.open('/dang-nhap');
  await fillIn(portal.page, LABELS.identifier, identifier);
  await fillIn(portal.page, LABELS.password, password);
  const landed = await press(portal, 'Đăng nhập', (url) => url.pathname !== '/dang-nhap');
  if (portal.url().pathname !== '/dang-nhap/xac-thuc') return landed;
  // A demo official: the code from their authenticator app next.
  await fillIn(portal.page, 'Mã xác thực', await nextCode(identifier));
  return press(portal, 'Xác nhận', (url) => url.pathname !== '/dang-nhap/xac-thuc');
}

/** Presses a button and waits until the address satisfies `isExpected`. */
export async function press(portal, name, isExpected) {
  return portal.navigateBy(isExpected, () => portal.page.getByRole('button', { name, exact: true }).click());
}

/** The notice at the top of the page (role status or alert), squashed. */
export async function noticeText(page) {
  return squash(await page.locator('main .notice').first().innerText());
}

/**
 * The confirmation link sent to `email`, read from the demo mailbox page,
 * where the local SMTP listener shows what it received.
 */
export async function linkMailedTo(portal, email, path) {
  let link;
  await eventually(async () => {
    await portal.open('/trinh-dien/hop-thu');
    const message = portal.page.locator('article.mail', { has: portal.page.locator('.mail__to', { hasText: email }) }).first();
    const body = await message.locator('.mail__body').innerText();
    const match = body.match(new RegExp(`https?://[^\\s]+${path.replace('/', '\\/')}\\?ma=[A-Za-z0-9_-]+`));
    assert.ok(match, `a ${path} link in the mail to ${email}`);
    link = new URL(match[0]);
  }, { timeout: 60_000, interval: 500 });
  return `${link.pathname}${link.search}`;
}
