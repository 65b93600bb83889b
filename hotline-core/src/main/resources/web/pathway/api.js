// The pathway API with the session cookie and its CSRF token. Sign-in, sign-out and the session's CSRF token
// come from the consoles' common.js (the global Hotline, loaded before this module).

const BASE = '/api/pathways';

/** An answer of the API: HTTP status, whether it succeeded, and the JSON body (or null). */
async function call(method, path, body, type) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = type || 'application/json';
    const me = Hotline.me();
    if (me && me.csrfToken) {
      headers['X-CSRF-Token'] = me.csrfToken;
    }
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const contentType = response.headers.get('Content-Type') || '';
  const data = contentType.startsWith('application/json') ? await response.json() : null;
  return { status: response.status, ok: response.ok, data };
}

/** The API's error as one sentence. */
export function message(answer) {
  if (answer.data && answer.data.message) {
    return answer.data.message;
  }
  return `The server answered ${answer.status}.`;
}

export const pathways = {
  versions: () => call('GET', `${BASE}/versions`),
  version: (id) => call('GET', `${BASE}/versions/${encodeURIComponent(id)}`),
  active: () => call('GET', `${BASE}/active`),
  coverage: (id) => call('GET', `${BASE}/versions/${encodeURIComponent(id)}/coverage`),
  validate: (yaml) => call('POST', `${BASE}/validate`, yaml, 'application/yaml'),
  create: (yaml) => call('POST', `${BASE}/versions`, yaml, 'application/yaml'),
  replace: (id, yaml) => call('PUT', `${BASE}/versions/${encodeURIComponent(id)}`, yaml, 'application/yaml'),
  simulate: (id, tips) => call('POST', `${BASE}/versions/${encodeURIComponent(id)}/simulate`, tips, 'application/yaml'),
  diff: (id, tips) => call('POST', `${BASE}/versions/${encodeURIComponent(id)}/diff?against=active`, tips,
    'application/yaml'),
  transition: (id, action, body) => call('POST', `${BASE}/versions/${encodeURIComponent(id)}/${action}`, body),
  rollback: (body) => call('POST', `${BASE}/rollback`, body),
};

/** The shipped sample tips the simulation box starts with ('' when the file is not there). */
export async function sampleTips() {
  const response = await fetch('sample-tips.yaml', { credentials: 'same-origin' });
  return response.ok ? response.text() : '';
}

/** Signs in through the page (or resumes the session) and calls onReady(user). */
export function start(onReady) {
  return Hotline.start(onReady);
}
