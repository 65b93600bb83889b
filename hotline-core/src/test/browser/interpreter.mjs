// Operator console, interpreter on the line, in headless Chromium: the call pop flags the language the caller
// chose in the IVR, "Add interpreter" reports a busy line (caller still with the operator), then a joined one,
// and "Drop interpreter" removes them.
// Usage: node interpreter.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, operator, password, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node interpreter.mjs <base-url> <operator> <password> <out-dir>');
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

async function messageAfter(page, button) {
  const before = await page.textContent('#interpreter-message');
  await page.click(button);
  await page.waitForFunction((old) => {
    const text = document.querySelector('#interpreter-message').textContent;
    return text !== old && !text.startsWith('Calling the');
  }, before, { timeout: 20000 });
  return page.textContent('#interpreter-message');
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
  await op.waitForSelector('#interpreter-needed:not([hidden])', { timeout: 15000 });
  result.needed = await op.textContent('#interpreter-needed');
  result.chosen = await op.inputValue('#interpreter-language');
  result.options = await op.$$eval('#interpreter-language option', (options) => options.map((o) => o.textContent));
  result.busy = await messageAfter(op, '#add-interpreter');
  step('first-attempt-done');
  result.joined = await messageAfter(op, '#add-interpreter');
  await op.screenshot({ path: join(outDir, 'operator-interpreter-joined.png'), fullPage: true });
  step('interpreter-joined');
  result.dropped = await messageAfter(op, '#drop-interpreter');
} catch (e) {
  problems.push(`failed: ${e.message}`);
  // what the page showed when it failed
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (pages.length) {
    result.page = await pages[0].evaluate(() => ({
      pop: document.querySelector('#call-pop').textContent.replace(/\s+/g, ' '),
      interpreter: document.querySelector('#interpreter').outerHTML,
    })).catch((err) => `unreadable: ${err.message}`);
  }
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
