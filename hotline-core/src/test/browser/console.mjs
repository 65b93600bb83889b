// Drives the operator and supervisor consoles in headless Chromium, signing in through the pages.
// Usage: node console.mjs <base-url> <operator> <supervisor> <password> <out-dir> <waiting-reference> <dead-reference>
// Prints {"step": ...} lines the JUnit test reacts to (it places the queue call when the operator listens), then
// one JSON line with what it saw. Exits non-zero on any failure, page error, CSP violation or external request.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn as signInWithCode } from './support.mjs';

const [base, operator, supervisor, password, outDir, waitingRef, deadRef] = process.argv.slice(2);
if (!deadRef) {
  console.error('usage: node console.mjs <base-url> <operator> <supervisor> <password> <out-dir> <waiting-ref> <dead-ref>');
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
/** Requests expected to fail right now (the deliberately incomplete form); their console errors are not problems. */
const expectedFailures = new Set();

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    // before sign-in, "who am I" answers 401 by design; every other error counts
    const url = msg.location().url || '';
    if (msg.type() === 'error' && !url.endsWith('/api/auth/me') && !expectedFailures.has(url.replace(base, ''))) {
      problems.push(`console: ${msg.text()} (${msg.location().url})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  await page.goto(`${base}${path}`);
  return page;
}

async function signIn(page, username) {
  result.signIns = result.signIns || {};
  result.signIns[username] = await signInWithCode(page, base, username, password, '#sign-in-form');
  await page.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
}

/** Fields without a label or accessible name (there should be none). */
async function unlabelled(page) {
  return page.$$eval('input, select, textarea', (fields) => fields
    .filter((f) => f.type !== 'hidden' && f.offsetParent !== null)
    .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-label'))
    .map((f) => f.name || f.id));
}

/**
 * The operator reloads the console mid-call (the call has not ended): the node sends the call in progress to the
 * new page's stream. Returns the reference the form was filled with.
 */
async function reloadMidCall(page) {
  await page.reload();
  await page.waitForSelector('#pop-data:not([hidden])', { timeout: 15000 });
  return page.inputValue('#f-reference');
}

/**
 * A stream that ends and reconnects (network blip, node restart) gets the call in progress again: the page must
 * keep what the operator typed for that call. The stream is served here, ending after each pop, so the page
 * reconnects every 100 ms; returns what the form held after a repeat that came after the typing.
 */
async function streamRepeatsTheCall(page, reference) {
  let served = 0;
  const pop = { callId: 'repeat.1', reference, language: 'en', consents: {}, waitedSeconds: 1 };
  await page.route('**/api/live/events', (route) => {
    served += 1;
    route.fulfill({ status: 200, contentType: 'text/event-stream',
      body: `retry: 100\n\nevent: call-pop\ndata: ${JSON.stringify(pop)}\n\n` });
  });
  await page.reload();
  await page.waitForFunction((ref) => document.querySelector('#f-reference').value === ref, reference,
    { timeout: 15000 });
  await page.fill('#f-employer', 'typed during the call');
  const typedAt = served;
  // two more streams served: the first of them ended and its pop was handled before the second was asked for
  for (let i = 0; i < 100 && served < typedAt + 2; i++) {
    await page.waitForTimeout(100);
  }
  const kept = { served: served - typedAt, employer: await page.inputValue('#f-employer') };
  await page.unroute('**/api/live/events');
  return kept;
}

async function untilShown(page, refresh, predicate, arg, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (refresh) {
      await page.click(refresh);
    }
    try {
      await page.waitForFunction(predicate, arg, { timeout: 1000 });
      return true;
    } catch (e) {
      // not yet: refresh and look again
    }
  }
  return false;
}

try {
  // Supervisor: the waiting call and the dead letter, then a retry
  const sup = await open('/console/supervisor.html');
  await signIn(sup, supervisor);
  await sup.waitForFunction((ref) => document.querySelector('#waiting').textContent.includes(ref), waitingRef,
    { timeout: 15000 });
  await sup.waitForFunction((ref) => document.querySelector('#dead-letters').textContent.includes(ref), deadRef,
    { timeout: 15000 });
  result.waiting = await sup.$$eval('#waiting tr', (rows) => rows.map((r) => r.textContent));
  result.deadLetters = await sup.$$eval('#dead-letters tr', (rows) => rows.map((r) => r.textContent));
  result.supervisorUnlabelled = await unlabelled(sup);
  await sup.screenshot({ path: join(outDir, 'supervisor-queue-and-dead-letter.png'), fullPage: true });
  await sup.click(`#dead-letters button[aria-label^="Retry referral of ${deadRef}"]`);
  await sup.waitForFunction(() => document.querySelector('#action-message').textContent.startsWith('retry'),
    null, { timeout: 15000 });
  result.retryMessage = await sup.textContent('#action-message');
  result.deadLetterGone = await untilShown(sup, '#refresh',
    (ref) => !document.querySelector('#dead-letters').textContent.includes(ref), deadRef, 20);
  await sup.screenshot({ path: join(outDir, 'supervisor-retried.png'), fullPage: true });
  step('supervisor-done');

  // Operator: sign in, listen, get the call pop, complete the form
  const op = await open('/console/');
  const listening = op.waitForResponse((r) => r.url().endsWith('/api/live/events') && r.status() === 200,
    { timeout: 15000 });
  await signIn(op, operator);
  await listening;
  step('operator-listening');
  await op.waitForFunction(() => !document.querySelector('#my-status').textContent.includes('looked up'), null,
    { timeout: 15000 });
  result.myStatus = await op.textContent('#my-status');
  await op.waitForSelector('#pop-data:not([hidden])', { timeout: 15000 });
  result.pop = {
    reference: await op.textContent('#pop-reference'),
    situation: await op.textContent('#pop-type'),
    region: await op.textContent('#pop-region'),
    child: await op.textContent('#pop-child'),
    danger: await op.textContent('#pop-danger'),
    consents: await op.textContent('#pop-consents'),
    prefilledReference: await op.inputValue('#f-reference'),
    prefilledType: await op.inputValue('#f-exploitationType'),
  };
  result.operatorUnlabelled = await unlabelled(op);
  await op.screenshot({ path: join(outDir, 'operator-call-pop.png'), fullPage: true });

  expectedFailures.add('/api/console/intake');
  await op.click('#submit-intake');
  await op.waitForSelector('#form-summary:not([hidden])', { timeout: 15000 });
  expectedFailures.delete('/api/console/intake');
  result.errors = await op.$$eval('#form-summary li', (items) => items.map((i) => i.textContent));
  result.summaryFocused = await op.evaluate(() => document.activeElement && document.activeElement.id);
  await op.screenshot({ path: join(outDir, 'operator-form-errors.png'), fullPage: true });

  await op.selectOption('#f-callerRole', 'witness');
  await op.fill('#f-victims-count', '3');
  await op.selectOption('#f-victims-ageGroup', 'adult_26_plus');
  await op.selectOption('#f-victims-gender', 'female');
  await op.fill('#f-victims-nationality', 'LR');
  await op.fill('#f-employer', 'Bong Mines quarry');
  await op.selectOption('#f-recruitment', 'job_offer');
  await op.check('input[name="controlMethods"][value="withheld_wages"]');
  await op.check('input[name="needs"][value="medical"]');
  await op.click('#submit-intake');
  await op.waitForFunction(() => document.querySelector('#form-result').textContent.includes('sent to'), null,
    { timeout: 20000 });
  result.saved = await op.textContent('#form-result');
  result.delivered = await untilShown(op, '#refresh-mine',
    (ref) => [...document.querySelectorAll('#my-tips tr')].some((r) => r.textContent.includes(ref)
      && r.textContent.includes('(update): delivered')), waitingRef, 30);
  result.myTips = await op.$$eval('#my-tips tr', (rows) => rows.map((r) => r.textContent));
  await op.screenshot({ path: join(outDir, 'operator-referral-dispatched.png'), fullPage: true });
  result.reloadedReference = await reloadMidCall(op);
  result.repeated = await streamRepeatsTheCall(op, waitingRef);
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
