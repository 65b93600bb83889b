// Abuse flags in headless Chromium: the supervisor flags the number a report came from; the operator's call pop
// from that number then shows the warning.
// Usage: node abuse.mjs <base-url> <supervisor> <password> <out-dir> <reference> <operator>
// Prints {"step": ...} lines the JUnit test reacts to, then one JSON line with what it saw.
import { join } from 'node:path';
import { args, finish, launch, messageAfter, openSignedIn, step } from './page-support.mjs';

const run = args('abuse.mjs');
const [reference, operator] = run.extra;
const browser = await launch();
const problems = [];
const result = {};
try {
  const sup = await openSignedIn(browser, run, '/console/supervisor.html', problems);
  await sup.fill('#abuse-reference', reference);
  await sup.fill('#abuse-days', '3');
  result.flagged = await messageAfter(sup, '#abuse-form button[type="submit"]', '#abuse-message', 'Flagged until');
  const op = await openSignedIn(browser, { ...run, username: operator }, '/console/', problems, (page) =>
    page.waitForResponse((r) => r.url().endsWith('/api/live/events') && r.status() === 200, { timeout: 15000 }));
  step('operator-listening');
  await op.waitForSelector('#pop-abuse:not([hidden])', { timeout: 15000 });
  result.warning = await op.textContent('#pop-abuse');
  await op.screenshot({ path: join(run.outDir, 'operator-abuse-warning.png'), fullPage: true });
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
