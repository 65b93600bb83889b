'use strict';

/*
 * Supervisor view, related reports: for a report, the reports sharing its place, perpetrator description, employer or
 * calling number (the page says which matched, the server never sends the value), and link or unlink buttons.
 */
(() => {
  const { api, el } = Hotline;
  const form = document.getElementById('related-form');
  const rows = document.getElementById('related-rows');
  const message = document.getElementById('related-message');
  const WHY = {
    location: 'same place',
    perpetrator: 'same perpetrator description',
    employer: 'same employer',
    callerNumber: 'same calling number',
  };

  function failure(answer, fallback) {
    return answer.data && answer.data.message ? answer.data.message : fallback;
  }

  async function show(reference) {
    const answer = await api('GET', `/api/supervisor/related/${encodeURIComponent(reference)}`);
    rows.replaceChildren();
    if (!answer.ok) {
      message.textContent = failure(answer, 'Related reports cannot be shown now.');
      return;
    }
    const related = answer.data.related;
    message.textContent = related.length === 0 ? 'No related reports found.' : `${related.length} related report(s).`;
    related.forEach((r) => {
      const why = r.matched.length ? r.matched.map((m) => WHY[m] || m).join(', ') : 'linked by a supervisor';
      const button = el('button', { type: 'button', 'aria-label': `${r.linked ? 'Unlink' : 'Link'} report ${r.reference}`,
        text: r.linked ? 'Unlink' : 'Link' });
      button.addEventListener('click', () => change(reference, r.reference, !r.linked));
      rows.append(el('tr', { 'data-reference': r.reference },
        el('td', { text: r.reference }), el('td', { text: r.receivedAt ? Hotline.time(r.receivedAt) : '' }),
        el('td', { class: 'why', text: why }), el('td', { class: 'state', text: r.linked ? 'Linked' : 'Suggested' }),
        el('td', {}, button)));
    });
  }

  async function change(reference, other, link) {
    const path = `/api/supervisor/related/${encodeURIComponent(reference)}/links/${encodeURIComponent(other)}`;
    const answer = await api(link ? 'PUT' : 'DELETE', path);
    if (!answer.ok) {
      message.textContent = failure(answer, 'The link could not be changed.');
      return;
    }
    await show(reference);
    message.textContent = link ? `Linked ${reference} and ${other}.` : `Unlinked ${reference} and ${other}.`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(form.elements.reference.value.trim());
  });
})();
