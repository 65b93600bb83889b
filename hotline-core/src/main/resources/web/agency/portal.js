'use strict';

/* The agency portal: the agency's referrals (overdue ones marked), one referral's shared fields, and answers. */
(() => {
  const { api, el, time } = Hotline;

  /** forced_labour -> "forced labour"; victimCount -> "victim count". */
  function label(code) {
    if (code === null || code === undefined) return '';
    return String(code).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }

  /** A payload value as text: codes as words, lists joined, nested answers as "name: value". */
  function show(value) {
    if (value === true) return 'yes';
    if (value === false) return 'no';
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(show).join(', ');
    if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${label(k)}: ${show(v)}`).join('; ');
    const text = String(value);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return time(text);
    // codes such as forced_labour, alone or as a comma-separated list
    return /^[a-z0-9_]+(,[a-z0-9_]+)*$/.test(text) && text.includes('_') ? text.split(',').map(label).join(', ') : text;
  }
  const status = document.getElementById('status');
  let outcomeCodes = [];

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  function referralIdFromPath() {
    const match = window.location.pathname.match(/^\/agency\/referrals\/([^/]+)$/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function showList(answer) {
    if (!answer.ok) {
      setStatus(answer.data ? answer.data.message : 'Referrals could not be loaded.', 'error');
      return;
    }
    const rows = answer.data.referrals.map((r) => el('tr', { class: r.overdue ? 'overdue' : null, 'data-id': r.id },
      el('td', {}, el('a', { href: `/agency/referrals/${encodeURIComponent(r.id)}` }, r.reference || r.id)),
      el('td', { text: label(r.priority) }),
      el('td', { text: label(r.state) }),
      el('td', {}, time(r.ackDeadline), r.overdue ? el('span', { class: 'overdue-mark' }, ' (overdue)') : ''),
      el('td', { text: time(r.createdAt) }),
      el('td', {}, el('code', { text: r.smsCode }))));
    document.getElementById('referrals').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '6', text: 'No referrals yet.' }))]));
    document.getElementById('list-count').textContent = `(${answer.data.referrals.length})`;
    document.getElementById('list-view').hidden = false;
    setStatus(`${answer.data.referrals.length} referrals.`, 'ready');
  }

  function entries(target, pairs) {
    target.replaceChildren(...pairs.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: show(value) })]));
  }

  function render(r) {
    document.getElementById('detail-title').textContent = `Referral ${r.reference || r.id}`;
    entries(document.getElementById('envelope'), [
      ['State', label(r.state)], ['Priority', label(r.priority)],
      ['Acknowledge by', `${time(r.ackDeadline)}${r.overdue ? ' (overdue)' : ''}`], ['Received', time(r.createdAt)],
      ['Acknowledged', time(r.acknowledgedAt)], ['Declined', time(r.declinedAt)], ['Decline reason', r.declineReason],
      ['SMS reply code', r.smsCode]].filter(([, v]) => v !== null && v !== undefined && v !== ''));
    entries(document.getElementById('payload'), Object.entries(r.payload || {}).map(([k, v]) => [label(k), v]));
    document.getElementById('outcomes').replaceChildren(...(r.outcomes.length ? r.outcomes.map((o) =>
      el('li', { 'data-code': o.code }, `${label(o.code)} (${time(o.at)})${o.note ? `: ${o.note}` : ''}`))
      : [el('li', { text: 'None yet.' })]));
    const acknowledged = r.state === 'ACKNOWLEDGED' || r.state === 'OUTCOME_RECORDED';
    const declined = r.state === 'DECLINED';
    document.getElementById('ack').disabled = acknowledged || declined;
    document.querySelector('#decline-form button').disabled = acknowledged || declined;
    document.querySelector('#outcome-form button').disabled = !acknowledged;
  }

  async function showDetail(id) {
    const answer = await api('GET', `/api/agency/referrals/${encodeURIComponent(id)}`);
    if (answer.status === 404) {
      document.getElementById('missing').hidden = false;
      document.getElementById('missing-title').focus();
      setStatus('Referral not found.', 'missing');
      return;
    }
    if (!answer.ok) {
      setStatus(answer.data ? answer.data.message : 'The referral could not be loaded.', 'error');
      return;
    }
    render(answer.data);
    document.getElementById('detail-view').hidden = false;
    setStatus('Referral loaded.', 'ready');
  }

  function wireAnswers(id) {
    const message = document.getElementById('answer-message');
    const select = document.getElementById('outcome-code');
    select.replaceChildren(...outcomeCodes.map((c) => el('option', { value: c, text: label(c) })));

    async function send(action, body, errorTarget) {
      message.textContent = '';
      message.className = '';
      if (errorTarget) errorTarget.textContent = '';
      const answer = await api('POST', `/api/referrals/${encodeURIComponent(id)}/${action}`, body);
      if (answer.ok) {
        render(answer.data.referral);
        message.className = 'ok';
        message.textContent = answer.data.alreadyApplied ? 'This was recorded before; nothing changed.' : 'Saved.';
        message.dataset.result = answer.data.result;
      } else {
        const data = answer.data || {};
        const text = data.fields ? Object.values(data.fields).join(' ') : (data.message || 'Not saved.');
        (errorTarget || message).textContent = text;
        (errorTarget || message).className = 'error';
      }
    }

    document.getElementById('ack').addEventListener('click', () => send('ack', {}, null));
    document.getElementById('decline-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = document.getElementById('decline-reason');
      if (!reason.value.trim()) {
        document.getElementById('decline-error').textContent = 'Say why your agency declines the referral.';
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      reason.removeAttribute('aria-invalid');
      send('decline', { reason: reason.value }, document.getElementById('decline-error'));
    });
    document.getElementById('outcome-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const note = document.getElementById('outcome-note').value;
      send('outcome', { code: select.value, note: note.trim() ? note : null }, document.getElementById('outcome-error'));
    });
  }

  Hotline.start(async () => {
    const id = referralIdFromPath();
    const list = await api('GET', '/api/agency/referrals');
    outcomeCodes = list.ok ? list.data.outcomeCodes : [];
    if (id) {
      wireAnswers(id);
      await showDetail(id);
    } else {
      showList(list);
    }
  });
})();
