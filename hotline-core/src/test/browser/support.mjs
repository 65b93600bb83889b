// Shared by the browser scripts: headless Debian Chromium, a watch on a page that collects every page error, CSP
// violation, unexpected failed request and request leaving the node under test, and sign-in with a TOTP code.
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

/** Headless Chromium at CHROMIUM_PATH (default /usr/bin/chromium), without network side traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Adds to `problems` what goes wrong on `page`: console errors (except those of requests `expected(path, status)`
 * allows), page errors, responses of 400 and above not expected, and requests to anywhere but `base`.
 */
export function watch(page, base, problems, expected) {
  const path = (url) => url.replace(base, '').split('?')[0];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expected(path(r.url()), r.status())) {
      problems.push(`HTTP ${r.status()} for ${path(r.url())}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  return page;
}

// ---- Second factor: RFC 6238 codes as an authenticator app computes them, and sign-in through a page's form ----

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Factors the JUnit side knows: {"port/username": {secret, lastStep}} (Staff.factorsJson), updated as used. */
const factors = JSON.parse(process.env.HOTLINE_TOTP || '{}');

/** The 6-digit TOTP code of time step `step` (30 s since the epoch) for a base32 `secret` (HMAC-SHA1). */
export function totpCode(secret, step) {
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const c of secret.replace(/[=\s]/g, '').toUpperCase()) {
    buffer = ((buffer << 5) | BASE32.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 1000000).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30000);

/**
 * The code of the earliest step not used yet for this account, from the current one on (the node accepts the
 * current step, the one before and the one after, each once); tells the JUnit side which step it used.
 */
async function nextCode(base, username) {
  const id = `${new URL(base).port}/${username}`;
  const factor = factors[id];
  const step = Math.max(currentStep(), factor.lastStep + 1);
  while (currentStep() + 1 < step) {
    await new Promise((resolve) => { setTimeout(resolve, 200); });
  }
  factor.lastStep = step;
  console.log(JSON.stringify({ totp: { base, username, secret: factor.secret, step } }));
  return totpCode(factor.secret, step);
}

/**
 * Signs in through the page's sign-in form `form` (a selector) as a person with an authenticator app: types a
 * code when the account has a known second factor; when the page shows a new secret instead, reads it from the
 * page, signs in with its code and dismisses the recovery codes the page then shows once. Answers what happened:
 * {enrolled, recoveryCodes, secretShown}. The caller waits for its page's signed-in state.
 */
export async function signIn(page, base, username, password, form) {
  const id = `${new URL(base).port}/${username}`;
  const outcome = { enrolled: false, recoveryCodes: 0, secretShown: false };
  await page.waitForSelector(`${form}:not([hidden])`, { timeout: 15000 });
  await page.fill('#username', username);
  await page.fill('#password', password);
  if (factors[id]) {
    await page.fill('#totp-code', await nextCode(base, username));
  }
  let answer = await submit(page, form);
  if (answer.status === 'enrolment_required') {
    await page.waitForSelector('#totp-enrolment:not([hidden]) #totp-secret', { timeout: 15000 });
    const secret = await page.textContent('#totp-secret');
    outcome.secretShown = secret === answer.secret
      && (await page.getAttribute('#totp-uri', 'href')).startsWith('otpauth://totp/');
    factors[id] = { secret, lastStep: -1 };
    await page.fill('#totp-code', await nextCode(base, username));
    answer = await submit(page, form);
    outcome.enrolled = true;
  }
  if (answer.recoveryCodes) {
    await page.waitForSelector('#recovery-list li', { timeout: 15000 });
    outcome.recoveryCodes = await page.$$eval('#recovery-list li', (items) => items.length);
    await page.click('#recovery-saved');
  }
  if (!answer.token) {
    throw new Error(`sign-in of ${username} failed: ${JSON.stringify(answer)}`);
  }
  return outcome;
}

async function submit(page, form) {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'), { timeout: 15000 });
  await page.click(`${form} button[type=submit]`);
  return (await response).json();
}
