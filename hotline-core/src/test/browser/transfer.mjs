// Operator console, live transfer, in headless Chromium: the agencies of the call's report are listed, "Talk first"
// calls the agency's duty line (the caller hears music), "Join all three" and "Leave the call to the agency".
// Usage: node transfer.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, operator, password, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node transfer.mjs <base-url> <operator> <password> <out-dir>');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const step = (name) => console.log(JSON.stringify({ step: name }));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
const result = {};

async function messageAfter(page, button, expected) {
  await page.click(button);
  await page.waitForFunction((text) => document.querySelector('#transfer-message').textContent.includes(text),
    expected, { timeout: 20000 });
  return page.textContent('#transfer-message');
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const op = await context.newPage();
  op.on('console', (msg) => {
    const url = msg.location().url || '';
    if (msg.type() === 'error' && !url.endsWith('/api/auth/me')) {
      problems.push(`console: ${msg.text()} (${url})`);
    }
  });
  op.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  op.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  await op.goto(`${base}/console/`);
  const listening = op.waitForResponse((r) => r.url().endsWith('/api/live/events') && r.status() === 200,
    { timeout: 15000 });
  await signInWithCode(op, base, operator, password, '#sign-in-form');
  await op.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  await listening;
  step('operator-listening');
  await op.waitForSelector('#transfer-table:not([hidden])', { timeout: 15000 });
  result.targets = await op.$$eval('#transfer-targets tr', (rows) => rows.map((r) => r.textContent));
  result.consulting = await messageAfter(op, '#transfer-targets button[aria-label^="Warm transfer to"]:not([disabled])',
    'speaking to the agency');
  result.joinShown = await op.isVisible('#transfer-join');
  result.joined = await messageAfter(op, '#transfer-join', 'All three');
  await op.screenshot({ path: join(outDir, 'operator-transfer-joined.png'), fullPage: true });
  result.left = await messageAfter(op, '#transfer-leave', 'Recorded on the referral');
  result.unlabelled = await op.$$eval('input, select, textarea, button', (fields) => fields
    .filter((f) => f.offsetParent !== null && f.type !== 'hidden')
    .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-label') && !f.textContent.trim())
    .map((f) => f.name || f.id));
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
