// Talks to the hotline API with the session cookie; shows the sign-in form when there is no session.

export class SignInNeeded extends Error {}

export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    throw new SignInNeeded('Sign in first.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `The server answered ${response.status}.`);
  }
  return body;
}

/**
 * Shows the sign-in form; resolves once the person has signed in. The second factor (code field, enrolment,
 * recovery codes) is the consoles' shared sign-in (`/console/common.js`, the global Hotline).
 */
export function signIn() {
  const section = document.getElementById('signin');
  section.hidden = false;
  return new Promise((resolve) => {
    Hotline.wireSignIn(document.getElementById('signin-form'), document.getElementById('signin-error'), () => {
      section.hidden = true;
      resolve();
    });
  });
}

export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v) {
      search.set(k, v);
    }
  });
  return search.toString();
}

export function setStatus(state, text) {
  const status = document.getElementById('status');
  status.dataset.state = state;
  status.textContent = text;
}
