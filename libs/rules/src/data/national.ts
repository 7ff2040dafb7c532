import { RuleEntry } from '../rulebook';

const DOUBLE_REDUCTION = '中办发〔2021〕40号《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》';
const STATE_COUNCIL_2018 = '国办发〔2018〕80号《关于规范校外培训机构发展的意见》';
const PREPAID_2021 = '教监管函〔2021〕2号《关于加强校外培训机构预收费监管工作的通知》';
const THIRTEEN_DEPTS_2022 = '教监管〔2022〕1号 十三部门《关于规范面向中小学生的非学科类校外培训的意见》';
const SLEEP_2021 = '教基厅函〔2021〕11号《关于进一步加强中小学生睡眠管理工作的通知》';
const PENALTIES_2023 = '教育部令第53号《校外培训行政处罚暂行办法》';
const HOTLINE_12345 = '国办发〔2021〕6号《关于进一步优化地方政务服务便民热线的指导意见》';

/** National defaults; provinces, cities and districts override them where they set their own. */
export const national: RuleEntry[] = [
  { key: 'licensing.newSubjectApprovalsAllowed', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: false, source: `${DOUBLE_REDUCTION} 第13条：各地不再审批新的面向义务教育阶段学生的学科类校外培训机构` },
  { key: 'licensing.validityYears', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 3, source: '国家无统一年限；默认值，各地按地方规定覆盖', note: 'placeholder national default' },
  { key: 'licensing.expiryReminderDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: [90, 30], source: 'OTR 运行规则：到期前90天、30天提醒' },
  { key: 'licensing.review.acceptWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 5, source: '《行政许可法》第32条：申请材料不齐全的，应当当场或者在五日内一次告知' },
  { key: 'licensing.review.opinionWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 10, source: '联合审批征求意见期限（地方参数，默认10个工作日）' },
  { key: 'licensing.review.decideWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 20, source: '《行政许可法》第42条：二十日内作出行政许可决定' },
  { key: 'venue.minAreaPerStudent', jurisdiction: 'CN', effectiveFrom: '2018-08-22', value: 3, source: `${STATE_COUNCIL_2018}：同一培训时段内生均面积不低于3平方米` },
  { key: 'venue.minTotalArea', jurisdiction: 'CN', effectiveFrom: '2018-08-22', value: 0, source: '国家未规定；由地方设置' },
  { key: 'venue.minLeaseYears', jurisdiction: 'CN', effectiveFrom: '2018-08-22', value: 0, source: '国家未规定；由地方设置' },
  { key: 'venue.noResidentialOrBasementUnder12', jurisdiction: 'CN', effectiveFrom: '2022-02-08', value: true, source: `${THIRTEEN_DEPTS_2022}：面向12周岁以下的培训场所不得设在住宅和地下室` },
  { key: 'inspection.grade.excellent', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 90, source: '年检评分等级（地方参数，默认：优秀≥90）' },
  { key: 'inspection.grade.pass', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 70, source: '年检评分等级（地方参数，默认：合格70–89）' },
  { key: 'inspection.grade.basicPass', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 60, source: '年检评分等级（地方参数，默认：基本合格60–69，不合格<60）' },
  { key: 'inspection.consecutiveFailsToRevoke', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 3, source: '地方规则示例：连续三年年检不合格吊销办学许可证' },
  { key: 'inspection.rectificationWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 20, source: '整改期限（地方参数，默认20个工作日）' },
  { key: 'inspection.spotCheck.minInspectors', jurisdiction: 'CN', effectiveFrom: '2019-02-15', value: 2, source: '国发〔2019〕5号《关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见》' },
  { key: 'inspection.spotCheck.ratio', jurisdiction: 'CN', effectiveFrom: '2019-02-15', value: 0.05, source: '抽查比例（地方参数，默认5%）' },
  { key: 'blacklist.defaultRemovalMonths', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 36, source: '信用修复期限（地方参数，默认36个月）' },
  { key: 'fees.maxMonthsPerCharge', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 3, source: `${DOUBLE_REDUCTION}；${PREPAID_2021}：按时段收费不得超过3个月` },
  { key: 'fees.maxHoursPerCharge', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 60, source: `${PREPAID_2021}：按课时收费每科不得超过60课时` },
  { key: 'fees.nonSubjectMaxPerCharge', jurisdiction: 'CN', effectiveFrom: '2022-02-08', value: 500_000, source: `${THIRTEEN_DEPTS_2022}：非学科类单次收费不得超过5000元` },
  { key: 'fees.earliestChargeDaysBeforeStart', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 30, source: `${PREPAID_2021}：不得在开课前一个月以上收费` },
  { key: 'fees.chargeWhenHoursRemain', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 20, source: '续费条件（地方参数，默认剩余20课时）' },
  { key: 'fees.deemedConfirmationWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 15, source: '课消确认期（地方参数，默认15个工作日未确认视为确认）' },
  { key: 'fees.refundDeemedConsentWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 5, source: '退费申请机构5个工作日未答复视为同意（地方参数）' },
  { key: 'fees.refundDaysBeforeStart', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 5, source: '开课前退费5日内全额退还（示范合同）' },
  { key: 'fees.refundDaysAfterStart', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 15, source: '开课后退费15日内按未消课时退还（示范合同）' },
  { key: 'fees.guidedPriceMaxMarkupPercent', jurisdiction: 'CN', effectiveFrom: '2021-09-02', value: 10, source: '发改价格〔2021〕1305号《关于加强义务教育阶段学科类校外培训收费监管的通知》：上浮不超过10%' },
  { key: 'fees.riskReserve', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 0, source: '风险保证金额度由地方确定' },
  { key: 'fees.alert.singlePaymentAbove', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 2_000_000, source: '风险预警规则（地方参数，默认单笔2万元）' },
  { key: 'fees.alert.refundBurst', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: { count: 10, withinDays: 7 }, source: '风险预警规则（地方参数，默认7日内10笔退费申请）' },
  { key: 'training.offlineEndTime', jurisdiction: 'CN', effectiveFrom: '2021-04-02', value: '20:30', source: `${SLEEP_2021}：线下培训结束时间不得晚于20:30` },
  { key: 'training.onlineEndTime', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: '21:00', source: `${DOUBLE_REDUCTION}：线上培训结束时间不晚于21点` },
  { key: 'training.onlineLessonMaxMinutes', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 30, source: `${DOUBLE_REDUCTION}：线上培训每课时不超过30分钟` },
  { key: 'training.onlineBreakMinutes', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: 10, source: `${DOUBLE_REDUCTION}：课程间隔不少于10分钟` },
  { key: 'complaints.sla.signWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-03-06', value: 1, source: `${HOTLINE_12345}（工单签收时限，地方参数）` },
  { key: 'complaints.sla.consultationWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-03-06', value: 2, source: `${HOTLINE_12345}（咨询类答复时限，地方参数）` },
  { key: 'complaints.sla.helpWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-03-06', value: 5, source: `${HOTLINE_12345}（求助类答复时限，地方参数）` },
  { key: 'complaints.sla.complaintWorkingDays', jurisdiction: 'CN', effectiveFrom: '2021-03-06', value: 15, source: `${HOTLINE_12345}（投诉类办结时限，地方参数）` },
  { key: 'complaints.sla.reminderWorkingDaysBefore', jurisdiction: 'CN', effectiveFrom: '2021-03-06', value: 1, source: 'OTR 运行规则：到期前1个工作日提醒' },
  { key: 'complaints.marketRegulation.acceptWorkingDays', jurisdiction: 'CN', effectiveFrom: '2022-03-15', value: 7, source: '市场监管总局令第51号《市场监督管理投诉举报处理暂行办法》第15条：7个工作日内决定是否受理' },
  { key: 'complaints.marketRegulation.mediateWorkingDays', jurisdiction: 'CN', effectiveFrom: '2022-03-15', value: 45, source: '市场监管总局令第51号 第30条：调解自受理之日起45个工作日内终结' },
  { key: 'complaints.repeatFlag', jurisdiction: 'CN', effectiveFrom: '2021-07-24', value: { count: 3, withinDays: 30 }, source: '重复投诉触发检查（地方参数，默认30日内3次）' },
  { key: 'penalties.unlicensedIncomeMultiple', jurisdiction: 'CN', effectiveFrom: '2023-10-15', value: { min: 1, max: 5 }, source: `${PENALTIES_2023} 第15条：违法所得1倍以上5倍以下罚款` },
  { key: 'penalties.disguisedSubjectTraining', jurisdiction: 'CN', effectiveFrom: '2023-10-15', value: { max: 5_000_000, seriousMin: 5_000_000, seriousMax: 10_000_000 }, source: `${PENALTIES_2023} 第16条：5万元以下；情节严重的5万元以上10万元以下` },
];
