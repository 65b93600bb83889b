// Shared by the telephony browser scripts: Chromium as the tests run it, a page that records every console
// error, page error and request outside the node as a problem, and signing in through the page.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { signIn as signInWithCode } from './support.mjs';

/** The script's arguments: base URL, user, password, screenshot folder (created), then any extra ones. */
export function args(script) {
  const [base, username, password, outDir, ...extra] = process.argv.slice(2);
  if (!outDir) {
    console.error(`usage: node ${script} <base-url> <username> <password> <out-dir>`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  return { base, username, password, outDir, extra };
}

export const step = (name) => console.log(JSON.stringify({ step: name }));

/** Paths whose failing requests a script provokes on purpose (a refused form): their console errors are not problems. */
export const expectedFailures = new Set();

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens {@code path}, signs in, waits for the workspace; {@code beforeSignIn(page)} may start waiting for a response. */
export async function openSignedIn(browser, { base, username, password }, path, problems, beforeSignIn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    // before sign-in, "who am I" answers 401 by design; every other error counts
    const url = msg.location().url || '';
    if (msg.type() === 'error' && !url.endsWith('/api/auth/me') && !expectedFailures.has(url.replace(base, ''))) {
      problems.push(`console: ${msg.text()} (${url})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  await page.goto(`${base}${path}`);
  const waiting = beforeSignIn ? beforeSignIn(page) : null;
  await signInWithCode(page, base, username, password, '#sign-in-form');
  await page.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  if (waiting) {
    await waiting;
  }
  return page;
}

/** Clicks {@code button} and waits until {@code selector}'s text contains {@code expected}; returns that text. */
export async function messageAfter(page, button, selector, expected) {
  await page.click(button);
  await page.waitForFunction(([sel, text]) => document.querySelector(sel).textContent.includes(text),
    [selector, expected], { timeout: 20000 });
  return page.textContent(selector);
}

/** Ends the script: one JSON line with what it saw, exit code 1 on any problem. */
export async function finish(browser, result, problems) {
  await browser.close();
  result.problems = problems;
  console.log(JSON.stringify(result));
  process.exit(problems.length === 0 ? 0 : 1);
}
