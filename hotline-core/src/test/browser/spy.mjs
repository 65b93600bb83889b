// Supervisor view, listening in, in headless Chromium: choose the operator on a call, listen, then stop.
// Usage: node spy.mjs <base-url> <supervisor> <password> <out-dir>
// Prints one JSON line with what it saw.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, supervisor, password, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node spy.mjs <base-url> <supervisor> <password> <out-dir>');
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

async function messageAfter(page, button, expected) {
  await page.click(button);
  await page.waitForFunction((text) => document.querySelector('#spy-message').textContent.includes(text),
    expected, { timeout: 20000 });
  return page.textContent('#spy-message');
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const sup = await context.newPage();
  sup.on('console', (msg) => {
    const url = msg.location().url || '';
    if (msg.type() === 'error' && !url.endsWith('/api/auth/me')) {
      problems.push(`console: ${msg.text()} (${url})`);
    }
  });
  sup.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  sup.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  await sup.goto(`${base}/console/supervisor.html`);
  await signInWithCode(sup, base, supervisor, password, '#sign-in-form');
  await sup.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  for (let i = 0; i < 15; i++) {
    const options = await sup.$$eval('#spy-agent option', (o) => o.map((x) => x.value).filter((v) => v));
    if (options.length) {
      break;
    }
    await sup.click('#spy-refresh');
    await sup.waitForTimeout(1000);
  }
  result.operators = await sup.$$eval('#spy-agent option', (o) => o.map((x) => x.textContent));
  result.listening = await messageAfter(sup, '#spy button[data-spy="listen"]', 'connected');
  await sup.screenshot({ path: join(outDir, 'supervisor-listening.png'), fullPage: true });
  result.stopped = await messageAfter(sup, '#spy-stop', 'Stopped');
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
