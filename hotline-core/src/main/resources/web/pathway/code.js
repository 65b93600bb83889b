// The pathway text box: a plain textarea with a line-number gutter that marks the lines with problems,
// and a list of problems whose buttons move the caret to their line.

import { el } from './dom.js';

export class CodeBox {
  constructor(textarea, gutter, summary, list) {
    this.textarea = textarea;
    this.gutter = gutter;
    this.summary = summary;
    this.list = list;
    this.marks = new Map();
    textarea.addEventListener('input', () => this.renderGutter());
    textarea.addEventListener('scroll', () => { this.gutter.scrollTop = this.textarea.scrollTop; });
    this.renderGutter();
  }

  get text() {
    return this.textarea.value;
  }

  set text(value) {
    this.textarea.value = value;
    this.textarea.scrollTop = 0;
    this.renderGutter();
  }

  set readOnly(value) {
    this.textarea.readOnly = value;
  }

  lineCount() {
    return this.textarea.value.split('\n').length;
  }

  renderGutter() {
    const lines = this.lineCount();
    const rows = [];
    for (let n = 1; n <= lines; n++) {
      const mark = this.marks.get(n);
      const row = el('div', { class: mark ? `line mark-${mark.severity}` : 'line', 'data-line': n }, String(n));
      if (mark) {
        row.title = mark.messages.join('\n');
      }
      rows.push(row);
    }
    this.gutter.replaceChildren(...rows);
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  /** Shows problems ({line, column, path, code, severity, message}) in the gutter and the list. */
  showProblems(problems, verdict) {
    this.marks = new Map();
    problems.forEach((p) => {
      const line = p.line > 0 ? p.line : 1;
      const severity = p.severity === 'ERROR' ? 'error' : 'warning';
      const mark = this.marks.get(line) || { severity, messages: [] };
      if (severity === 'error') {
        mark.severity = 'error';
      }
      mark.messages.push(`${p.code}: ${p.message}`);
      this.marks.set(line, mark);
    });
    this.renderGutter();
    this.summary.textContent = verdict;
    this.list.replaceChildren(...problems.map((p) => {
      const severity = p.severity === 'ERROR' ? 'error' : 'warning';
      const go = el('button', { type: 'button', class: 'link', 'data-line': p.line },
        `Line ${p.line}, column ${p.column}`);
      go.addEventListener('click', () => this.goTo(p.line, p.column));
      return el('li', { class: severity, 'data-line': p.line, 'data-code': p.code },
        el('span', { class: 'severity' }, severity === 'error' ? 'Error' : 'Warning'), ' ', go, ': ',
        el('code', {}, p.code), ` ${p.message}`, p.path ? el('span', { class: 'path' }, ` (at ${p.path})`) : '');
    }));
  }

  clearProblems() {
    this.showProblems([], '');
  }

  /** Puts the caret at line:column (both from 1), selects the rest of that line and scrolls it into view. */
  goTo(line, column) {
    const lines = this.textarea.value.split('\n');
    const target = Math.min(Math.max(line, 1), lines.length);
    let start = 0;
    for (let i = 0; i < target - 1; i++) {
      start += lines[i].length + 1;
    }
    const from = start + Math.max(0, Math.min((column || 1) - 1, lines[target - 1].length));
    this.textarea.focus();
    this.textarea.setSelectionRange(from, start + lines[target - 1].length);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 18;
    this.textarea.scrollTop = Math.max(0, (target - 4) * lineHeight);
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}
