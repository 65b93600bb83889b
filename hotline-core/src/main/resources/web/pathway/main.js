// The pathway editor page: versions, the draft text with lint problems at their lines, lifecycle actions,
// simulation, comparison with the active version and the coverage matrix.

import { pathways, message, sampleTips, start } from './api.js';
import { CodeBox } from './code.js';
import * as views from './views.js';

const $ = (id) => document.getElementById(id);
const code = new CodeBox($('yaml'), $('gutter'), $('problems-summary'), $('problem-list'));
/** The stored version open in the page (null: a new, unsaved draft). */
let open = null;
let activeId = null;
let myId = null;

function status(text) {
  $('status').textContent = text;
}

function actionResult(ok, text) {
  $('action-message').textContent = ok ? text : '';
  $('action-error').textContent = ok ? '' : text;
}

async function refresh() {
  const [versions, active] = await Promise.all([pathways.versions(), pathways.active()]);
  if (!versions.ok || !active.ok) {
    status(message(versions.ok ? active : versions));
    return;
  }
  views.knowPeople(versions.data.people);
  views.knowPeople(active.data.people);
  activeId = active.data.active ? active.data.active.versionId : null;
  const shown = views.schedule(active.data, myId);
  $('active-summary').textContent = shown.active;
  $('schedule').replaceChildren(...shown.coming);
  $('versions').tBodies[0].replaceChildren(...views.versionRows(versions.data.versions, activeId, myId, openVersion));
  if (open) {
    const current = await pathways.version(open.id);
    if (current.ok) {
      views.knowPeople(current.data.people);
      open = current.data;
    }
  }
  showOpen();
  await showCoverage(open ? open.id : activeId);
}

function showOpen() {
  const state = open ? open.state : null;
  $('editing').textContent = open ? `: ${open.label} (${state})` : ': new draft';
  $('selected').textContent = open ? `Open: ${open.label}, ${state}.` : 'Save the draft or open a stored version first.';
  code.readOnly = Boolean(open) && state !== 'DRAFT';
  $('save').disabled = Boolean(open) && state !== 'DRAFT';
  $('submit').disabled = state !== 'DRAFT';
  $('approve').disabled = state !== 'SUBMITTED';
  $('activate').disabled = !['APPROVED', 'RETIRED', 'ACTIVE'].includes(state);
  $('simulate').disabled = !open;
  $('diff').disabled = !open;
  $('history').replaceChildren(...(open ? views.history(open.transitions, myId) : []));
}

async function openVersion(id) {
  const answer = await pathways.version(id);
  if (!answer.ok) {
    status(message(answer));
    return;
  }
  views.knowPeople(answer.data.people);
  open = answer.data;
  code.text = open.yaml;
  code.showProblems(open.warnings, open.warnings.length ? `${open.label}: ${open.warnings.length} warning(s).` : `${open.label}: no problems.`);
  actionResult(true, '');
  showOpen();
  $('simulation').replaceChildren();
  $('comparison').replaceChildren();
  await showCoverage(id);
  $('yaml').focus();
}

async function showCoverage(id) {
  if (!id) {
    $('coverage-summary').textContent = 'No version to show.';
    $('coverage').replaceChildren();
    return;
  }
  const answer = await pathways.coverage(id);
  if (!answer.ok) {
    $('coverage-summary').textContent = message(answer);
    return;
  }
  $('coverage-summary').textContent = `${answer.data.pathwayId} ${answer.data.version}: ${answer.data.gaps} gap(s).`;
  $('coverage').replaceChildren(views.coverageTable(answer.data));
}

