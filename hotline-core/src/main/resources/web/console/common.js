'use strict';

/*
 * Shared by the consoles, the agency portal, the pathway editor and the statistics pages: sign-in with the second
 * factor, the JSON API with the session's CSRF token, DOM helpers.
 */
const Hotline = (() => {
  let csrfToken = null;
  let me = null;

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
      }
    }
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.startsWith('application/json')) {
      data = await response.json();
    }
    return { status: response.status, ok: response.ok, data };
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === false || value === null || value === undefined) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach((child) => {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  /** A code such as forced_labour shown as "forced labour". */
  function label(code) {
    if (code === null || code === undefined || code === '') {
      return '';
    }
    return String(code).replace(/_/g, ' ');
  }

  function yesNo(value) {
    if (value === true) {
      return 'yes';
    }
    return value === false ? 'no' : 'not asked';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  /** Shows a new second-factor secret and its otpauth URI (the server shows each secret only once). */
  function showEnrolment(box, data) {
    box.replaceChildren(
      el('p', { text: 'Your account needs a second factor. Add this secret to an authenticator app on your phone'
        + ' (it is shown only this once):' }),
      el('p', {}, el('code', { id: 'totp-secret', text: data.secret })),
      el('p', {}, el('a', { id: 'totp-uri', href: data.otpauthUri, text: 'Open it in an authenticator app on this device' })),
      el('p', { text: 'Then enter the 6-digit code the app shows in the Code field and sign in again.' }));
    box.hidden = false;
  }

  /** Shows the recovery codes once, then goes on when the person says they have kept them. */
  function showRecovery(box, codes, done) {
    const button = el('button', { type: 'button', id: 'recovery-saved', text: 'I have written them down' });
    box.replaceChildren(
      el('h3', { text: 'Recovery codes' }),
      el('p', { text: 'Each code signs you in once if you lose your phone. Write them down now and keep them safe:'
        + ' they are not shown again.' }),
      el('ol', { id: 'recovery-list' }, codes.map((c) => el('li', {}, el('code', { text: c })))),
      button);
    box.hidden = false;
    button.addEventListener('click', () => {
      box.replaceChildren();
      box.hidden = true;
      done();
    });
    button.focus();
  }

  /**
   * Wires a sign-in form (fields `username` and `password`, a submit button) for the second factor: adds the code
   * field, shows a new secret once when the account must enrol, the recovery codes once when a code confirms it,
   * and calls onSignedIn(answer) once signed in. A wrong or missing code keeps the password, so only the code is
   * typed again.
   */
  function wireSignIn(form, error, onSignedIn) {
    const code = el('input', { id: 'totp-code', name: 'code', autocomplete: 'one-time-code', spellcheck: 'false',
      autocapitalize: 'off' });
    form.querySelector('button[type=submit]').before(el('p', { class: 'field' },
      el('label', { for: 'totp-code', text: 'Code from your authenticator app, or a recovery code (if your account has one)' }),
      code));
    const enrolment = el('div', { id: 'totp-enrolment', class: 'note', role: 'status', hidden: true });
    const recovery = el('div', { id: 'recovery-codes', hidden: true });
    form.after(enrolment, recovery);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const body = { username: form.username.value, password: form.password.value };
      if (code.value.trim()) {
        body.code = code.value.trim();
      }
      const answer = await api('POST', '/api/auth/login', body);
      code.value = '';
      if (answer.ok && answer.data.status === 'enrolment_required') {
        showEnrolment(enrolment, answer.data);
        code.focus();
        return;
      }
      const codeProblem = answer.data && ['code_required', 'invalid_code'].includes(answer.data.code);
      if (!codeProblem) {
        form.password.value = '';
      }
      if (!answer.ok) {
        error.textContent = answer.data ? answer.data.message : 'Sign-in failed.';
        (codeProblem ? code : form.username).focus();
        return;
      }
      enrolment.replaceChildren();
      enrolment.hidden = true;
      if (answer.data.recoveryCodes) {
        form.hidden = true;
        showRecovery(recovery, answer.data.recoveryCodes, () => onSignedIn(answer.data));
      } else {
        onSignedIn(answer.data);
      }
    });
  }

  /**
   * Wires the sign-in form and sign-out button; calls onReady(me) once signed in (also after a reload, when the
   * session cookie is still valid).
   */
  async function start(onReady) {
    const signIn = document.getElementById('sign-in');
    const workspace = document.getElementById('workspace');
    const who = document.getElementById('who');
    const signOut = document.getElementById('sign-out');
    const error = document.getElementById('sign-in-error');

    function ready(user) {
      me = user;
      csrfToken = user.csrfToken;
      signIn.hidden = true;
      workspace.hidden = false;
      who.hidden = false;
      signOut.hidden = false;
      who.textContent = `Signed in as ${user.username} (${user.roles.map(label).join(', ').toLowerCase()})`;
      onReady(user);
    }

    wireSignIn(document.getElementById('sign-in-form'), error, ready);
    signOut.addEventListener('click', async () => {
      await api('POST', '/api/auth/logout');
      window.location.reload();
    });
    const current = await api('GET', '/api/auth/me');
    if (current.ok) {
      ready(current.data);
    } else {
      document.getElementById('username').focus();
    }
  }

  return { api, el, label, yesNo, time, start, wireSignIn, me: () => me };
})();
