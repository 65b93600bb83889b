'use strict';

/* Supervisor view, abusive calls: flag or lift the flag on the number a report came from. */
(() => {
  const { api } = Hotline;
  const form = document.getElementById('abuse-form');
  const message = document.getElementById('abuse-message');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await api('POST', '/api/supervisor/abuse-flags', {
      reference: form.elements.reference.value.trim(),
      days: Number(form.elements.days.value),
    });
    message.textContent = answer.ok ? `Flagged until ${Hotline.time(answer.data.until)}.`
      : (answer.data ? answer.data.message : 'The flag could not be set.');
  });
  document.getElementById('abuse-lift').addEventListener('click', async () => {
    const reference = encodeURIComponent(form.elements.reference.value.trim());
    const answer = await api('DELETE', `/api/supervisor/abuse-flags/${reference}`);
    message.textContent = answer.ok ? 'Flag lifted.' : (answer.data ? answer.data.message : 'The flag could not be lifted.');
  });
})();
