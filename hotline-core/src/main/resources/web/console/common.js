'use strict';

/* Shared by the operator and supervisor consoles: sign-in, the JSON API with the session's CSRF token, DOM helpers. */
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

    document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const form = event.target;
      const answer = await api('POST', '/api/auth/login',
        { username: form.username.value, password: form.password.value });
      form.password.value = '';
      if (answer.ok) {
        ready(answer.data);
      } else {
        error.textContent = answer.data ? answer.data.message : 'Sign-in failed.';
        form.username.focus();
      }
    });
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

  return { api, el, label, yesNo, time, start, me: () => me };
})();
