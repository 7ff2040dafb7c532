import { csvRow } from '@otr/kernel';
import type { ListExport } from '../application/open-data/list-export.query';

/** A public list as CSV: UTF-8 with a BOM, its as-of line, the header, one escaped row per entry. */
export function openDataCsv(data: Pick<ListExport, 'asOf' | 'columns' | 'rows'>): string {
  const lines = [csvRow(data.columns), ...data.rows.map((r) => csvRow(data.columns.map((c) => r[c])))];
  return `\uFEFF# as of ${data.asOf ?? 'never'}\n${lines.join('\n')}\n`;
}
