// Operator console, wrap-up time, in headless Chromium: after a call the page shows the wrap-up and "Ready" makes
// the operator available again.
// Usage: node wrapup.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, operator, password, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node wrapup.mjs <base-url> <operator> <password> <out-dir>');
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
  await signInWithCode(op, base, operator, password, '#sign-in-form');
  await op.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  result.hiddenBefore = await op.isHidden('#wrapup');
  step('operator-signed-in');
  await op.waitForSelector('#wrapup:not([hidden])', { timeout: 20000 });
  result.shown = await op.textContent('#wrapup-text');
  await op.screenshot({ path: join(outDir, 'operator-wrap-up.png'), fullPage: true });
  await op.click('#wrapup-ready');
  await op.waitForFunction(() => document.querySelector('#status-message').textContent.startsWith('Ready'), null,
    { timeout: 15000 });
  result.message = await op.textContent('#status-message');
  await op.waitForSelector('#wrapup[hidden]', { state: 'attached', timeout: 15000 });
  result.hiddenAfter = await op.isHidden('#wrapup');
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
