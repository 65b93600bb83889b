// Supervisor view, related reports, in headless Chromium: the page lists the report from the same number with why
// (never the value), links it, then unlinks it.
// Usage: node related.mjs <base-url> <supervisor> <password> <out-dir> <reference> <related-reference>
import { join } from 'node:path';
import { args, finish, launch, messageAfter, openSignedIn } from './page-support.mjs';

const run = args('related.mjs');
const [reference, other] = run.extra;
const browser = await launch();
const problems = [];
const result = {};
const row = `#related-rows tr[data-reference="${other}"]`;
try {
  const sup = await openSignedIn(browser, run, '/console/supervisor.html', problems);
  await sup.fill('#related-reference', reference);
  result.listed = await messageAfter(sup, '#related-form button[type="submit"]', '#related-message', 'related report');
  result.references = await sup.$$eval('#related-rows tr', (trs) => trs.map((tr) => tr.dataset.reference));
  result.why = await sup.textContent(`${row} .why`);
  result.linked = await messageAfter(sup, `${row} button`, '#related-message', 'Linked');
  result.stateAfterLink = await sup.textContent(`${row} .state`);
  await sup.screenshot({ path: join(run.outDir, 'supervisor-related-linked.png'), fullPage: true });
  result.unlinked = await messageAfter(sup, `${row} button`, '#related-message', 'Unlinked');
  result.stateAfterUnlink = await sup.textContent(`${row} .state`);
  result.page = await sup.textContent('#related');
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
