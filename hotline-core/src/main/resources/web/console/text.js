'use strict';

/*
 * Text conversations (SMS, chat) for the operator console and the supervisor view: the ones in progress, longest
 * waiting first; open one to read what the sender wrote for the operator and answer in the conversation (sent
 * through its gateway).
 */
window.HotlineText = (() => {
  const { api, el, label, time } = Hotline;
  let openId = null;

  function row(c) {
    const open = el('button', { type: 'button', text: 'Open', 'aria-label': `Open text conversation from ${time(c.startedAt)}` });
    open.addEventListener('click', () => show(c.id));
    return el('tr', { class: c.waitingForOperator ? 'waiting' : '' },
      el('td', { text: time(c.lastActivity) }), el('td', { text: c.channel.toUpperCase() }),
      el('td', { text: c.waitingForOperator ? 'asks for an operator' : `in the flow (${c.node || ''})` }),
      el('td', { text: c.language || '' }), el('td', { text: c.reference || '' }), el('td', { text: c.held }),
      el('td', {}, open));
  }

  async function load() {
    const answer = await api('GET', '/api/text/conversations');
    if (!answer.ok) {
      return;
    }
    document.getElementById('text-count').textContent = `(${answer.data.conversations.length})`;
    document.getElementById('text-conversations').replaceChildren(...answer.data.conversations.map(row));
    if (openId) {
      show(openId);
    }
  }

  async function show(id) {
    const answer = await api('GET', `/api/text/conversations/${encodeURIComponent(id)}`);
    const panel = document.getElementById('text-open');
    if (!answer.ok) {
      panel.hidden = true;
      openId = null;
      return;
    }
    openId = id;
    panel.hidden = false;
    document.getElementById('text-open-title').textContent =
      `${answer.data.channel.toUpperCase()} conversation, ${label(answer.data.state).toLowerCase()}`;
    document.getElementById('text-messages').replaceChildren(...answer.data.messages.map((m) => el('li', {},
      el('span', { class: 'note', text: `${time(m.at)} ${m.author === 'sender' ? 'sender' : 'operator'}: ` }),
      el('span', { text: m.text }))));
  }

  async function reply(event) {
    event.preventDefault();
    const text = document.getElementById('text-reply');
    const status = document.getElementById('text-status');
    const answer = await api('POST', `/api/text/conversations/${encodeURIComponent(openId)}/reply`, { text: text.value });
    status.textContent = answer.ok ? 'Reply queued: it goes out through the gateway.'
      : `Not sent: ${answer.data ? answer.data.message : answer.status}`;
    if (answer.ok) {
      text.value = '';
    }
    load();
  }

  return {
    start() {
      document.getElementById('text-reply-form').addEventListener('submit', reply);
      document.getElementById('text-refresh').addEventListener('click', load);
      load();
      window.setInterval(load, 10000);
    },
  };
})();
