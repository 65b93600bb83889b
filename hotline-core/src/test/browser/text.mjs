// Drives the text conversations of a console page in headless Chromium: sees a conversation that asks for an
// operator, opens it, reads what the sender wrote for the operator and answers it.
// Usage: node text.mjs <base-url> <user> <password> <out-dir> <held-text> <reply-text> <page> <screenshot-name>
// Prints one JSON line with what it saw. Exits non-zero on any failure, page error, CSP violation or external request.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, supervisor, password, outDir, heldText, replyText, path, shot] = process.argv.slice(2);
if (!shot) {
  console.error('usage: node text.mjs <base-url> <user> <password> <out-dir> <held-text> <reply-text> <page> <shot>');
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    const url = msg.location().url || '';
    if (msg.type() === 'error' && !url.endsWith('/api/auth/me')) {
      problems.push(`console: ${msg.text()} (${url})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  await page.goto(`${base}${path}`);
  result.signIn = await signInWithCode(page, base, supervisor, password, '#sign-in-form');
  await page.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('#text-conversations').textContent
    .includes('asks for an operator'), null, { timeout: 15000 });
  result.rows = await page.$$eval('#text-conversations tr', (rows) => rows.map((r) => r.textContent));
  await page.click('#text-conversations button');
  await page.waitForFunction((text) => document.querySelector('#text-messages').textContent.includes(text),
    heldText, { timeout: 15000 });
  result.messages = await page.$$eval('#text-messages li', (items) => items.map((i) => i.textContent));
  await page.fill('#text-reply', replyText);
  await page.click('#text-reply-form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#text-status').textContent.startsWith('Reply queued'),
    null, { timeout: 15000 });
  result.status = await page.textContent('#text-status');
  result.unlabelled = await page.$$eval('input, select, textarea', (fields) => fields
    .filter((f) => f.type !== 'hidden' && f.offsetParent !== null)
    .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-label'))
    .map((f) => f.name || f.id));
  await page.screenshot({ path: join(outDir, `${shot}.png`), fullPage: true });
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
