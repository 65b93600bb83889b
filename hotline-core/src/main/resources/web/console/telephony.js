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
