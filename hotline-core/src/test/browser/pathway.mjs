// Drives the pathway editor in headless Chromium, signing in through the page.
// Usage: node pathway.mjs <base-url> <admin-a> <admin-b> <password> <out-dir> approve <broken.yaml> <fixed.yaml> <extra-tip.yaml>
//        node pathway.mjs <base-url> <admin-a> <admin-b> <password> <out-dir> rollback
// "approve": admin A uploads a file with errors, sees them at their lines, fixes and saves the draft, simulates,
// compares and submits, and is refused the approval of their own version; admin B approves, schedules and
// activates it now. "rollback": admin B rolls back (first without a reason, which is refused).
// Prints one JSON line with what it saw; exits non-zero on any failure, page error, CSP violation or external request.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, signIn, watch } from './support.mjs';

const [base, adminA, adminB, password, outDir, phase, brokenFile, fixedFile, extraTipFile] = process.argv.slice(2);
if (!phase || (phase === 'approve' && !extraTipFile)) {
  console.error('usage: node pathway.mjs <base-url> <admin-a> <admin-b> <password> <out-dir> approve|rollback [<broken> <fixed> <extra-tip>]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await launch();
const problems = [];
const result = {};
/** "status path" of refusals the script provokes on purpose; no session before sign-in is expected too. */
const expectedFailures = new Set(['401 /api/auth/me']);
const expected = (path, status) => expectedFailures.has(`${status} ${path}`);

async function open(username) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = watch(await context.newPage(), base, problems, expected);
  await page.goto(`${base}/pathway`);
  result.signIns = result.signIns || {};
  result.signIns[username] = await signIn(page, base, username, password, '#sign-in-form');
  await page.waitForSelector('#workspace:not([hidden])', { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('#status').textContent === 'Ready.', null, { timeout: 15000 });
  return page;
}

/** State of the version row whose label contains `version`. */
function rowState(page, version) {
  return page.$$eval('#versions tbody tr', (rows, v) => {
    const row = rows.find((r) => r.querySelector('th').textContent.includes(v));
    return row ? row.dataset.state : null;
  }, version);
}

/** Presses Refresh until the version row shows `state` (the nodes apply an activation at their next poll). */
async function untilState(page, version, state, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await rowState(page, version) === state) {
      return true;
    }
    await page.click('#refresh');
    await page.waitForTimeout(500);
  }
  return false;
}

/** Waits for the action message to mention {@code text}; on a timeout, says what the page showed instead. */
async function actionMessage(page, text) {
  try {
    await page.waitForFunction((t) => document.querySelector('#action-message').textContent.includes(t), text,
      { timeout: 10000 });
  } catch (e) {
    const shown = await page.evaluate(() => ({
      message: document.querySelector('#action-message').textContent,
      error: document.querySelector('#action-error').textContent,
      reason: document.querySelector('#reason').value,
      selected: document.querySelector('#selected').textContent,
    }));
    throw new Error(`no '${text}' message: ${JSON.stringify(shown)} (${e.message})`);
  }
}

async function openVersion(page, version) {
  await page.click(`#versions tbody tr:has(th:text-matches("${version}")) button.open`);
  await page.waitForFunction((v) => document.querySelector('#selected').textContent.includes(v), version, { timeout: 10000 });
  // the page's last step of opening a version focuses the editor: only then is it done with the form
  await page.waitForFunction(() => document.activeElement === document.querySelector('#yaml'), null, { timeout: 10000 });
}

/** The line (from 1) the textarea's caret is on, and whether the textarea has the focus. */
function caret(page) {
  return page.evaluate(() => {
    const t = document.querySelector('#yaml');
    return { line: t.value.slice(0, t.selectionStart).split('\n').length, focused: document.activeElement === t };
  });
}

async function unlabelled(page) {
  return page.$$eval('input, select, textarea, button', (fields) => fields
    .filter((f) => f.type !== 'hidden' && f.offsetParent !== null)
    .filter((f) => (f.tagName === 'BUTTON' ? !f.textContent.trim() : !(f.labels && f.labels.length))
      && !f.getAttribute('aria-label'))
    .map((f) => f.id || f.name || f.tagName));
}

