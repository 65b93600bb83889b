// Renders the statistics page and the monthly report in headless Chromium, signs in through the page's own
// form, checks what is shown and saves screenshots (and the report as PDF).
// Usage: node stats.mjs <base-url> <username> <password> <out-dir> <month yyyy-MM>
// Prints one JSON line with what it saw; exits non-zero on any failure, CSP violation or page error.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from './support.mjs';

const [base, username, password, outDir, month] = process.argv.slice(2);
if (!base || !username || !password || !outDir || !month) {
  console.error('usage: node stats.mjs <base-url> <username> <password> <out-dir> <month>');
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
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let signedIn = false;
  // failed loads are judged from the responses below (the 401 before sign-in is expected); any other console
  // error, e.g. a Content-Security-Policy violation, is a problem
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (r) => {
    const expected = r.url().endsWith('/favicon.ico') || (r.status() === 401 && !signedIn);
    if (r.status() >= 400 && !expected) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });

  await page.goto(`${base}/stats/?from=${month}-01&to=${month}-28`);
  await page.waitForSelector('#signin:not([hidden])', { timeout: 15000 });
  signedIn = true;
  result.signIn = await signIn(page, base, username, password, '#signin-form');
  await page.waitForSelector('#status[data-state=ready]', { timeout: 15000 });
  result.figures = await page.$$eval('.figure', (boxes) => boxes.map((b) => b.textContent.trim()));
  result.bars = await page.$$eval('.chart rect[data-count]', (rects) => rects.length);
  result.suppressedMarks = await page.$$eval('.chart rect[data-suppressed]', (rects) => rects.length);
  result.typeLabels = await page.$$eval('#tips-by-type text', (ts) => ts.map((t) => t.textContent));
  result.agencyRows = await page.$$eval('#agencies tbody tr', (rows) => rows.map((r) => r.textContent));
  result.csvLink = await page.getAttribute('#export-csv', 'href');
  await page.screenshot({ path: join(outDir, 'stats.png'), fullPage: true });

  await page.goto(`${base}/stats/report.html?month=${month}`);
  await page.waitForSelector('#status[data-state=ready]', { timeout: 15000 });
  result.indicators = await page.$$eval('#indicators tr', (rows) => rows.map((r) => r.textContent));
  await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(outDir, 'report.pdf'), format: 'A4', printBackground: true });
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
