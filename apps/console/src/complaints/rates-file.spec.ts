import { complaintMessages } from './messages';
import { chartRows, percent, RatesReport, ratesCsv, ratesUrl } from './rates-file';

const none = { count: 0, of: 0, rate: null };
const report: RatesReport = {
  by: 'department',
  total: {
    complaints: 3,
    response: { count: 2, of: 3, rate: 2 / 3 },
    resolution: { count: 0, of: 1, rate: 0 },
    satisfaction: none,
  },
  groups: [
    {
      key: 'education',
      complaints: 2,
      response: { count: 2, of: 2, rate: 1 },
      resolution: { count: 0, of: 1, rate: 0 },
      satisfaction: none,
    },
    {
      key: 'fire',
      complaints: 1,
      response: { count: 0, of: 1, rate: 0 },
      resolution: none,
      satisfaction: none,
    },
  ],
};
const t = (key: string) => key.split('.').pop()!;
const label = (key: string) => ({ education: '教育局', fire: '消防' })[key] ?? key;

describe('the rates screen', () => {
  it('asks for the grouping and only the dates given', () => {
    expect(ratesUrl({ by: 'district', from: '', to: '' })).toBe('/api/complaints/rates?by=district');
    expect(ratesUrl({ by: 'department', from: '2026-01-01', to: '2026-06-30' })).toBe(
      '/api/complaints/rates?by=department&from=2026-01-01&to=2026-06-30',
    );
  });

  it('shows a rate as a percentage, a real 0 as 0 %, and no rate as a dash', () => {
    expect(percent({ count: 7, of: 8, rate: 0.875 }, 'zh-CN')).toBe('87.5%');
    expect(percent({ count: 2, of: 3, rate: 2 / 3 }, 'en')).toBe('66.7%');
    expect(percent({ count: 0, of: 4, rate: 0 }, 'en')).toBe('0%');
    expect(percent(none, 'zh-CN')).toBe('—');
  });

  it('draws a bar per rate and group, and no bar where there is no rate', () => {
    expect(chartRows(report, label)).toEqual([
      { key: 'education', name: '教育局', response: 100, resolution: 0, satisfaction: null },
      { key: 'fire', name: '消防', response: 0, resolution: null, satisfaction: null },
    ]);
  });

  it('exports each group and the total with every rate’s percentage, count and denominator', () => {
    const { rows, columns } = ratesCsv(report, t, 'zh-CN', label);
    expect(columns.map((c) => c.header)).toEqual([
      'department',
      'complaints',
      'response',
      'responseCount',
      'responseOf',
      'resolution',
      'resolutionCount',
      'resolutionOf',
      'satisfaction',
      'satisfactionCount',
      'satisfactionOf',
    ]);
    expect(rows.map((r) => columns.map((c) => c.value(r)))).toEqual([
      ['教育局', 2, '100%', 2, 2, '0%', 0, 1, '—', 0, 0],
      ['消防', 1, '0%', 0, 1, '—', 0, 0, '—', 0, 0],
      ['total', 3, '66.7%', 2, 3, '0%', 0, 1, '—', 0, 0],
    ]);
  });

  it('has every word in Chinese and in English', () => {
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
      );
    expect(keys(complaintMessages['zh-CN']).sort()).toEqual(keys(complaintMessages.en).sort());
    expect(keys(complaintMessages.en.otr.complaints.rates)).toContain('definitions.none');
  });
});
