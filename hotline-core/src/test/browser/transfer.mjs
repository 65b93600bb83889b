// Operator console, live transfer, in headless Chromium: the agencies of the call's report are listed, "Talk first"
// calls the agency's duty line (the caller hears music), "Join all three" and "Leave the call to the agency".
// Usage: node transfer.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { join } from 'node:path';
import { args, finish, launch, messageAfter, openSignedIn, step } from './page-support.mjs';

const run = args('transfer.mjs');
const browser = await launch();
const problems = [];
const result = {};
try {
  const op = await openSignedIn(browser, run, '/console/', problems, (page) => page.waitForResponse(
    (r) => r.url().endsWith('/api/live/events') && r.status() === 200, { timeout: 15000 }));
  step('operator-listening');
  await op.waitForSelector('#transfer-table:not([hidden])', { timeout: 15000 });
  result.targets = await op.$$eval('#transfer-targets tr', (rows) => rows.map((r) => r.textContent));
  result.consulting = await messageAfter(op, '#transfer-targets button[aria-label^="Warm transfer to"]:not([disabled])',
    '#transfer-message', 'speaking to the agency');
  result.joinShown = await op.isVisible('#transfer-join');
  result.joined = await messageAfter(op, '#transfer-join', '#transfer-message', 'All three');
  await op.screenshot({ path: join(run.outDir, 'operator-transfer-joined.png'), fullPage: true });
  result.left = await messageAfter(op, '#transfer-leave', '#transfer-message', 'Recorded on the referral');
  result.unlabelled = await op.$$eval('input, select, textarea, button', (fields) => fields
    .filter((f) => f.offsetParent !== null && f.type !== 'hidden')
    .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-label') && !f.textContent.trim())
    .map((f) => f.name || f.id));
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
