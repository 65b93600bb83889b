// Renders the API's answers: versions, schedule, simulation, comparison and the coverage matrix.

import { el, label, time, list } from './dom.js';

/** User names by id, as the API's answers name them ("people"). */
const people = {};

/** Remembers the names an answer of the API gives for the user ids it mentions. */
export function knowPeople(named) {
  Object.assign(people, named || {});
}

/** A user as shown: "you" for the signed-in administrator, else their user name (the id if it is unknown). */
export function who(id, myId) {
  if (!id) {
    return id;
  }
  return id === myId ? 'you' : (people[id] || id);
}

/** Rows of the versions table; onOpen(id) when a version's button is pressed. */
export function versionRows(versions, activeId, myId, onOpen) {
  return versions.map((v) => {
    const open = el('button', { type: 'button', class: 'open', 'data-id': v.id }, `Open ${v.label}`);
    open.addEventListener('click', () => onOpen(v.id));
    const last = v.lastChange ? `${label(v.lastChange.to)} by ${who(v.lastChange.by, myId)}, ${time(v.lastChange.at)}` : '';
    return el('tr', { 'data-id': v.id, 'data-state': v.state, class: v.id === activeId ? 'active' : null },
      el('th', { scope: 'row' }, v.label), el('td', { class: 'state' }, v.state), el('td', {}, who(v.createdBy, myId)),
      el('td', {}, last), el('td', {}, String(v.warningCount)), el('td', {}, open));
  });
}

/** "Active now" sentence and the activations still to come. */
export function schedule(answer, myId) {
  const now = Date.now();
  const active = answer.active
    ? `Active now: ${answer.active.label} (since ${time(answer.active.effectiveAt)}, ${label(answer.active.kind).toLowerCase()} by ${who(answer.active.requestedBy, myId)}).`
    : 'No version has been activated yet.';
  const coming = (answer.schedule || []).filter((a) => Date.parse(a.effectiveAt) > now)
    .map((a) => el('li', { class: 'scheduled' }, `${a.label} takes effect ${time(a.effectiveAt)} (${a.reason})`));
  return { active, coming };
}

/** A version's history, oldest first: each transition with who, when and why. */
export function history(transitions, myId) {
  return transitions.map((t) => el('li', {}, `${t.from ? `${t.from} \u2192 ` : ''}${t.to} by ${who(t.by, myId)}, ${time(t.at)}: ${t.reason}`));
}

function payloadTable(payload) {
  const rows = Object.entries(payload).map(([field, value]) => el('tr', {},
    el('th', { scope: 'row' }, field), el('td', {}, typeof value === 'object' ? JSON.stringify(value) : String(value))));
  return el('table', { class: 'payload' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Field'),
    el('th', { scope: 'col' }, 'Value'))), el('tbody', {}, rows));
}

/** One section per sample tip: each recipient with profile, deadline, escalation, rules and the exact payload. */
export function simulation(answer) {
  const heading = el('h3', {}, `Simulated with ${answer.pathwayId} ${answer.version}`);
  const tips = answer.tips.map((tip) => {
    const name = tip.reference || `tip ${tip.index}`;
    const recipients = tip.recipients.map((r) => el('li', { class: 'recipient', 'data-agency': r.agencyId },
      el('p', {}, el('strong', {}, r.agencyName), ` (${r.agencyId}): profile ${r.profile}, ${label(r.priority).toLowerCase()} priority, acknowledge within ${r.acknowledgeWithin}`),
      el('p', {}, `Matched rules: ${list(r.matchedRules)}. Escalation: ${list(r.escalationChain)}. Withheld: ${list(r.withheld)}.`),
      el('details', { open: true }, el('summary', {}, `Exact payload for ${r.agencyId}`),
        payloadTable(r.payload), el('pre', { class: 'json' }, JSON.stringify(r.payload, null, 2)))));
    return el('section', { class: 'tip', 'data-reference': name },
      el('h4', {}, `${name}${tip.fallbackUsed ? ' (no rule matched: fallback)' : ''}`),
      el('ul', { class: 'recipients' }, recipients));
  });
  return [heading, ...tips];
}

