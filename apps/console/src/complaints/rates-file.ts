/**
 * The pure half of the rates screen: the query, the percentages, the chart's rows and the CSV
 * columns, from GET /api/complaints/rates (the complaints service's domain/rates.ts defines each
 * rate). No react-admin import, so jest loads it.
 */
import type { CsvColumn } from '../providers/csv';

export type RatesBy = 'department' | 'district';
export const RATES = ['response', 'resolution', 'satisfaction'] as const;
export type RateName = (typeof RATES)[number];

export interface Rate {
  count: number;
  of: number;
  /** null when there was nothing to count: no rate, not 0 %. */
  rate: number | null;
}

export type Rates = { complaints: number } & Record<RateName, Rate>;
export type RatesRow = { key: string } & Rates;

export interface RatesReport {
  by: RatesBy;
  from?: string;
  to?: string;
  total: Rates;
  groups: RatesRow[];
}

export interface RatesFilter {
  by: RatesBy;
  from: string;
  to: string;
}

export const ratesUrl = ({ by, from, to }: RatesFilter): string => {
  const qs = new URLSearchParams({ by });
  if (from) qs.set('from', from);
  if (to) qs.set('to', to);
  return `/api/complaints/rates?${qs}`;
};

/** 87.5% in the user's language, or — when there is no rate. */
export const percent = (r: Rate, locale: string): string =>
  r.rate === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r.rate);

/** One bar group per department or district, each rate in percent (null draws no bar). */
export const chartRows = (report: RatesReport, label: (key: string) => string) =>
  report.groups.map((g) => ({
    key: g.key,
    name: label(g.key),
    ...Object.fromEntries(
      RATES.map((r) => [r, g[r].rate === null ? null : Math.round(g[r].rate * 1000) / 10]),
    ),
  }));

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The CSV: a row per group and the total last; for each rate its percentage, count and
 * denominator, so a spreadsheet can sum or recompute them.
 */
export function ratesCsv(
  report: RatesReport,
  t: Translate,
  locale: string,
  label: (key: string) => string,
): { rows: RatesRow[]; columns: CsvColumn<RatesRow>[] } {
  const word = (key: string) => t(`otr.complaints.rates.${key}`);
  const columns: CsvColumn<RatesRow>[] = [
    { header: word(report.by), value: (r) => (r.key ? label(r.key) : word('total')) },
    { header: word('complaints'), value: (r) => r.complaints },
    ...RATES.flatMap((name): CsvColumn<RatesRow>[] => [
      { header: word(name), value: (r) => percent(r[name], locale) },
      { header: word(`${name}Count`), value: (r) => r[name].count },
      { header: word(`${name}Of`), value: (r) => r[name].of },
    ]),
  ];
  return { rows: [...report.groups, { key: '', ...report.total }], columns };
}
