'use strict';

/*
 * Operator console, interpreter on the line: the directory's languages, "add interpreter" (caller, operator and
 * interpreter in one conference) and "drop interpreter" (the caller stays with the operator). Reacts to the call
 * pop (operator.js): a caller who chose a language without prompts in the IVR is flagged and the language chosen.
 */
(() => {
  const { api, el, label } = Hotline;
  const select = document.getElementById('interpreter-language');
  const message = document.getElementById('interpreter-message');
  const needed = document.getElementById('interpreter-needed');
  let loaded = false;

  async function loadLanguages() {
    const answer = await api('GET', '/api/interpreters');
    if (!answer.ok) {
      message.textContent = 'The interpreter directory cannot be read now.';
      return;
    }
    loaded = true;
    select.replaceChildren(...answer.data.languages.map((entry) => el('option', {
      value: entry.language,
      text: entry.availableNow ? `${entry.language} (${entry.name})` : `${entry.language} (no one available now)`,
    })));
    if (answer.data.languages.length === 0) {
      select.append(el('option', { value: '', text: '(no interpreters in the directory)' }));
    }
  }

  async function add() {
    if (!select.value) {
      message.textContent = 'Choose a language first.';
      return;
    }
    message.textContent = `Calling the ${select.value} interpreter; the caller and you are in a conference now...`;
    const answer = await api('POST', '/api/operators/me/interpreter', { language: select.value });
    if (!answer.ok) {
      message.textContent = answer.data ? answer.data.message : 'The phone system did not answer.';
    } else if (answer.data.outcome === 'JOINED') {
      message.textContent = `Interpreter joined: ${answer.data.interpreter}. All three of you are on the line.`;
    } else {
      message.textContent = answer.data.message;
    }
  }

  async function drop() {
    const answer = await api('DELETE', '/api/operators/me/interpreter');
    message.textContent = answer.ok ? 'Interpreter removed; the caller is still with you.'
      : (answer.data ? answer.data.message : 'The phone system did not answer.');
  }

  document.addEventListener('hotline:call-pop', async (event) => {
    const language = event.detail.interpreterLanguage;
    if (!loaded) {
      await loadLanguages();
    }
    needed.hidden = !language;
    if (language) {
      needed.textContent = `The caller chose ${label(language)} in the phone menu: add an interpreter.`;
      select.value = language;
    }
  });
  document.getElementById('add-interpreter').addEventListener('click', add);
  document.getElementById('drop-interpreter').addEventListener('click', drop);
  // the workspace shows after sign-in; the list is read then, or at the first call
  new MutationObserver(() => {
    if (!loaded && !document.getElementById('workspace').hidden) {
      loadLanguages();
    }
  }).observe(document.getElementById('workspace'), { attributes: true, attributeFilter: ['hidden'] });
})();

/*
 * Operator console, live transfer: the agencies of the call's report (their duty lines from the directory), warm
 * transfer (talk first, then join all three, then leave) or blind transfer.
 */
(() => {
  const { api, el } = Hotline;
  const message = document.getElementById('transfer-message');
  const join = document.getElementById('transfer-join');
  const leave = document.getElementById('transfer-leave');

  function steps(consulting, joined) {
    join.hidden = !consulting;
    leave.hidden = !joined;
  }

  async function start(target, mode) {
    message.textContent = mode === 'warm' ? `Calling ${target.agencyName}; the caller hears music...`
      : `Transferring the caller to ${target.agencyName}...`;
    const answer = await api('POST', '/api/operators/me/transfer', { referralId: target.referralId, mode });
    if (!answer.ok) {
      message.textContent = answer.data ? answer.data.message : 'The phone system did not answer.';
    } else if (answer.data.outcome === 'HANDED_OVER') {
      message.textContent = `The caller was transferred to ${target.agencyName}.`;
    } else {
      message.textContent = answer.data.message;
      steps(answer.data.outcome === 'CONSULTING', false);
    }
  }

  async function step(path, done) {
    const answer = await api('POST', path, {});
    message.textContent = answer.ok ? done : (answer.data ? answer.data.message : 'The phone system did not answer.');
    return answer.ok;
  }

  async function loadTargets() {
    const answer = await api('GET', '/api/operators/me/transfer/targets');
    const targets = answer.ok ? answer.data.targets : [];
    document.getElementById('transfer-empty').hidden = targets.length > 0;
    document.getElementById('transfer-table').hidden = targets.length === 0;
    document.getElementById('transfer-targets').replaceChildren(...targets.map((target) => {
      const warm = el('button', { type: 'button', text: 'Talk first', disabled: !target.dutyLine,
        'aria-label': `Warm transfer to ${target.agencyName}` });
      const blind = el('button', { type: 'button', text: 'Blind', disabled: !target.dutyLine,
        'aria-label': `Blind transfer to ${target.agencyName}` });
      warm.addEventListener('click', () => start(target, 'warm'));
      blind.addEventListener('click', () => start(target, 'blind'));
      return el('tr', {}, el('td', { text: target.dutyLine ? target.agencyName : `${target.agencyName} (no duty line)` }),
        el('td', {}, warm, ' ', blind));
    }));
  }

  join.addEventListener('click', async () => {
    if (await step('/api/operators/me/transfer/join', 'All three of you are on the line.')) {
      steps(false, true);
    }
  });
  leave.addEventListener('click', async () => {
    if (await step('/api/operators/me/transfer/leave', 'You left; the caller is with the agency. Recorded on the referral.')) {
      steps(false, false);
    }
  });
  document.addEventListener('hotline:call-pop', () => {
    steps(false, false);
    message.textContent = '';
    loadTargets();
  });
})();

/* Operator console, wrap-up time: after a call, no new call is offered until "Ready" or the time is up. */
(() => {
  const { api, time } = Hotline;
  const box = document.getElementById('wrapup');

  async function load() {
    const answer = await api('GET', '/api/operators/me/wrapup');
    box.hidden = !(answer.ok && answer.data.inWrapUp);
    if (!box.hidden) {
      document.getElementById('wrapup-text').textContent = `Wrap-up: no new call until ${time(answer.data.until)}. `;
    }
  }

  document.getElementById('wrapup-ready').addEventListener('click', async () => {
    const answer = await api('POST', '/api/operators/me/wrapup/ready', {});
    document.getElementById('status-message').textContent = answer.ok ? 'Ready: calls reach you again.'
      : (answer.data ? answer.data.message : 'The phone system did not answer.');
    load();
  });
  new MutationObserver(() => {
    if (!document.getElementById('workspace').hidden) {
      load();
      window.setInterval(load, 5000);
    }
  }).observe(document.getElementById('workspace'), { attributes: true, attributeFilter: ['hidden'] });
})();

/* Operator console: the call pop's warning for a number flagged for abusive calls (the call is taken as any other). */
document.addEventListener('hotline:call-pop', (event) => {
  document.getElementById('pop-abuse').hidden = event.detail.abuseWarning !== true;
});
