// The printable monthly report: key indicators, calls and tips charts and agency response for one month.
import { getJson, query, setStatus, signIn, SignInNeeded } from './api.js';
import { cellText, horizontalBars, legend, measureText, stackedBars } from './charts.js';

const OUTCOMES = ['COMPLETED', 'OPERATOR', 'ABANDONED', 'SILENT', 'BUSY', 'EMERGENCY'];

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

function render(stats) {
  const k = stats.minCell;
  document.querySelectorAll('.min-cell').forEach((n) => { n.textContent = String(k - 1); });
  document.querySelectorAll('.k').forEach((n) => { n.textContent = String(k); });
  document.getElementById('period').textContent = `${stats.filter.from} to ${stats.filter.to}`;
  document.getElementById('scope').textContent = stats.filter.region ? `· region ${stats.filter.region}` : '· all regions';
  const c = stats.calls.byOutcome;
  document.querySelector('#indicators tbody').replaceChildren(
    row(['Calls', cellText(stats.calls.total, k)]),
    row(['Calls completed in the IVR', cellText(c.COMPLETED, k)]),
    row(['Calls handed to an operator', cellText(c.OPERATOR, k)]),
    row(['Calls abandoned', cellText(c.ABANDONED, k)]),
    row(['Silent calls', cellText(c.SILENT, k)]),
    row(['Callers who heard "busy"', cellText(c.BUSY, k)]),
    row(['Emergencies (danger key)', cellText(c.EMERGENCY, k)]),
    row(['Tips received', cellText(stats.tips.total, k)]),
    row(['Tips involving children', `${cellText(stats.tips.childInvolved, k)} (${measureText(stats.tips.childShare, k, true)})`]),
  );
  const days = Object.entries(stats.calls.byDay).map(([day, parts]) => [day.slice(8), parts]);
  stackedBars(document.getElementById('calls-by-day'), days, OUTCOMES, k, 'Calls per day by outcome');
  legend(document.getElementById('calls-legend'), OUTCOMES);
  horizontalBars(document.getElementById('tips-by-type'), stats.tips.byExploitationType, k, 'Tips by exploitation type');
  horizontalBars(document.getElementById('tips-by-region'), stats.tips.byRegion, k, 'Tips by region');
  document.querySelector('#agencies tbody').replaceChildren(...stats.agencies.map((a) => row([a.agencyName,
    cellText(a.referrals, k), measureText(a.medianAckMinutes, k), measureText(a.p90AckMinutes, k),
    measureText(a.withinDeadlineShare, k, true)])));
}

async function load() {
  const form = document.getElementById('month-form');
  const params = new URLSearchParams(location.search);
  const month = params.get('month') || new Date().toISOString().slice(0, 7);
  form.month.value = month;
  form.region.value = params.get('region') || '';
  setStatus('loading', 'Loading…');
  try {
    const stats = await getJson(`/api/stats?${query({ month, region: form.region.value.trim() })}`);
    render(stats);
    document.getElementById('content').hidden = false;
    setStatus('ready', 'Ready to print.');
  } catch (e) {
    if (e instanceof SignInNeeded) {
      document.getElementById('error').textContent = 'Sign in on the statistics page first.';
      setStatus('signin', 'Not signed in.');
      return;
    }
    document.getElementById('error').textContent = e.message;
    setStatus('error', 'Could not load the report.');
  }
}

document.getElementById('month-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  location.search = query({ month: form.month.value, region: form.region.value.trim() });
});
document.getElementById('print').addEventListener('click', () => window.print());

load();