function changes(title, items) {
  if (!items.length) {
    return el('p', {}, `${title}: no changes.`);
  }
  return el('div', {}, el('h4', {}, title), el('ul', {}, items.map((c) => el('li', { 'data-kind': c.kind },
    `${label(c.kind).toLowerCase()} ${c.id}${c.details.length ? `: ${c.details.join('; ')}` : ''}`))));
}

/** What changed between the active version and the open one, and which sample tips route differently. */
export function comparison(answer) {
  const tips = answer.tips.length
    ? el('table', { id: 'routing-changes' },
      el('caption', {}, 'Sample tips that would route or disclose differently'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Tip'), el('th', { scope: 'col' }, 'Active version sends to'),
        el('th', { scope: 'col' }, 'Open version sends to'))),
      el('tbody', {}, answer.tips.map((t) => el('tr', { 'data-reference': t.reference || '' },
        el('th', { scope: 'row' }, t.reference || `tip ${t.index}`), el('td', {}, list(t.before)),
        el('td', {}, list(t.after), ...(t.payload || []).map((p) => el('p', { class: 'payload-change' }, `payload ${p}`)))))))
    : el('p', { id: 'routing-changes' }, 'Every sample tip routes the same way.');
  const coverage = answer.coverage.length
    ? el('ul', { class: 'coverage-changes' }, answer.coverage.map((c) => el('li', {},
      `${label(c.exploitationType)}, ${c.region}, ${c.child ? 'child' : 'adult'}: ${list(c.before)} \u2192 ${list(c.after)}`
      + (c.gapBefore && !c.gapAfter ? ' (gap closed)' : '') + (!c.gapBefore && c.gapAfter ? ' (new gap)' : ''))))
    : el('p', {}, 'Coverage: no changes.');
  return [el('h3', {}, `Changes from ${answer.fromVersion} (active) to ${answer.toVersion}`),
    changes('Agencies', answer.agencies), changes('Data-sharing profiles', answer.profiles),
    changes('Rules', answer.rules), changes('Other', answer.other), tips, el('h4', {}, 'Coverage changes'), coverage];
}

/** Exploitation types down, regions across (child and adult under each); gaps marked in words and colour. */
export function coverageTable(answer) {
  const types = [...new Set(answer.cells.map((c) => c.exploitationType))];
  const regions = [...new Set(answer.cells.map((c) => c.region))];
  const cell = new Map(answer.cells.map((c) => [`${c.exploitationType}|${c.region}|${c.child}`, c]));
  const head1 = el('tr', {}, el('td', {}), regions.map((r) => el('th', { scope: 'colgroup', colspan: 2 }, r)));
  const head2 = el('tr', {}, el('th', { scope: 'col' }, 'Exploitation type'),
    regions.map(() => [el('th', { scope: 'col' }, 'child'), el('th', { scope: 'col' }, 'adult')]));
  const rows = types.map((t) => el('tr', {}, el('th', { scope: 'row' }, label(t)), regions.map((r) => [true, false].map((child) => {
    const c = cell.get(`${t}|${r}|${child}`);
    if (!c) {
      return el('td', {}, '');
    }
    return el('td', { class: c.gap ? 'gap' : 'covered', 'data-cell': `${t}|${r}|${child ? 'child' : 'adult'}`,
      title: `${label(t)}, ${r}, ${child ? 'child' : 'adult'}` }, c.gap ? 'GAP' : c.agencies.join(' '));
  }))));
  return el('table', { class: 'coverage' }, el('caption', {},
    `Agencies reached, besides the fallback, for ${answer.pathwayId} ${answer.version}. "GAP": only the fallback coordinator receives such a tip.`),
  el('thead', {}, head1, head2), el('tbody', {}, rows));
}
