// Drives the agency portal, the answer-link confirmation and the agency directory in headless Chromium.
// Usage: node agency.mjs <base-url> <agency-user> <supervisor> <password> <out-dir> <own-referral-id>
//        <other-agency-referral-id> <answer-link-token>
// Prints one JSON line with what it saw; exits non-zero on any failure, CSP violation or unexpected error.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, agencyUser, supervisor, password, outDir, own, other, token] = process.argv.slice(2);
if (!token) {
  console.error('usage: node agency.mjs <base-url> <agency-user> <supervisor> <password> <out-dir> <own-id> <other-id> <token>');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
const result = {};
// 401 before sign-in and the 404 for the other agency's referral are expected; anything else >= 400 is not
let replaying = false;
const expected = (r) => r.url().endsWith('/favicon.ico') || (r.status() === 401 && r.url().endsWith('/api/auth/me'))
  || (r.status() === 404 && r.url().includes(encodeURIComponent(other)))
  || (replaying && r.status() === 400 && r.url().endsWith('/api/agency/answer'));

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400 && !expected(r)) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  return page;
}

async function signIn(page, username) {
  await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15000 });
  result.signIns = result.signIns || {};
  result.signIns[username] = await signInWithCode(page, base, username, password, '#sign-in-form');
  await page.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
}

async function unlabelled(page) {
  return page.$$eval('input, select, textarea', (fields) => fields
    .filter((f) => f.type !== 'hidden' && f.offsetParent !== null)
    .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-label'))
    .map((f) => f.name || f.id));
}

try {
  const agency = watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage());
  await agency.goto(`${base}/agency/`);
  await signIn(agency, agencyUser);
  await agency.waitForSelector('#status[data-state=ready]', { timeout: 15000 });
  result.listed = await agency.$$eval('#referrals tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
  result.overdueRows = await agency.$$eval('#referrals tr.overdue', (rows) => rows.length);
  await agency.screenshot({ path: join(outDir, 'agency-list.png'), fullPage: true });

  await agency.click(`#referrals tr[data-id="${own}"] a`);
  await agency.waitForSelector('#detail-view:not([hidden])', { timeout: 15000 });
  result.detailUrl = agency.url();
  result.payloadFields = await agency.$$eval('#payload dt', (dts) => dts.map((d) => d.textContent));
  result.pageText = await agency.textContent('#detail-view');
  result.unlabelled = await unlabelled(agency);
  await agency.click('#ack');
  await agency.waitForSelector('#answer-message[data-result=applied]', { timeout: 15000 });
  result.stateAfterAck = await agency.textContent('#envelope');
  await agency.selectOption('#outcome-code', 'investigation_opened');
  await agency.fill('#outcome-note', 'Inspectors visit the farm on Monday');
  await agency.click('#outcome-form button[type=submit]');
  await agency.waitForSelector('#outcomes li[data-code=investigation_opened]', { timeout: 15000 });
  result.outcomes = await agency.$$eval('#outcomes li', (items) => items.map((i) => i.textContent));
  await agency.screenshot({ path: join(outDir, 'agency-outcome-recorded.png'), fullPage: true });

  await agency.goto(`${base}/agency/referrals/${encodeURIComponent(other)}`);
  await agency.waitForSelector('#status[data-state=missing]', { timeout: 15000 });
  result.otherByUrl = await agency.textContent('#missing');
  result.otherByApi = await agency.evaluate((id) => fetch(`/api/agency/referrals/${encodeURIComponent(id)}`)
    .then((r) => r.status), other);
  await agency.screenshot({ path: join(outDir, 'agency-other-referral.png'), fullPage: true });

  const link = watch(await (await browser.newContext({ viewport: { width: 1280, height: 700 } })).newPage());
  await link.goto(`${base}/agency/answer?token=${token}`);
  await link.waitForSelector('#confirm-form:not([hidden])', { timeout: 15000 });
  result.linkQuestion = await link.textContent('#question');
  await link.screenshot({ path: join(outDir, 'answer-link-confirm.png'), fullPage: true });
  await link.click('#confirm');
  await link.waitForSelector('#result[data-status="200"]', { timeout: 15000 });
  result.linkResult = await link.textContent('#result');
  replaying = true;
  result.linkReplayStatus = await link.evaluate((t) => fetch('/api/agency/answer', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: t }),
  }).then((r) => r.status), token);
  await link.screenshot({ path: join(outDir, 'answer-link-done.png'), fullPage: true });

  const dir = watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage());
  await dir.goto(`${base}/agency/directory`);
  await signIn(dir, supervisor);
  await dir.waitForSelector('#status[data-state=ready]', { timeout: 15000 });
  result.organizations = await dir.$$eval('section.organization', (s) => s.map((o) => o.dataset.id));
  result.labourChannels = await dir.$$eval('section.organization[data-id="mol-labour"] tbody tr',
    (rows) => rows.map((r) => r.textContent));
  result.directoryUnlabelled = await unlabelled(dir);
  await dir.screenshot({ path: join(outDir, 'agency-directory.png'), fullPage: true });
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
