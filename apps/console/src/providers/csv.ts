/**
 * CSV for Excel on Chinese Windows: UTF-8 with a byte-order mark (without it Excel reads GBK and
 * shows mojibake), CRLF line ends, RFC 4180 quoting, and cells that would start a formula made
 * inert with a leading apostrophe. Pure module: jest loads it.
 */
import { csvCell } from '@otr/kernel/browser';

export const BOM = '\uFEFF';

export interface CsvColumn<R = Record<string, unknown>> {
  /** Header cell, already translated. */
  header: string;
  /** The cell value of a row. */
  value: (row: R) => unknown;
}

/** One cell: the platform's one CSV cell writer (libs/kernel/src/csv.ts), formula-safe. */
export { csvCell };

/** Every key of every row as a column, in order of first appearance. */
export const columnsOf = (rows: Record<string, unknown>[]): CsvColumn[] =>
  [...new Set(rows.flatMap((r) => Object.keys(r)))].map((k) => ({ header: k, value: (r) => r[k] }));

export function toCsv<R extends Record<string, unknown>>(
  rows: R[],
  columns: CsvColumn<R>[] = columnsOf(rows) as CsvColumn<R>[],
): string {
  const lines = [
    columns.map((c) => csvCell(c.header)).join(','),
    ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(',')),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name for an export: the list's name and the day, in Beijing time. */
export function exportFileName(name: string, now = new Date()): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}-${day}`;
}
