import { RuleEntry } from '../rulebook';

const HZ = 'CN-ZJ-HZ';
const DEMO = 'demo figure for the Hangzhou demo jurisdiction; replace with the published local figure';

/** Hangzhou's own parameters, and one district's, to show that the most specific level wins. */
export const hangzhou: RuleEntry[] = [
  {
    key: 'venue.minTotalArea',
    jurisdiction: HZ,
    effectiveFrom: '2022-01-01',
    value: 200,
    source: '杭州市校外培训机构设置标准：教学及辅助用房建筑面积不少于200平方米',
    note: DEMO,
  },
  {
    key: 'venue.minLeaseYears',
    jurisdiction: HZ,
    effectiveFrom: '2022-01-01',
    value: 2,
    source: '杭州市校外培训机构设置标准：场所租赁期不少于2年',
    note: DEMO,
  },
  {
    key: 'fees.riskReserve',
    jurisdiction: HZ,
    effectiveFrom: '2022-01-01',
    value: 10_000_000,
    source: '杭州市校外培训机构预收费监管办法：风险保证金不少于10万元，不得质押',
    note: DEMO,
  },
  {
    key: 'fees.guidedBasePrice',
    jurisdiction: HZ,
    effectiveFrom: '2022-01-01',
    value: {
      online: { lessonMinutes: 30, under10: 4_000, from10To35: 2_500, over35: 1_500 },
      offline: { lessonMinutes: 45, under10: 8_000, from10To35: 5_000, over35: 3_000 },
    },
    source: '杭州市义务教育阶段学科类校外培训政府指导价（基准价，每标准课时，按班额<10、10–35、>35人）',
    note: `${DEMO}; fen per standard lesson`,
  },
  {
    key: 'training.schoolVacations',
    jurisdiction: HZ,
    effectiveFrom: '2024-01-01',
    value: [
      { name: '2024年暑假', from: '2024-07-06', to: '2024-08-31' },
      { name: '2025年寒假', from: '2025-01-18', to: '2025-02-16' },
      { name: '2025年暑假', from: '2025-07-05', to: '2025-08-31' },
      { name: '2026年寒假', from: '2026-01-31', to: '2026-03-01' },
      { name: '2026年暑假', from: '2026-07-04', to: '2026-08-31' },
      { name: '2027年寒假', from: '2027-01-23', to: '2027-02-21' },
    ],
    source: '杭州市中小学校历（杭州市教育局，2023—2026学年）：寒暑假起止日期',
    note: DEMO,
  },
  {
    key: 'fees.deemedConfirmationWorkingDays',
    jurisdiction: 'CN-ZJ-HZ-BJ',
    effectiveFrom: '2023-01-01',
    value: 7,
    source: '滨江区校外培训预收费监管实施细则：家长7个工作日内未确认课消的视为确认',
    note: 'demo district override of the national 15',
  },
];
