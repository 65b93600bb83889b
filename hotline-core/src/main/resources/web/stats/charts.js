// Small SVG charts drawn without libraries. A cell is {count: n} or {suppressed: true}; suppressed cells are
// never drawn to scale: they appear as a dashed outline labelled "< k".

const SVG = 'http://www.w3.org/2000/svg';

export const OUTCOME_COLOURS = {
  COMPLETED: '#2a9d8f', OPERATOR: '#1f5fbf', ABANDONED: '#e76f51', SILENT: '#a8a8a8', BUSY: '#7b2cbf',
  EMERGENCY: '#c1121f',
};
const OTHER_COLOUR = '#e9c46a';
const BAR_COLOUR = '#1f5fbf';

export function count(cell) {
  return cell && typeof cell.count === 'number' ? cell.count : 0;
}

export function isSuppressed(cell) {
  return Boolean(cell && cell.suppressed);
}

/** Text for a cell: the number, or "< k". */
export function cellText(cell, minCell) {
  return isSuppressed(cell) ? `< ${minCell}` : String(count(cell));
}

/** Text for a measure ({value}, {suppressed} or {missing}); shares as percentages. */
export function measureText(measure, minCell, asPercent) {
  if (!measure || measure.missing) {
    return '–';
  }
  if (measure.suppressed) {
    return `< ${minCell} cases`;
  }
  return asPercent ? `${Math.round(measure.value * 100)} %` : String(Math.round(measure.value));
}

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function svg(width, height, label) {
  return el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
}

function niceMax(value) {
  if (value <= 5) {
    return 5;
  }
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/**
 * Horizontal bars, one per entry of {key: cell}, largest first.
 */
export function horizontalBars(container, cells, minCell, label) {
  container.replaceChildren();
  const entries = Object.entries(cells || {}).sort((a, b) => count(b[1]) - count(a[1]));
  if (entries.length === 0) {
    container.append(document.createTextNode('No data in this range.'));
    return;
  }
  const row = 24;
  const labelWidth = 150;
  const width = 460;
  const height = entries.length * row + 8;
  const max = niceMax(Math.max(...entries.map(([, c]) => count(c)), minCell));
  const scale = (width - labelWidth - 60) / max;
  const chart = svg(width, height, label);
  entries.forEach(([key, cell], i) => {
    const y = 4 + i * row;
    chart.append(el('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, key));
    if (isSuppressed(cell)) {
      chart.append(el('rect', { x: labelWidth, y: y + 3, width: 14, height: row - 8, class: 'suppressed',
        'data-suppressed': 'true' }));
    } else {
      chart.append(el('rect', { x: labelWidth, y: y + 3, width: Math.max(count(cell) * scale, 1), height: row - 8,
        fill: BAR_COLOUR, 'data-count': count(cell) }));
    }
    const end = labelWidth + (isSuppressed(cell) ? 14 : count(cell) * scale);
    chart.append(el('text', { x: end + 6, y: y + 15, class: 'small' }, cellText(cell, minCell)));
  });
  container.append(chart);
}

/**
 * Vertical stacked bars: rows is [[label, {part: cell}]]; parts are stacked in the order of `keys`.
 */
export function stackedBars(container, rows, keys, minCell, label) {
  container.replaceChildren();
  const width = 900;
  const height = 240;
  const left = 40;
  const bottom = 36;
  const plotHeight = height - bottom - 10;
  const totals = rows.map(([, parts]) => keys.reduce((sum, k) => sum + count(parts[k]), 0));
  const max = niceMax(Math.max(...totals, minCell));
  const slot = (width - left - 10) / Math.max(rows.length, 1);
  const barWidth = Math.max(Math.min(slot * 0.7, 40), 2);
  const chart = svg(width, height, label);
  chart.append(el('line', { x1: left, y1: 10 + plotHeight, x2: width - 10, y2: 10 + plotHeight, class: 'axis' }));
  chart.append(el('text', { x: left - 6, y: 14, 'text-anchor': 'end', class: 'small' }, String(max)));
  chart.append(el('text', { x: left - 6, y: 10 + plotHeight, 'text-anchor': 'end', class: 'small' }, '0'));
  const labelEvery = Math.ceil(rows.length / 16);
  rows.forEach(([rowLabel, parts], i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let y = 10 + plotHeight;
    let hidden = 0;
    keys.forEach((key) => {
      const cell = parts[key];
      if (isSuppressed(cell)) {
        hidden += 1;
        return;
      }
      const h = (count(cell) / max) * plotHeight;
      if (h > 0) {
        y -= h;
        chart.append(el('rect', { x, y, width: barWidth, height: h, fill: OUTCOME_COLOURS[key] || OTHER_COLOUR,
          'data-count': count(cell) }));
      }
    });
    if (hidden > 0) {
      const marker = el('rect', { x, y: y - 8, width: barWidth, height: 6, class: 'suppressed', 'data-suppressed': 'true' });
      marker.append(el('title', {}, `${hidden} part(s) below ${minCell} not shown`));
      chart.append(marker);
    }
    if (i % labelEvery === 0) {
      chart.append(el('text', { x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'small' },
        rowLabel));
    }
  });
  container.append(chart);
}

/** A legend of outcome colours. */
export function legend(container, keys) {
  container.replaceChildren(...keys.map((key) => {
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = `swatch sw-${OUTCOME_COLOURS[key] ? key : 'OTHER'}`;
    item.append(swatch, document.createTextNode(key.toLowerCase()));
    return item;
  }));
}
