import { RuleEntry } from '../rulebook';

/** Zhejiang, Hangzhou and one district's own parameters (demo jurisdictions; figures are illustrative). */
export const zhejiang: RuleEntry[] = [
  { key: 'licensing.validityYears', jurisdiction: 'CN-ZJ', effectiveFrom: '2022-01-01', value: 3, source: '浙江省校外培训机构设置标准（示例参数）：办学许可证有效期3年' },
  { key: 'venue.minTotalArea', jurisdiction: 'CN-ZJ-HZ', effectiveFrom: '2022-01-01', value: 200, source: '杭州市校外培训机构设置标准（示例参数）：教学用房建筑面积不少于200平方米', note: 'demo figure' },
  { key: 'venue.minLeaseYears', jurisdiction: 'CN-ZJ-HZ', effectiveFrom: '2022-01-01', value: 2, source: '杭州市校外培训机构设置标准（示例参数）：租期不少于2年', note: 'demo figure' },
  { key: 'fees.riskReserve', jurisdiction: 'CN-ZJ-HZ', effectiveFrom: '2022-01-01', value: 10_000_000, source: '杭州市校外培训机构预收费监管办法（示例参数）：风险保证金10万元', note: 'demo figure' },
  { key: 'fees.guidedBasePrice', jurisdiction: 'CN-ZJ-HZ', effectiveFrom: '2022-01-01', value: { online: { small: 4_000, medium: 2_500, large: 1_500 }, offline: { small: 8_000, medium: 5_000, large: 3_000 } }, source: '杭州市义务教育阶段学科类校外培训政府指导价（示例数值：线上30分钟、线下45分钟标准课时，班额<10、10–35、>35人）', note: 'demo figures in fen per standard lesson' },
  // A district that shortened the deemed-confirmation period, to show precedence over the national 15.
  { key: 'fees.deemedConfirmationWorkingDays', jurisdiction: 'CN-ZJ-HZ-BJ', effectiveFrom: '2023-01-01', value: 7, source: '滨江区预收费监管实施细则（示例参数）：7个工作日未确认视为确认', note: 'demo override' },
];
