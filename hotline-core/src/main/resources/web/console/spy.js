'use strict';

/*
 * Supervisor view, listening in: the operators on a call right now (live queue), listen / whisper / barge through
 * the supervisor's own phone, and stop.
 */
(() => {
  const { api, el } = Hotline;
  const select = document.getElementById('spy-agent');
  const message = document.getElementById('spy-message');

  async function loadOperators() {
    const answer = await api('GET', '/api/live/queue');
    const onCall = answer.ok ? answer.data.operators.filter((op) => op.status === 'ON_CALL') : [];
    select.replaceChildren(...onCall.map((op) => el('option', { value: op.agent, text: op.agent })));
    if (onCall.length === 0) {
      select.append(el('option', { value: '', text: '(no operator is on a call)' }));
    }
  }

  async function start(mode) {
    if (!select.value) {
      message.textContent = 'Choose an operator who is on a call.';
      return;
    }
    message.textContent = 'Your phone is ringing...';
    const answer = await api('POST', '/api/supervisors/me/spy', { agent: select.value, mode });
    message.textContent = answer.ok ? `${answer.data.message} (${mode})`
      : (answer.data ? answer.data.message : 'The phone system did not answer.');
  }

  document.querySelectorAll('#spy button[data-spy]').forEach((button) =>
    button.addEventListener('click', () => start(button.dataset.spy)));
  document.getElementById('spy-stop').addEventListener('click', async () => {
    const answer = await api('DELETE', '/api/supervisors/me/spy');
    message.textContent = answer.ok ? 'Stopped listening.' : (answer.data ? answer.data.message : 'The phone system did not answer.');
  });
  document.getElementById('spy-refresh').addEventListener('click', loadOperators);
  new MutationObserver(() => {
    if (!document.getElementById('workspace').hidden) {
      loadOperators();
    }
  }).observe(document.getElementById('workspace'), { attributes: true, attributeFilter: ['hidden'] });
})();
