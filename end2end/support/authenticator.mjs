// An authenticator app, as an official's phone runs one: RFC 6238 codes
// (HMAC-SHA-1, six digits, 30-second steps) from a base32 secret.
//
// The portal accepts each code once and one step either side of now, so a
// second sign-in of the same official within 30 seconds takes the next
// step's code, and a third waits. The last step used per account is kept
// in a file, because each test file runs in its own process.

import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL } from './portal.mjs';

/** The demo officials' shared secret (the README lists it). */
export const DEMO_SECRET = 'NVXXIY3VMEWWIZLNN4WTEZTBFUZDAMRW';

const STEP_SECONDS = 30;

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let at = 0; at + 8 <= bits.length; at += 8) bytes.push(parseInt(bits.slice(at, at + 8), 2));
  return Buffer.from(bytes);
}

/** The code an app shows during `step`. */
export function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

const ledger = join(tmpdir(), 'motcua-e2e-authenticator');

/** What the ledger knows of `account`: its secret and the last step used. */
function entry(account) {
  try {
    return JSON.parse(readFileSync(ledger, 'utf8'))[`${BASE_URL} ${account}`] ?? {};
  } catch {
    return {};
  }
}

function remember(account, known) {
  let all = {};
  try {
    all = JSON.parse(readFileSync(ledger, 'utf8'));
  } catch {
    mkdirSync(tmpdir(), { recursive: true });
  }
  all[`${BASE_URL} ${account}`] = { ...entry(account), ...known };
  writeFileSync(ledger, JSON.stringify(all));
}

/** An app set up for `account` with `secret` (as typed from the setup page). */
export function addToApp(account, secret) {
  remember(account, { secret: secret.replace(/\s/g, ''), step: 0 });
}

/**
 * The next code the portal will accept for `account` (the demo officials'
 * secret unless another was added), waiting if need be.
 */
export async function nextCode(account) {
  const { secret = DEMO_SECRET, step: last = 0 } = entry(account);
  const now = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);
  // Never the step before now: it may be two behind by the time the
  // portal reads it.
  const step = Math.max(last + 1, now());
  while (step > now() + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
  remember(account, { step });
  return codeAt(secret, step);
}