/** Lints the text; true when it has no errors. Problems appear in the gutter and the list. */
async function validate() {
  const answer = await pathways.validate(code.text);
  if (!answer.ok) {
    code.showProblems([], message(answer));
    return false;
  }
  const problems = answer.data.problems;
  const errors = problems.filter((p) => p.severity === 'ERROR').length;
  const warnings = problems.length - errors;
  code.showProblems(problems, answer.data.valid
    ? `Valid: ${answer.data.pathwayId} ${answer.data.version}${warnings ? `, ${warnings} warning(s)` : ', no problems'}.`
    : `Not valid: ${errors} error(s), ${warnings} warning(s). Nothing was saved.`);
  return answer.data.valid;
}

async function save() {
  if (!code.text.trim()) {
    code.showProblems([], 'The pathway text is empty.');
    return;
  }
  if (!(await validate())) {
    $('problem-list').querySelector('button')?.focus();
    return;
  }
  const answer = open && open.state === 'DRAFT' ? await pathways.replace(open.id, code.text) : await pathways.create(code.text);
  if (!answer.ok) {
    actionResult(false, message(answer));
    return;
  }
  open = answer.data;
  await refresh();
  actionResult(true, `Draft ${open.label} saved.`);
}

async function transition(action, done) {
  if (!open) {
    return;
  }
  const body = { reason: $('reason').value };
  if (action === 'activate' && $('when-at').checked) {
    const at = $('effective-at').value;
    if (!at) {
      actionResult(false, 'Give the date and time the activation takes effect, or choose "now".');
      $('effective-at').focus();
      return;
    }
    body.effectiveAt = new Date(at).toISOString();
  }
  const answer = await pathways.transition(open.id, action, body);
  if (!answer.ok) {
    actionResult(false, message(answer));
    return;
  }
  $('reason').value = '';
  await refresh();
  actionResult(true, done(answer.data));
}

async function rollback() {
  const answer = await pathways.rollback({ reason: $('reason').value });
  if (!answer.ok) {
    actionResult(false, message(answer));
    return;
  }
  $('reason').value = '';
  await refresh();
  actionResult(true, `Rolled back: ${answer.data.label} routes new tips again.`);
}

/** Runs a simulation or comparison of the open version with the sample tips and renders the answer. */
async function tryTips(request, target, render) {
  $('simulation-error').textContent = '';
  const answer = await request(open.id, $('sample-tips').value);
  if (!answer.ok) {
    $('simulation-error').textContent = message(answer);
    return;
  }
  $(target).replaceChildren(...render(answer.data));
}

function newDraft() {
  open = null;
  code.readOnly = false;
  code.text = '';
  code.clearProblems();
  showOpen();
  $('yaml').focus();
}

function loadFile(event) {
  const file = event.target.files[0];
  if (!file) {
    return;
  }
  file.text().then((text) => {
    if (open && open.state !== 'DRAFT') {
      open = null;
    }
    code.readOnly = false;
    code.text = text;
    code.clearProblems();
    showOpen();
    status(`Loaded ${file.name}; validate or save it as a draft.`);
  });
}

$('refresh').addEventListener('click', refresh);
$('new-draft').addEventListener('click', newDraft);
$('yaml-file').addEventListener('change', loadFile);
$('validate').addEventListener('click', validate);
$('save').addEventListener('click', save);
$('submit').addEventListener('click', () => transition('submit', (v) => `${v.label} submitted for approval.`));
$('approve').addEventListener('click', () => transition('approve', (v) => `${v.label} approved.`));
$('activate').addEventListener('click', () => transition('activate',
  (a) => `${a.label} scheduled to take effect ${new Date(a.effectiveAt).toLocaleString()}.`));
$('rollback').addEventListener('click', rollback);
$('simulate').addEventListener('click', () => tryTips(pathways.simulate, 'simulation', views.simulation));
$('diff').addEventListener('click', () => tryTips(pathways.diff, 'comparison', views.comparison));
$('effective-at').addEventListener('focus', () => { $('when-at').checked = true; });

start(async (user) => {
  myId = user.userId;
  $('sample-tips').value = await sampleTips();
  newDraft();
  await refresh();
  status('Ready.');
});
