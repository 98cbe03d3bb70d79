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

/** Ticks the registration form's consent to the privacy notice. */
export async function agreeToPrivacyNotice(page) {
  await page.getByLabel(/^Tôi đã đọc Thông báo xử lý dữ liệu cá nhân/).check();
}

/** Fills an input found by its label, as a user would. */
export async function fillIn(page, label, value) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** The session cookie's name outside production (see server/src/access/sessions.rs). */
const SESSION_COOKIE = 'motcua_session';

/**
 * Officials' sessions started in this test file, by account: `{ cookie,
 * landed, at }`. Each official's sign-in takes a fresh authenticator code,
 * and the portal accepts at most two a minute per account, so signing in
 * the same official a third time in a minute would wait for the next step.
 * Taking the session back, as a second browser tab would, saves that wait.
 */
const officialSessions = new Map();

/**
 * Reused for ten minutes only: sensitive actions ask for the code again
 * after fifteen (second_factor::STEP_UP_AFTER_SECS), and a story must not
 * meet that question unless it is the story.
 */
const REUSE_FOR_MS = 10 * 60 * 1000;

async function sessionCookie(context) {
  return (await context.cookies(BASE_URL)).find((cookie) => cookie.name === SESSION_COOKIE);
}

/**
 * Leaves whoever is signed in: signs them out (the same form post as the
 * header's button), unless theirs is an official's session kept for reuse,
 * which this browser only forgets.
 */
async function leaveCurrentSession(portal) {
  const context = portal.page.context();
  const current = await sessionCookie(context);
  const kept = [...officialSessions.values()].some((session) => session.cookie.value === current?.value);
  if (current && !kept) await portal.page.request.post('/dang-xuat', { headers: { Origin: BASE_URL } });
  await context.clearCookies({ name: SESSION_COOKIE });
}

/** Takes back `identifier`'s kept session, if it is recent and still open. */
async function resumeOfficialSession(portal, identifier) {
  const kept = officialSessions.get(`${BASE_URL} ${identifier}`);
  if (!kept || Date.now() - kept.at > REUSE_FOR_MS) return null;
  await portal.page.context().addCookies([kept.cookie]);
  await portal.open(kept.landed.pathname + kept.landed.search);
  if (portal.url().pathname === kept.landed.pathname) return portal.url();
  // Ended meanwhile (signed out elsewhere, password changed): sign in again.
  officialSessions.delete(`${BASE_URL} ${identifier}`);
  await portal.page.context().clearCookies({ name: SESSION_COOKIE });
  return null;
}

/**
 * Signs in on the sign-in page as `identifier` (email or CCCD), after
 * leaving whoever was signed in. Returns where they landed: their dossiers,
 * the inbox, the statistics…
 */
export async function signInAs(portal, identifier, password = 'Demo@12345') {
  await leaveCurrentSession(portal);
  const resumed = await resumeOfficialSession(portal, identifier);
  if (resumed) return resumed;
  await portal.open('/dang-nhap');
  await fillIn(portal.page, LABELS.identifier, identifier);
  await fillIn(portal.page, LABELS.password, password);
  const landed = await press(portal, 'Đăng nhập', (url) => url.pathname !== '/dang-nhap');
  if (portal.url().pathname !== '/dang-nhap/xac-thuc') return landed;
  // A demo official: the code from their authenticator app next.
  await fillIn(portal.page, 'Mã xác thực', await nextCode(identifier));
  const afterCode = await press(portal, 'Xác nhận', (url) => url.pathname !== '/dang-nhap/xac-thuc');
  const cookie = await sessionCookie(portal.page.context());
  if (cookie) officialSessions.set(`${BASE_URL} ${identifier}`, { cookie, landed: afterCode, at: Date.now() });
  return afterCode;
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

/**
 * A citizen nobody has registered yet registers (agreeing to the privacy
 * notice), confirms their email from the mail, and signs in.
 */
export async function registeredCitizen(portal) {
  const { page } = portal;
  const citizen = newCitizen();
  await leaveCurrentSession(portal);
  await portal.open('/dang-ky');
  for (const field of ['fullName', 'citizenId', 'dateOfBirth', 'email', 'phone', 'password']) {
    await fillIn(page, LABELS[field], citizen[field]);
  }
  await fillIn(page, LABELS.passwordAgain, citizen.password);
  await agreeToPrivacyNotice(page);
  await press(portal, 'Đăng ký', (url) => url.pathname === '/dang-nhap');
  await portal.open(await linkMailedTo(portal, citizen.email, '/xac-nhan-email'));
  await press(portal, 'Xác nhận email', (url) => url.pathname === '/dang-nhap');
  await signInAs(portal, citizen.email, citizen.password);
  return citizen;
}
