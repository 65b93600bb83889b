'use strict';

/* The agency directory of the active pathway (HSDS-aligned) with the health of each referral channel. */
(() => {
  const { api, el, label, time } = Hotline;
  const status = document.getElementById('status');

  /** Items as "a (b, c); d (e)" from each item's non-empty parts; "none listed" when there are none. */
  function list(items, parts) {
    const texts = (items || []).map((item) => parts(item).filter((p) => p));
    return texts.length ? texts.map(([first, ...rest]) => (rest.length ? `${first} (${rest.join(', ')})` : first)).join('; ')
      : 'none listed';
  }

  function hours(schedule) {
    if (!schedule || !schedule.length) {
      return 'not listed';
    }
    return schedule.map((h) => (h.days.length === 7 && h.opens === '00:00' && h.closes === '24:00' ? '24/7'
      : `${h.days.join(', ')} ${h.opens}-${h.closes}`)).join('; ');
  }

  function organization(o) {
    const headingId = `org-${o.id}`;
    const services = o.services.length ? o.services.map((s) => el('li', {}, s.name, s.description ? ` - ${s.description}` : ''))
      : [el('li', { text: 'none listed' })];
    const rows = o.channels.map((c) => el('tr', { 'data-kind': c.kind },
      el('th', { scope: 'row', text: c.kind }),
      el('td', { text: c.address }),
      el('td', { text: c.lastDeliveredAt ? time(c.lastDeliveredAt) : 'never' }),
      el('td', { text: String(c.failedAttempts24h) }),
      el('td', { text: String(c.failingNow) }),
      el('td', { text: String(c.deadLetters30d) }),
      el('td', { class: c.circuit === 'open' ? 'circuit-open' : null, text: c.circuit })));
    return el('section', { class: 'card organization', 'aria-labelledby': headingId, 'data-id': o.id },
      el('h2', { id: headingId, text: o.name }),
      el('dl', { class: 'fields' },
        el('dt', { text: 'Kind' }), el('dd', { text: label(o.kind) }),
        el('dt', { text: 'Service areas' }), el('dd', { text: o.serviceAreas.join(', ') }),
        el('dt', { text: 'Languages' }), el('dd', { text: o.languages.join(', ') }),
        el('dt', { text: 'Phones' }), el('dd', { text: list(o.phones, (p) => [p.number, p.description]) }),
        el('dt', { text: 'Contacts' }), el('dd', { text: list(o.contacts, (c) => [c.name, c.title, c.email]) }),
        el('dt', { text: 'Opening hours' }), el('dd', { text: hours(o.openingHours) })),
      el('h3', { text: 'Services' }), el('ul', {}, services),
      el('table', {},
        el('caption', { text: `Channels of ${o.name} and their health` }),
        el('thead', {}, el('tr', {}, ['Channel', 'Address', 'Last delivery', 'Failed attempts (24 h)',
          'Failing now', 'Dead letters (30 days)', 'Circuit'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows)));
  }

  Hotline.start(async () => {
    const answer = await api('GET', '/api/agency/directory');
    if (!answer.ok) {
      status.textContent = answer.data ? answer.data.message : 'The directory could not be loaded.';
      status.dataset.state = 'error';
      return;
    }
    document.getElementById('pathway').textContent =
      `Pathway ${answer.data.pathwayId} version ${answer.data.pathwayVersion}; health as of ${time(answer.data.generatedAt)}.`;
    document.getElementById('organizations').replaceChildren(...answer.data.organizations.map(organization));
    status.textContent = `${answer.data.organizations.length} agencies.`;
    status.dataset.state = 'ready';
  });
})();
