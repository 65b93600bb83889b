// Supervisor view, call quality review, in headless Chromium: a review missing a score is refused with the field
// named, a complete one is saved.
// Usage: node qa.mjs <base-url> <supervisor> <password> <out-dir> <reference> <operator-phone>
import { join } from 'node:path';
import { args, expectedFailures, finish, launch, openSignedIn } from './page-support.mjs';

const run = args('qa.mjs');
const browser = await launch();
const problems = [];
const result = {};
try {
  const sup = await openSignedIn(browser, run, '/console/supervisor.html', problems);
  const [reference, phone] = run.extra;
  await sup.fill('#qa-reference', reference);
  await sup.fill('#qa-operator', phone);
  for (const [criterion, score] of [['greeting', '4'], ['safety', '5'], ['listening', '4'], ['information', '3']]) {
    await sup.selectOption(`#qa select[name="${criterion}"]`, score);
  }
  expectedFailures.add('/api/supervisor/qa');
  await sup.click('#qa-form button[type="submit"]');
  await sup.waitForFunction(() => document.querySelector('#qa-message').textContent.startsWith('Not saved'), null,
    { timeout: 15000 });
  expectedFailures.delete('/api/supervisor/qa');
  result.refused = await sup.textContent('#qa-message');
  await sup.selectOption('#qa select[name="referral"]', '5');
  await sup.fill('#qa-note', 'Good safety check');
  await sup.click('#qa-form button[type="submit"]');
  await sup.waitForFunction(() => document.querySelector('#qa-message').textContent === 'Review saved.', null,
    { timeout: 15000 });
  result.saved = await sup.textContent('#qa-message');
  await sup.screenshot({ path: join(run.outDir, 'supervisor-qa-saved.png'), fullPage: true });
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
