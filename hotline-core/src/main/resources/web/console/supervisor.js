'use strict';

/* Supervisor view: live queue and operators (server-sent events), referrals to act on, tips to review. */
(() => {
  const { api, el, label, time } = Hotline;
  const message = document.getElementById('action-message');
  let agencies = [];

  function seconds(total) {
    const minutes = Math.floor(total / 60);
    return minutes > 0 ? `${minutes} min ${total % 60} s` : `${total} s`;
  }

  function showQueue(snapshot) {
    document.getElementById('live-state').textContent = snapshot.connected
      ? `Live from the phone system, ${time(snapshot.at)}`
      : 'The phone system is not connected: this picture may be out of date.';
    document.getElementById('waiting-count').textContent = `(${snapshot.waiting.length})`;
    document.getElementById('waiting').replaceChildren(...snapshot.waiting.map((call) => el('tr', {},
      el('td', { text: seconds(call.waitSeconds) }), el('td', { text: call.queue }),
      el('td', { text: call.language || '' }), el('td', { text: call.reference || '' }))));
    document.getElementById('operators').replaceChildren(...snapshot.operators.map((op) => el('tr', {},
      el('td', { text: op.agent }), el('td', { text: label(op.status).toLowerCase() }),
      el('td', { text: time(op.since) }))));
  }

  function listen() {
    const events = new EventSource('/api/live/events');
    events.addEventListener('queue', (event) => showQueue(JSON.parse(event.data)));
  }

  async function act(referral, action, extra) {
    const answer = await api('POST', `/api/supervisor/referrals/${encodeURIComponent(referral.id)}/${action}`, extra || {});
    message.textContent = answer.ok
      ? `${label(action)}: referral of ${referral.reference} is now with ${answer.data.agencyId} (${label(answer.data.state).toLowerCase()}).`
      : `Could not ${action}: ${answer.data ? answer.data.message : answer.status}`;
    loadReferrals();
  }

  function actions(referral) {
    const retry = el('button', { type: 'button', text: 'Retry', 'aria-label': `Retry referral of ${referral.reference} to ${referral.agencyId}` });
    retry.addEventListener('click', () => act(referral, 'retry'));
    const escalate = el('button', { type: 'button', text: 'Escalate', 'aria-label': `Escalate referral of ${referral.reference}` });
    escalate.addEventListener('click', () => act(referral, 'escalate', { reason: 'escalated by supervisor' }));
    const id = `to-${referral.id.replace(/[^A-Za-z0-9-]/g, '-')}`;
    const select = el('select', { id },
      agencies.filter((a) => a.id !== referral.agencyId).map((a) => el('option', { value: a.id, text: a.name })));
    const reason = el('input', { id: `${id}-reason`, maxlength: '500', placeholder: 'reason' });
    const reassign = el('button', { type: 'button', text: 'Reassign' });
    reassign.addEventListener('click', () => act(referral, 'reassign', { agencyId: select.value, reason: reason.value }));
    return el('div', { class: 'row-actions' }, retry, escalate,
      el('label', { for: id, class: 'visually-hidden', text: `Reassign ${referral.reference} to` }), select,
      el('label', { for: `${id}-reason`, class: 'visually-hidden', text: 'Reason for reassigning' }), reason, reassign);
  }

  async function loadReferrals() {
    const answer = await api('GET', '/api/supervisor/referrals');
    if (!answer.ok) {
      return;
    }
    document.getElementById('dead-letters').replaceChildren(...answer.data.deadLetters.map((r) => el('tr', {},
      el('td', { text: r.reference }), el('td', { text: r.agencyName || r.agencyId }), el('td', { text: label(r.priority) }),
      el('td', { text: r.attempts }), el('td', { text: r.lastError || '' }), el('td', {}, actions(r)))));
    document.getElementById('overdue').replaceChildren(...answer.data.overdue.map((r) => el('tr', {},
      el('td', { text: r.reference }), el('td', { text: r.agencyName || r.agencyId }), el('td', { text: label(r.priority) }),
      el('td', { text: label(r.state).toLowerCase() }), el('td', { text: time(r.ackDeadline) }), el('td', {}, actions(r)))));
    document.getElementById('declined').replaceChildren(...(answer.data.declined || []).map((r) => el('tr', {},
      el('td', { text: r.reference }), el('td', { text: r.agencyName || r.agencyId }), el('td', { text: label(r.priority) }),
      el('td', { text: time(r.ackDeadline) }), el('td', {}, actions(r)))));
  }

  async function loadReview() {
    const answer = await api('GET', '/api/supervisor/review');
    if (!answer.ok) {
      return;
    }
    document.getElementById('review').replaceChildren(...answer.data.tips.map((tip) => {
      const note = el('input', { id: `note-${tip.reference}`, maxlength: '500' });
      const close = el('button', { type: 'button', text: 'Close' });
      close.addEventListener('click', async () => {
        const closed = await api('POST', `/api/supervisor/review/${tip.reference}/close`, { note: note.value });
        message.textContent = closed.ok ? `Tip ${tip.reference} ${closed.data.status === 'CLOSED' ? 'closed' : 'reviewed'}.` : `Not closed: ${closed.data.message}`;
        loadReview();
      });
      return el('tr', {}, el('td', { text: tip.reference }), el('td', { text: time(tip.receivedAt) }),
        el('td', { text: (tip.afterHours ? 'after hours, ' : '') + (tip.reasons.includes('person_requested')
          ? 'asked for a person' : label(tip.outcome).toLowerCase()) }),
        el('td', { text: label(tip.fields.exploitationType) || 'not given' }),
        el('td', { text: tip.reviewDue ? time(tip.reviewDue) : '' }),
        el('td', {}, el('label', { for: `note-${tip.reference}`, class: 'visually-hidden', text: `Note for ${tip.reference}` }),
          note, ' ', close));
    }));
  }

  Hotline.start(async () => {
    const directory = await api('GET', '/api/supervisor/agencies');
    agencies = directory.ok ? directory.data.agencies : [];
    document.getElementById('refresh').addEventListener('click', () => { loadReferrals(); loadReview(); });
    listen();
    loadReferrals();
    loadReview();
    if (window.HotlineText) {
      HotlineText.start();
    }
    window.setInterval(() => { loadReferrals(); loadReview(); }, 15000);
  });
})();
