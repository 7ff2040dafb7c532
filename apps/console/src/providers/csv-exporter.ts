import { useCallback } from 'react';
import { downloadCSV, Exporter, useLocaleState, useTranslate } from 'react-admin';
import { CsvColumn, exportFileName, toCsv } from './csv';

export interface ExportField<R = Record<string, unknown>> {
  /** The record field; its header is the translated resources.<resource>.fields.<source>. */
  source: string;
  /** A readable value (a translated role, a district name); the raw field when absent. */
  render?: (
    record: R,
    translate: (key: string, options?: Record<string, unknown>) => string,
    locale: string,
  ) => unknown;
}

/**
 * The exporter for react-admin's ExportButton: the list's own columns, headers and values in
 * the user's language, UTF-8 with a BOM (csv.ts), named after the list and the day.
 */
export function useCsvExporter<R extends Record<string, unknown>>(
  resource: string,
  fields: ExportField<R>[],
): Exporter {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return useCallback(
    (records: R[]) => {
      const columns: CsvColumn<R>[] = fields.map((f) => ({
        header: translate(`resources.${resource}.fields.${f.source}`, { _: f.source }),
        value: (r) => (f.render ? f.render(r, translate, locale) : r[f.source]),
      }));
      const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
      downloadCSV(toCsv(records, columns), exportFileName(name));
    },
    [fields, locale, resource, translate],
  ) as Exporter;
}
