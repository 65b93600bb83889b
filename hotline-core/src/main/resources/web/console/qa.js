'use strict';

/* Supervisor view, call quality review: a score from 1 to 5 per criterion and a note (sealed with the report). */
(() => {
  const { api, el, label } = Hotline;
  const CRITERIA = ['greeting', 'safety', 'listening', 'information', 'referral'];
  const form = document.getElementById('qa-form');
  const message = document.getElementById('qa-message');

  document.getElementById('qa-scores').replaceChildren(...CRITERIA.map((criterion) => el('label', {},
    `${label(criterion)} `,
    el('select', { name: criterion, 'aria-label': `Score for ${label(criterion)}` },
      ['', '1', '2', '3', '4', '5'].map((v) => el('option', { value: v, text: v || '(score)' }))), ' ')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scores = {};
    CRITERIA.forEach((c) => { scores[c] = Number(form.elements[c].value) || null; });
    const answer = await api('POST', '/api/supervisor/qa', {
      reference: form.elements.reference.value.trim(),
      operator: form.elements.operator.value.trim(),
      scores,
      note: form.elements.note.value,
    });
    if (answer.ok) {
      message.textContent = 'Review saved.';
      form.reset();
    } else if (answer.data && answer.data.fields) {
      message.textContent = `Not saved: ${Object.entries(answer.data.fields).map(([f, m]) => `${label(f)} ${m}`).join('; ')}`;
    } else {
      message.textContent = answer.data ? answer.data.message : 'The review could not be saved.';
    }
  });
})();
