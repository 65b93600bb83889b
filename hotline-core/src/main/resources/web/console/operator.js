'use strict';

/* Operator console: status, call pop (server-sent events), intake form, emergency, callbacks, my tips. */
(() => {
  const { api, el, label, yesNo, time } = Hotline;
  const form = document.getElementById('intake');
  const summary = document.getElementById('form-summary');
  const result = document.getElementById('form-result');
  let choices = null;

  function fill(select, codes, optional) {
    select.replaceChildren(el('option', { value: '', text: optional ? '(not known)' : '(choose)' }));
    codes.forEach((code) => select.append(el('option', { value: code, text: label(code) })));
  }

  async function loadChoices() {
    const answer = await api('GET', '/api/console/form');
    if (!answer.ok) {
      return;
    }
    choices = answer.data;
    form.querySelectorAll('select[data-choices]').forEach((select) => {
      fill(select, choices[select.dataset.choices], !select.required);
    });
    const methods = document.getElementById('control-methods');
    methods.replaceChildren(...choices.controlMethods.map((code) => el('label', {},
      el('input', { type: 'checkbox', name: 'controlMethods', value: code }), ` ${label(code)}`)));
    const needs = document.getElementById('needs');
    needs.replaceChildren(...choices.needs.map((code) => el('label', {},
      el('input', { type: 'checkbox', name: 'needs', value: code }), ` ${label(code)}`)));
    const questions = {
      record: 'May we keep a recording of this call?',
      callback: 'May we call you back?',
      share_identity_police: 'May we give your name and number to the police?',
      share_services: 'May we share your details with services that can help?',
      statistics: 'May we count this report in anonymous statistics?',
    };
    document.getElementById('consents').replaceChildren(...choices.consentPurposes.map((purpose) =>
      el('fieldset', { class: 'consent', 'data-field': `consents.${purpose}`, 'aria-describedby': `e-consents-${purpose}` },
        el('legend', { text: questions[purpose] || label(purpose) }),
        el('label', {}, el('input', { type: 'radio', name: `consent-${purpose}`, value: 'true' }), ' Yes'),
        el('label', {}, el('input', { type: 'radio', name: `consent-${purpose}`, value: 'false' }), ' No'),
        el('span', { class: 'error', id: `e-consents-${purpose}` }))));
  }

  function radio(name) {
    const checked = form.querySelector(`input[name="${name}"]:checked`);
    if (!checked || checked.value === '') {
      return undefined;
    }
    return checked.value === 'true';
  }

  function text(name) {
    const value = form.elements[name].value.trim();
    return value === '' ? undefined : value;
  }

  function body() {
    const count = text('victims.count');
    const consents = {};
    (choices ? choices.consentPurposes : []).forEach((purpose) => {
      consents[purpose] = radio(`consent-${purpose}`);
    });
    const needs = {};
    form.querySelectorAll('input[name="needs"]').forEach((box) => { needs[box.value] = box.checked; });
    return {
      reference: text('reference'),
      language: text('language'),
      callerRole: text('callerRole'),
      exploitationType: text('exploitationType'),
      region: text('region'),
      location: text('location'),
      childInvolved: radio('childInvolved'),
      immediateDanger: radio('immediateDanger'),
      crossBorder: radio('crossBorder'),
      victims: {
        count: count === undefined ? undefined : Number(count),
        ageGroup: text('victims.ageGroup'),
        gender: text('victims.gender'),
        nationality: text('victims.nationality'),
      },
      employer: text('employer'),
      sector: text('sector'),
      perpetrator: text('perpetrator'),
      recruitment: text('recruitment'),
      controlMethods: [...form.querySelectorAll('input[name="controlMethods"]:checked')].map((b) => b.value),
      needs,
      narrative: text('narrative'),
      callerName: text('callerName'),
      callerPhone: text('callerPhone'),
      callbackWindow: text('callbackWindow'),
      consents,
    };
  }

  function clearErrors() {
    summary.hidden = true;
    summary.replaceChildren();
    form.querySelectorAll('.error').forEach((span) => { span.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  }

  function showErrors(answer) {
    const fields = (answer.data && answer.data.fields) || {};
    const items = Object.entries(fields).map(([name, message]) => {
      const holder = form.querySelector(`[data-field="${name}"]`);
      const span = document.getElementById(`e-${name.replace(/\./g, '-')}`);
      if (span) {
        span.textContent = message;
      }
      if (holder) {
        holder.setAttribute('aria-invalid', 'true');
      }
      const target = holder && (holder.id || (holder.querySelector('input') || {}).id);
      const caption = holder && ((holder.labels && holder.labels[0]) || holder.querySelector('legend'));
      const text = `${caption ? caption.textContent.trim() : label(name)}: ${message}`;
      return el('li', {}, target ? el('a', { href: `#${target}`, text }) : text);
    });
    const heading = answer.data && answer.data.code === 'invalid_fields'
      ? 'The report was not saved. Please correct these fields:'
      : `The report was not saved: ${answer.data ? answer.data.message : `error ${answer.status}`}`;
    summary.replaceChildren(el('p', { text: heading }),
      el('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    result.textContent = '';
    const answer = await api('POST', '/api/console/intake', body());
    if (!answer.ok) {
      showErrors(answer);
      return;
    }
    if (answer.data.kept) {
      result.textContent = answer.data.message;
    } else if (answer.data.created) {
      form.elements.reference.value = answer.data.reference;
      result.textContent = `New report saved. Read to the caller: reference ${answer.data.reference}, PIN ${answer.data.pin}.`;
    } else {
      result.textContent = `Report ${answer.data.reference} saved and sent to: ${answer.data.recipients.join(', ')}.`;
    }
    loadMine();
  }

  async function emergency() {
    clearErrors();
    const reference = text('reference');
    if (!reference) {
      form.querySelector('input[name="immediateDanger"][value="true"]').checked = true;
      result.textContent = 'No reference yet: "danger now" is set; complete the required fields and save.';
      form.elements.callerRole.focus();
      return;
    }
    const answer = await api('POST', `/api/console/tips/${encodeURIComponent(reference)}/emergency`, {});
    if (answer.ok) {
      form.querySelector('input[name="immediateDanger"][value="true"]').checked = true;
      result.textContent = answer.data.kept ? answer.data.message
        : `EMERGENCY sent for ${reference} to: ${answer.data.recipients.join(', ')}.`;
      loadMine();
    } else {
      showErrors(answer);
    }
  }

  function showPop(pop) {
    document.getElementById('pop-empty').hidden = true;
    document.getElementById('pop-data').hidden = false;
    const set = (id, value) => { document.getElementById(id).textContent = value; };
    set('pop-reference', pop.reference || 'none');
    set('pop-language', pop.language || '');
    set('pop-type', label(pop.exploitationType) || 'not given');
    set('pop-region', pop.region || 'not given');
    set('pop-child', yesNo(pop.childInvolved));
    set('pop-danger', yesNo(pop.immediateDanger));
    set('pop-consents', Object.entries(pop.consents || {}).map(([p, v]) => `${label(p)}: ${yesNo(v)}`).join('; ')
      || 'none given');
    set('pop-recording', pop.recordingAvailable ? 'available' : 'none');
    set('pop-waited', `${pop.waitedSeconds} s`);
    document.getElementById('call-pop').classList.toggle('urgent', pop.immediateDanger === true);
    form.reset();
    clearErrors();
    result.textContent = '';
    if (pop.reference) {
      form.elements.reference.value = pop.reference;
    }
    const choose = (name, value) => {
      if (value !== null && value !== undefined && form.elements[name]) {
        form.elements[name].value = value;
      }
    };
    choose('language', pop.language);
    choose('exploitationType', pop.exploitationType);
    choose('region', pop.region);
    const check = (name, value) => {
      if (value === true || value === false) {
        form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
      }
    };
    check('childInvolved', pop.childInvolved);
    check('immediateDanger', pop.immediateDanger);
    Object.entries(pop.consents || {}).forEach(([purpose, given]) => check(`consent-${purpose}`, given));
  }

  let shownCall = null;

  function listen() {
    const events = new EventSource('/api/live/events');
    events.addEventListener('call-pop', (event) => {
      const pop = JSON.parse(event.data);
      // a reconnected stream sends the call in progress again: keep what the operator has typed for it
      if (pop.callId === shownCall) {
        return;
      }
      shownCall = pop.callId;
      showPop(pop);
      // other parts of the page (telephony.js) react to the same call
      document.dispatchEvent(new CustomEvent('hotline:call-pop', { detail: pop }));
    });
  }

  const STATUS_WORDS = {
    AVAILABLE: 'available for calls',
    RINGING: 'being rung by a call',
    ON_CALL: 'on a call',
    PAUSED: 'paused (no calls reach me)',
  };

  /** Shows my queue state as the phone system last reported it, or why it is not known. */
  async function loadStatus() {
    const answer = await api('GET', '/api/operators/me/status');
    const shown = document.getElementById('my-status');
    if (!answer.ok) {
      shown.textContent = 'unknown (my phone cannot be looked up now)';
    } else if (answer.data.status === 'NO_PHONE') {
      shown.textContent = 'not linked to a phone (ask an administrator to assign one)';
    } else if (!answer.data.connected) {
      shown.textContent = 'unknown (the phone system is not connected)';
    } else {
      shown.textContent = STATUS_WORDS[answer.data.status] || 'not in the call queue yet (log in on your phone)';
    }
  }

  async function setPaused(paused) {
    const message = document.getElementById('status-message');
    const answer = await api('POST', paused ? '/api/operators/me/pause' : '/api/operators/me/unpause', {});
    if (answer.ok) {
      message.textContent = paused ? 'Paused: no calls will reach you.' : 'Available for calls.';
      loadStatus();
    } else {
      message.textContent = answer.data ? answer.data.message : 'The phone system did not answer.';
    }
  }

  async function loadMine() {
    const answer = await api('GET', '/api/console/tips/mine');
    if (!answer.ok) {
      return;
    }
    document.getElementById('my-tips').replaceChildren(...answer.data.tips.map((tip) => el('tr', {},
      el('td', { text: tip.reference }),
      el('td', { text: time(tip.receivedAt) }),
      el('td', { text: label(tip.fields.exploitationType) }),
      el('td', { text: label(tip.status) }),
      el('td', {}, el('ul', { class: 'plain' }, tip.referrals.map((r) => el('li', {
        text: `${r.agencyName || r.agencyId}${r.update ? ' (update)' : ''}: ${label(r.state).toLowerCase()}`,
      })))))));
  }

  async function loadCallbacks() {
    const answer = await api('GET', '/api/console/callbacks');
    if (!answer.ok) {
      return;
    }
    document.getElementById('callbacks').replaceChildren(...answer.data.callbacks.map((tip) => {
      const select = el('select', { 'aria-label': `Result of callback ${tip.reference}` },
        ['reached', 'no_answer', 'unsafe_to_talk', 'wrong_number'].map((r) => el('option', { value: r, text: label(r) })));
      const done = el('button', { type: 'button', text: 'Done' });
      done.addEventListener('click', async () => {
        await api('POST', `/api/console/callbacks/${tip.reference}/done`, { result: select.value });
        loadCallbacks();
      });
      return el('tr', {}, el('td', { text: tip.reference }), el('td', { text: label(tip.fields.callbackWindow) }),
        el('td', { text: label(tip.fields.exploitationType) }), el('td', { text: tip.fields.language || '' }),
        el('td', { text: tip.callerNumber || '' }), el('td', {}, select, ' ', done));
    }));
  }

  Hotline.start(async (me) => {
    await loadChoices();
    form.addEventListener('submit', submit);
    document.getElementById('emergency').addEventListener('click', emergency);
    document.getElementById('pause').addEventListener('click', () => setPaused(true));
    document.getElementById('unpause').addEventListener('click', () => setPaused(false));
    document.getElementById('refresh-mine').addEventListener('click', loadMine);
    loadStatus();
    setInterval(loadStatus, 15000);
    listen();
    loadMine();
    if (window.HotlineText) {
      HotlineText.start();
    }
    if (me.roles.includes('OPERATOR')) {
      loadCallbacks();
      window.setInterval(loadCallbacks, 60000);
    }
  });
})();
