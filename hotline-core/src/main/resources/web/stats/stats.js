// The statistics page: filter, key figures, charts and the agency table, from GET /api/stats.
import { getJson, query, setStatus, signIn, SignInNeeded } from './api.js';
import { cellText, horizontalBars, legend, measureText, stackedBars } from './charts.js';

const OUTCOMES = ['COMPLETED', 'OPERATOR', 'ABANDONED', 'SILENT', 'BUSY', 'EMERGENCY'];

function params() {
  const form = document.getElementById('filter');
  return { from: form.from.value, to: form.to.value, region: form.region.value.trim() };
}

function figure(value, label) {
  const box = document.createElement('div');
  box.className = 'figure';
  const v = document.createElement('div');
  v.className = 'value';
  v.textContent = value;
  const l = document.createElement('div');
  l.className = 'label';
  l.textContent = label;
  box.append(v, l);
  return box;
}

function cellNode(cell, minCell) {
  const td = document.createElement('td');
  td.textContent = cellText(cell, minCell);
  if (cell && cell.suppressed) {
    td.className = 'lt-k';
  }
  return td;
}

function textNode(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function agencyRows(agencies, minCell) {
  return agencies.map((a) => {
    const tr = document.createElement('tr');
    const outcomes = Object.entries(a.outcomes).map(([k, c]) => `${k.replaceAll('_', ' ')}: ${cellText(c, minCell)}`);
    tr.append(textNode(a.agencyName), cellNode(a.referrals, minCell), cellNode(a.acknowledged, minCell),
      textNode(measureText(a.medianAckMinutes, minCell)), textNode(measureText(a.p90AckMinutes, minCell)),
      textNode(measureText(a.withinDeadlineShare, minCell, true)), textNode(outcomes.join(', ') || '–'));
    return tr;
  });
}

function render(stats) {
  const k = stats.minCell;
  document.querySelectorAll('.min-cell').forEach((n) => { n.textContent = String(k - 1); });
  document.querySelectorAll('.k').forEach((n) => { n.textContent = String(k); });
  document.getElementById('figures').replaceChildren(
    figure(cellText(stats.calls.total, k), 'calls'),
    figure(cellText(stats.tips.total, k), 'tips'),
    figure(measureText(stats.tips.childShare, k, true), 'tips involving children'),
    figure(cellText(stats.calls.byOutcome.ABANDONED, k), 'calls abandoned'),
  );
  const days = Object.entries(stats.calls.byDay).map(([day, parts]) => [day.slice(5), parts]);
  stackedBars(document.getElementById('calls-by-day'), days, OUTCOMES, k, 'Calls per day by outcome');
  legend(document.getElementById('calls-legend'), OUTCOMES);
  const hours = Object.entries(stats.calls.byHour).map(([hour, parts]) => [`${hour}h`, parts]);
  stackedBars(document.getElementById('calls-by-hour'), hours, OUTCOMES, k, 'Calls by hour of day');
  horizontalBars(document.getElementById('tips-by-type'), stats.tips.byExploitationType, k, 'Tips by exploitation type');
  horizontalBars(document.getElementById('tips-by-region'), stats.tips.byRegion, k, 'Tips by region');
  horizontalBars(document.getElementById('tips-by-month'), stats.tips.byMonth, k, 'Tips by month');
  horizontalBars(document.getElementById('tips-by-language'), stats.tips.byLanguage, k, 'Tips by language');
  horizontalBars(document.getElementById('drop-off'), stats.calls.dropOffByNode, k, 'Abandoned calls by IVR node');
  document.querySelector('#agencies tbody').replaceChildren(...agencyRows(stats.agencies, k));
  const regions = document.getElementById('regions');
  regions.replaceChildren(...Object.keys(stats.tips.byRegion).map((r) => Object.assign(document.createElement('option'), { value: r })));
}

function updateLinks(stats) {
  const p = { from: stats.filter.from, to: stats.filter.to, region: stats.filter.region };
  document.getElementById('export-csv').href = `/api/stats/export?${query({ ...p, format: 'csv' })}`;
  document.getElementById('export-json').href = `/api/stats/export?${query({ ...p, format: 'json' })}`;
  document.getElementById('report-link').href = `report.html?${query({ month: stats.filter.to.slice(0, 7), region: p.region })}`;
}

async function load(search) {
  setStatus('loading', 'Loading…');
  document.getElementById('error').textContent = '';
  try {
    const stats = await getJson(`/api/stats?${search}`);
    const form = document.getElementById('filter');
    form.from.value = stats.filter.from;
    form.to.value = stats.filter.to;
    form.region.value = stats.filter.region || '';
    render(stats);
    updateLinks(stats);
    document.getElementById('content').hidden = false;
    setStatus('ready', `Figures for ${stats.filter.from} to ${stats.filter.to}; small cells (below ${stats.minCell}) hidden.`);
  } catch (e) {
    if (e instanceof SignInNeeded) {
      setStatus('signin', 'Sign in to see statistics.');
      await signIn();
      await load(search);
      return;
    }
    document.getElementById('error').textContent = e.message;
    setStatus('error', 'Could not load statistics.');
  }
}

document.getElementById('filter').addEventListener('submit', (event) => {
  event.preventDefault();
  const search = query(params());
  history.replaceState(null, '', `?${search}`);
  load(search);
});

load(new URLSearchParams(location.search).toString());
