'use strict';

/* Confirmation page of a signed answer link: names what the link does, and applies it only on the button. */
(() => {
  const { api } = Hotline;
  const token = new URLSearchParams(window.location.search).get('token') || '';
  const question = document.getElementById('question');
  const form = document.getElementById('confirm-form');
  const button = document.getElementById('confirm');
  const result = document.getElementById('result');

  /** What the token says it does; only the server's check decides whether it is genuine. */
  function claims() {
    try {
      const part = token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
      const [referralId, , action] = atob(part).split('\n');
      return referralId && (action === 'ACKNOWLEDGE' || action === 'DECLINE') ? { referralId, action } : null;
    } catch (e) {
      return null;
    }
  }

  const claim = claims();
  if (!claim) {
    question.textContent = 'This link is not complete. Open the link from the e-mail again, or use the agency portal.';
  } else {
    const verb = claim.action === 'ACKNOWLEDGE' ? 'Acknowledge' : 'Decline';
    question.textContent = `${verb} referral ${claim.referralId.split(':')[0]} for your agency?`;
    button.textContent = `${verb} referral`;
    form.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    const answer = await api('POST', '/api/agency/answer', { token });
    if (answer.ok) {
      result.className = 'ok';
      result.textContent = answer.data.alreadyApplied ? 'This answer was recorded before; nothing changed.'
        : `Thank you: the referral is now ${answer.data.referral.state.toLowerCase()}.`;
      form.hidden = true;
    } else {
      result.className = 'error';
      result.textContent = answer.data ? answer.data.message : 'The answer could not be recorded.';
      button.disabled = false;
    }
    result.dataset.status = String(answer.status);
  });
})();
