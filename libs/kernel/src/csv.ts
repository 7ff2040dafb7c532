/**
 * The one CSV cell writer of the platform (open data, exports, creditor lists): RFC 4180 quoting,
 * and CSV injection made inert. A cell a spreadsheet would run as a formula — one that starts with
 * `= + - @`, a tab or a carriage return, even after leading blanks — gets a leading apostrophe
 * (OWASP, CSV Injection). Numbers are written as they are: -5 is a number, not a formula.
 * Pure module: the console bundles it.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(text).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One cell: text that would start a formula is prefixed with `'`, then quoted when needed. */
export function csvCell(v: unknown): string {
  let s = text(v);
  if (typeof v !== 'number' && typeof v !== 'bigint' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of cells, comma-separated (no line end). */
export const csvRow = (cells: unknown[]): string => cells.map(csvCell).join(',');
