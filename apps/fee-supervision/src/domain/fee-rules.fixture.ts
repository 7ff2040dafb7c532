import { FeeRules } from './fee-rules';

/** The national figures with Hangzhou's demo prices and school calendar, as the rulebook would resolve them (tests only). */
export const nationalRules: FeeRules = {
  maxMonthsPerCharge: { value: 3, source: '国办发〔2018〕80号' },
  maxHoursPerCharge: { value: 60, source: '教监管函〔2021〕2号' },
  nonSubjectMaxPerCharge: { value: 500_000, source: '教监管厅函〔2022〕6号' },
  earliestChargeDaysBeforeStart: { value: 30, source: '教监管函〔2021〕2号：开课前一个月内' },
  chargeWhenHoursRemain: { value: 20, source: '教监管函〔2021〕2号：剩余20课时' },
  deemedConfirmationWorkingDays: { value: 15, source: '一课一消：15个工作日' },
  refundDeemedConsentWorkingDays: { value: 5, source: '退费：5个工作日未答复视为同意' },
  refundPayoutDaysBeforeStart: { value: 5, source: '开课前退费5日内' },
  refundPayoutDaysAfterStart: { value: 15, source: '开课后退费15日内' },
  guidedPriceMaxMarkupPercent: { value: 10, source: '发改价格〔2021〕1305号' },
  guidedBasePrice: {
    value: {
      online: { lessonMinutes: 30, under10: 4_000, from10To35: 2_500, over35: 1_500 },
      offline: { lessonMinutes: 45, under10: 8_000, from10To35: 5_000, over35: 3_000 },
    },
    source: '杭州市政府指导价',
  },
  riskReserve: { value: 10_000_000, source: '杭州市风险保证金10万元' },
  alertSinglePaymentAbove: { value: 2_000_000, source: '单笔缴费超过2万元' },
  alertRefundBurst: { value: { count: 10, withinDays: 7 }, source: '7日内10笔以上退费申请' },
  alertPrepaidPerSeatAbove: { value: 500_000, source: '每学位预收余额超过5000元' },
  offlineEndTime: { value: '20:30', source: '睡眠管理通知 2021' },
  onlineEndTime: { value: '21:00', source: '双减 第（十五）项' },
  onlineLessonMaxMinutes: { value: 30, source: '双减 第（十五）项' },
  onlineBreakMinutes: { value: 10, source: '双减 第（十五）项' },
  schoolVacations: {
    value: [
      { name: '2026年寒假', from: '2026-01-31', to: '2026-03-01' },
      { name: '2026年暑假', from: '2026-07-04', to: '2026-08-31' },
    ],
    source: '杭州市中小学校历',
  },
};
