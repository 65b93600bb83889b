// Operator console, interpreter on the line, in headless Chromium: the call pop flags the language the caller
// chose in the IVR, "Add interpreter" reports a busy line (caller still with the operator), then a joined one,
// and "Drop interpreter" removes them.
// Usage: node interpreter.mjs <base-url> <operator> <password> <out-dir>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { join } from 'node:path';
import { args, finish, launch, openSignedIn, step } from './page-support.mjs';

const run = args('interpreter.mjs');
const browser = await launch();
const problems = [];
const result = {};

/** Clicks and waits for the next answer (not the "Calling..." note shown while the phone rings). */
async function messageAfter(page, button) {
  const before = await page.textContent('#interpreter-message');
  await page.click(button);
  await page.waitForFunction((old) => {
    const text = document.querySelector('#interpreter-message').textContent;
    return text !== old && !text.startsWith('Calling the');
  }, before, { timeout: 20000 });
  return page.textContent('#interpreter-message');
}

let op = null;
try {
  op = await openSignedIn(browser, run, '/console/', problems, (page) => page.waitForResponse(
    (r) => r.url().endsWith('/api/live/events') && r.status() === 200, { timeout: 15000 }));
  step('operator-listening');
  await op.waitForSelector('#interpreter-needed:not([hidden])', { timeout: 15000 });
  result.needed = await op.textContent('#interpreter-needed');
  result.chosen = await op.inputValue('#interpreter-language');
  result.options = await op.$$eval('#interpreter-language option', (options) => options.map((o) => o.textContent));
  result.busy = await messageAfter(op, '#add-interpreter');
  result.joined = await messageAfter(op, '#add-interpreter');
  await op.screenshot({ path: join(run.outDir, 'operator-interpreter-joined.png'), fullPage: true });
  result.dropped = await messageAfter(op, '#drop-interpreter');
} catch (e) {
  problems.push(`failed: ${e.message}`);
  if (op) {
    // what the page showed when it failed
    result.page = await op.evaluate(() => ({
      pop: document.querySelector('#call-pop').textContent.replace(/\s+/g, ' '),
      interpreter: document.querySelector('#interpreter').outerHTML,
    })).catch((err) => `unreadable: ${err.message}`);
  }
}
await finish(browser, result, problems);
