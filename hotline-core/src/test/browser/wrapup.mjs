// Operator console, wrap-up time, in headless Chromium: after a call the page shows the wrap-up and "Ready" makes
// the operator available again.
// Usage: node wrapup.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { join } from 'node:path';
import { args, finish, launch, openSignedIn, step } from './page-support.mjs';

const run = args('wrapup.mjs');
const browser = await launch();
const problems = [];
const result = {};
try {
  const op = await openSignedIn(browser, run, '/console/', problems);
  result.hiddenBefore = await op.isHidden('#wrapup');
  step('operator-signed-in');
  await op.waitForSelector('#wrapup:not([hidden])', { timeout: 20000 });
  result.shown = await op.textContent('#wrapup-text');
  await op.screenshot({ path: join(run.outDir, 'operator-wrap-up.png'), fullPage: true });
  await op.click('#wrapup-ready');
  await op.waitForFunction(() => document.querySelector('#status-message').textContent.startsWith('Ready'), null,
    { timeout: 15000 });
  result.message = await op.textContent('#status-message');
  await op.waitForSelector('#wrapup[hidden]', { state: 'attached', timeout: 15000 });
  result.hiddenAfter = await op.isHidden('#wrapup');
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