async function approvePhase() {
  const a = await open(adminA);
  result.startActive = await a.textContent('#active-summary');
  result.coverageBefore = await a.textContent('#coverage-summary');
  result.coverageGapCells = await a.$$eval('#coverage td.gap', (cells) => cells.length);
  result.unlabelled = await unlabelled(a);

  // upload a file with two errors: nothing is stored, both errors are shown at their lines
  await a.setInputFiles('#yaml-file', brokenFile);
  await a.waitForFunction(() => document.querySelector('#yaml').value.length > 100, null, { timeout: 10000 });
  await a.click('#save');
  await a.waitForSelector('#problem-list li.error', { timeout: 10000 });
  result.lintSummary = await a.textContent('#problems-summary');
  result.lintErrors = await a.$$eval('#problem-list li.error', (items) => items.map((i) => ({
    line: Number(i.dataset.line), code: i.dataset.code, text: i.textContent })));
  result.gutterErrors = await a.$$eval('#gutter .mark-error', (rows) => rows.map((r) => Number(r.dataset.line)));
  result.versionsAfterInvalid = await a.$$eval('#versions tbody tr', (rows) => rows.length);
  const buttons = await a.$$('#problem-list li.error button');
  await buttons[0].click();
  result.caretFirst = await caret(a);
  await a.screenshot({ path: join(outDir, 'pathway-lint-errors.png'), fullPage: false });
  await buttons[1].click();
  result.caretSecond = await caret(a);

  // fix them, save the draft
  await a.fill('#yaml', readFileSync(fixedFile, 'utf8'));
  await a.click('#validate');
  await a.waitForFunction(() => document.querySelector('#problems-summary').textContent.startsWith('Valid'), null,
    { timeout: 10000 });
  result.gutterErrorsAfterFix = await a.$$eval('#gutter .mark-error', (rows) => rows.length);
  await a.click('#save');
  await actionMessage(a, 'saved');
  result.draftState = await rowState(a, '2026.2');

  // simulate the shipped sample tips plus one typed in, and compare with the active version
  await a.click('#sample-tips');
  await a.keyboard.press('Control+End');
  await a.keyboard.insertText(`\n${readFileSync(extraTipFile, 'utf8')}`);
  await a.click('#simulate');
  await a.waitForSelector('#simulation .tip', { timeout: 10000 });
  result.simulated = await a.$$eval('#simulation .tip', (tips) => tips.map((t) => ({
    reference: t.dataset.reference,
    recipients: [...t.querySelectorAll('.recipient')].map((r) => ({
      agency: r.dataset.agency, payload: JSON.parse(r.querySelector('pre.json').textContent) })),
  })));
  await a.screenshot({ path: join(outDir, 'pathway-simulation.png'), fullPage: true });
  await a.click('#diff');
  await a.waitForSelector('#routing-changes', { timeout: 10000 });
  result.routingChanges = await a.$$eval('#routing-changes tbody tr', (rows) => rows.map((r) => ({
    reference: r.dataset.reference, before: r.cells[1].textContent, after: r.cells[2].textContent })));
  result.comparison = await a.textContent('#comparison');
  await (await a.$('#comparison')).screenshot({ path: join(outDir, 'pathway-diff.png') });

  await a.fill('#reason', 'Shelter in Nimba; faster danger acknowledgement');
  await a.click('#submit');
  await actionMessage(a, 'submitted');
  result.submittedState = await rowState(a, '2026.2');
  result.historyAfterSubmit = await a.$$eval('#history li', (items) => items.map((i) => i.textContent));
  expectedFailures.add('403 /api/pathways/versions/' + await a.$eval('#versions tbody tr[data-state="SUBMITTED"]',
    (r) => r.dataset.id) + '/approve');
  await a.fill('#reason', 'approving my own draft');
  await a.click('#approve');
  await a.waitForFunction(() => document.querySelector('#action-error').textContent !== '', null, { timeout: 10000 });
  result.selfApproval = await a.textContent('#action-error');
  result.stateAfterSelfApproval = await rowState(a, '2026.2');

  // the second administrator approves, tries an activation without a time, schedules one, activates now
  const b = await open(adminB);
  await openVersion(b, '2026.2');
  await b.fill('#reason', 'Checked against the ministry memo');
  await b.click('#approve');
  await actionMessage(b, 'approved');
  result.approvedState = await rowState(b, '2026.2');
  result.historyAfterApproval = await b.$$eval('#history li', (items) => items.map((i) => i.textContent));
  await b.check('#when-at');
  await b.fill('#reason', 'go live');
  await b.click('#activate');
  result.missingTime = await b.textContent('#action-error');
  const later = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  await b.fill('#effective-at', `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T09:30`);
  await b.click('#activate');
  await actionMessage(b, 'scheduled');
  result.scheduled = await b.$$eval('#schedule li', (items) => items.map((i) => i.textContent));
  await b.check('#when-now');
  await b.fill('#reason', 'Ministry memo signed; takes effect today');
  await b.click('#activate');
  await actionMessage(b, 'scheduled');
  result.activeAfterActivation = await untilState(b, '2026.2', 'ACTIVE', 20);
  result.oldState = await rowState(b, '2026.1');
  result.activeSummary = await b.textContent('#active-summary');
  result.coverageAfter = await b.textContent('#coverage-summary');
  await b.screenshot({ path: join(outDir, 'pathway-activated.png'), fullPage: true });
}

async function rollbackPhase() {
  const b = await open(adminB);
  expectedFailures.add('400 /api/pathways/rollback');
  await b.click('#rollback');
  await b.waitForFunction(() => document.querySelector('#action-error').textContent !== '', null, { timeout: 10000 });
  result.rollbackWithoutReason = await b.textContent('#action-error');
  result.stillActive = await rowState(b, '2026.2');
  await b.fill('#reason', 'Shelter in Nimba not yet open');
  await b.click('#rollback');
  await actionMessage(b, 'Rolled back');
  result.rollbackMessage = await b.textContent('#action-message');
  result.restored = await untilState(b, '2026.1', 'ACTIVE', 20);
  result.newState = await rowState(b, '2026.2');
  await b.screenshot({ path: join(outDir, 'pathway-rolled-back.png'), fullPage: true });
}

try {
  await (phase === 'approve' ? approvePhase() : rollbackPhase());
} catch (e) {
  problems.push(`failed: ${e.message}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(JSON.stringify(result));
process.exit(problems.length === 0 ? 0 : 1);
