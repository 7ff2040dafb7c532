import { RuleEntry } from '../rulebook';

const DOUBLE_REDUCTION = '中办发〔2021〕40号《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》';
const STATE_COUNCIL_2018 = '国办发〔2018〕80号《国务院办公厅关于规范校外培训机构发展的意见》';
const PREPAID_2021 = '教监管函〔2021〕2号（校外培训机构预收费监管）';
const NON_SUBJECT_2022 = '教育部等十三部门《关于规范面向中小学生的非学科类校外培训的意见》（2022年12月）';
const PRICE_2021 = '发改价格〔2021〕1305号《关于加强义务教育阶段学科类校外培训收费监管的通知》';
const SLEEP_2021 = '教基厅函〔2021〕11号《教育部办公厅关于进一步加强中小学生睡眠管理工作的通知》';
const PENALTIES_2023 = '教育部令第53号《校外培训行政处罚暂行办法》';
const LICENSING_LAW = '《中华人民共和国行政许可法》';
const HOTLINE_12345 = '国办发〔2020〕53号《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》';
const MARKET_COMPLAINTS = '国家市场监督管理总局令第20号《市场监督管理投诉举报处理暂行办法》';
/** For parameters DOMAIN.md calls local: a national default so every jurisdiction resolves. */
const LOCAL_DEFAULT = 'local parameter; national default until a jurisdiction sets its own';

const CN = 'CN';
/** What every category needs before approval nationally (licensing.approvalRequirements). */
const APPROVAL_NEEDS = {
  documents: ['legal-representative-id'],
  offline: { documents: ['venue-lease', 'fire-safety-acceptance'], siteVisit: true },
  opinions: [],
};

/** National rules and defaults; provinces, cities and districts override them where they set their own. */
export const national: RuleEntry[] = [
  // Licensing
  {
    key: 'licensing.newSubjectApprovalsAllowed',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: false,
    source: `${DOUBLE_REDUCTION} 第（十三）项：各地不再审批新的面向义务教育阶段学生的学科类校外培训机构`,
  },
  {
    key: 'licensing.expiryReminderDays',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: [90, 30],
    source: 'OTR 服务规则：办学许可证到期前90日、30日提醒',
    note: 'platform practice, not a legal deadline',
  },
  {
    key: 'licensing.review.acceptWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2004-07-01',
    value: 5,
    source: `${LICENSING_LAW} 第三十二条（五日内一次告知补正）、第八十二条（期限以工作日计算）`,
  },
  {
    key: 'licensing.review.opinionWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 10,
    source: '联合审批征求有关部门意见时限',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'licensing.review.decideWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2004-07-01',
    value: 20,
    source: `${LICENSING_LAW} 第四十二条（二十日内作出决定）、第八十二条（期限以工作日计算）`,
  },
  {
    key: 'licensing.approvalRequirements',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    // The same for every category nationally: the legal representative's identity always; on
    // site, the venue's lease and its fire-safety acceptance, and a site visit.
    value: {
      subject: APPROVAL_NEEDS,
      sports: APPROVAL_NEEDS,
      arts: APPROVAL_NEEDS,
      'science-tech': APPROVAL_NEEDS,
    },
    source: `${LICENSING_LAW} 第三十一条（申请材料）、第三十四条（实地核查）；${STATE_COUNCIL_2018}（场所、消防安全）`,
  },
  {
    key: 'venue.minAreaPerStudent',
    jurisdiction: CN,
    effectiveFrom: '2018-08-22',
    value: 3,
    source: `${STATE_COUNCIL_2018}：同一培训时段内生均面积不低于3平方米`,
  },

  // Annual inspection and spot checks
  {
    key: 'inspection.gradeThresholds',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: { excellent: 90, pass: 70, basicPass: 60 },
    source: '年检评分等级：优秀≥90，合格70–89，基本合格60–69，不合格<60（一省年检办法的等级划分）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'inspection.scoreSheet',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: {
      indicators: [
        { key: 'qualification', name: '办学资质', maxPoints: 15 },
        { key: 'courses', name: '课程与教学', maxPoints: 20 },
        { key: 'staff', name: '师资队伍', maxPoints: 20 },
        { key: 'funds', name: '资金管理', maxPoints: 20 },
        { key: 'venue-safety', name: '场地与安全', maxPoints: 25 },
      ],
      vetoItems: [
        { key: 'out-of-scope', name: '超出许可范围办学' },
        { key: 'major-safety-incident', name: '发生重大安全责任事故' },
        { key: 'in-service-teachers', name: '聘用在职中小学教师' },
        { key: 'fees-outside-supervision', name: '预收费未纳入资金监管' },
        { key: 'false-report', name: '年报弄虚作假' },
      ],
    },
    source:
      '年检评分表：办学资质、课程、师资、资金、场地与安全，满分100分，设一票否决项（一省年检办法的评分结构）',
    note: `${LOCAL_DEFAULT}; indicator weights and veto items are a demo sheet`,
  },
  {
    key: 'inspection.excellentExemptYears',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 1,
    source: '年检优秀的机构下一年度不列入"双随机"抽查名单（一省年检办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'inspection.consecutiveFailsToRevoke',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 3,
    source: '连续三年年检不合格的吊销办学许可证（一市年检办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'inspection.rectificationWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 20,
    source: '年检基本合格或不合格的限期整改期限',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'inspection.spotCheck.ratio',
    jurisdiction: CN,
    effectiveFrom: '2019-02-15',
    value: 0.05,
    source:
      '国发〔2019〕5号《关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见》：抽查比例由各地确定',
    note: `${LOCAL_DEFAULT}; 5% is a demo figure`,
  },
  {
    key: 'inspection.spotCheck.minInspectors',
    jurisdiction: CN,
    effectiveFrom: '2021-07-15',
    value: 2,
    source: '《中华人民共和国行政处罚法》（2021年修订）第四十二条：执法人员不得少于两人',
  },
  {
    key: 'publication.penaltyMonths',
    jurisdiction: CN,
    effectiveFrom: '2023-05-01',
    value: { minimumMonths: 3, maximumMonths: 36 },
    source:
      '《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）：行政处罚信息最短公示期三个月、最长公示期三年，最短公示期届满后方可申请提前终止公示，最长公示期届满后自动停止公示',
    note: 'some local and sector rules set other periods (e.g. a one-year minimum); a jurisdiction sets its own here',
  },
  {
    key: 'blacklist.defaultRemovalMonths',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 36,
    source: '黑名单默认移出期限（信用修复）',
    note: `${LOCAL_DEFAULT}; demo figure`,
  },

  // Prepaid fees
  {
    key: 'fees.maxMonthsPerCharge',
    jurisdiction: CN,
    effectiveFrom: '2018-08-22',
    value: 3,
    source: `${STATE_COUNCIL_2018}：不得一次性收取时间跨度超过3个月的费用`,
  },
  {
    key: 'fees.maxHoursPerCharge',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 60,
    source: `${PREPAID_2021}：按课时收费的每科不超过60课时`,
  },
  {
    key: 'fees.nonSubjectMaxPerCharge',
    jurisdiction: CN,
    effectiveFrom: '2022-12-29',
    value: 500_000,
    source: `${NON_SUBJECT_2022}：不得收取时间跨度超过3个月或60课时的费用，且不得超过5000元`,
  },
  {
    key: 'fees.earliestChargeDaysBeforeStart',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 30,
    source: `${PREPAID_2021}：开课前一个月内方可收费`,
  },
  {
    key: 'fees.chargeWhenHoursRemain',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 20,
    source: `${PREPAID_2021}：剩余课时不多于20课时时方可续费`,
    note: LOCAL_DEFAULT,
  },
  {
    key: 'fees.deemedConfirmationWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 15,
    source: '一课一消：家长15个工作日内未确认的视为确认（地方预收费监管办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'fees.refundDeemedConsentWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 5,
    source: '退费申请机构5个工作日内未答复的视为同意（地方预收费监管办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'fees.refundPayoutDaysBeforeStart',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 5,
    source: '开课前申请退费的，5日内全额退还（地方预收费监管办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'fees.refundPayoutDaysAfterStart',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 15,
    source: '开课后申请退费的，15日内按未消课时退还至原支付账户（地方预收费监管办法）',
    note: LOCAL_DEFAULT,
  },
  {
    key: 'fees.guidedPriceMaxMarkupPercent',
    jurisdiction: CN,
    effectiveFrom: '2021-09-02',
    value: 10,
    source: `${PRICE_2021}：以政府指导价为基准，上浮不超过10%，下浮不限`,
  },
  {
    key: 'fees.alert.singlePaymentAbove',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 2_000_000,
    source: '风险预警规则：单笔缴费超过2万元',
    note: `${LOCAL_DEFAULT}; demo figure`,
  },
  {
    key: 'fees.alert.refundBurst',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: { count: 10, withinDays: 7 },
    source: '风险预警规则：7日内10笔以上退费申请',
    note: `${LOCAL_DEFAULT}; demo figure`,
  },
  {
    key: 'fees.alert.prepaidPerSeatAbove',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 500_000,
    source: '风险预警规则：预收费余额与办学规模不匹配（每核定学位预收余额超过5000元）',
    note: `${LOCAL_DEFAULT}; demo figure`,
  },

  // Training times
  {
    key: 'training.offlineEndTime',
    jurisdiction: CN,
    effectiveFrom: '2021-04-02',
    value: '20:30',
    source: `${SLEEP_2021}：线下培训结束时间不得晚于20:30`,
  },
  {
    key: 'training.onlineEndTime',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: '21:00',
    source: `${DOUBLE_REDUCTION} 第（十五）项：线上培训结束时间不晚于21点`,
  },
  {
    key: 'training.onlineLessonMaxMinutes',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 30,
    source: `${DOUBLE_REDUCTION} 第（十五）项：线上培训每课时不超过30分钟`,
  },
  {
    key: 'training.onlineBreakMinutes',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: 10,
    source: `${DOUBLE_REDUCTION} 第（十五）项：课程间隔不少于10分钟`,
  },

  // Complaints: the 12345 closed loop; the day counts are the local hotline's
  {
    key: 'complaints.sla.signWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 1,
    source: `${HOTLINE_12345}：工单签收时限`,
    note: LOCAL_DEFAULT,
  },
  {
    key: 'complaints.sla.consultationWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 2,
    source: `${HOTLINE_12345}：咨询类答复时限`,
    note: LOCAL_DEFAULT,
  },
  {
    key: 'complaints.sla.helpWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 5,
    source: `${HOTLINE_12345}：求助类办结时限`,
    note: LOCAL_DEFAULT,
  },
  {
    key: 'complaints.sla.complaintWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 15,
    source: `${HOTLINE_12345}：投诉类办结时限`,
    note: LOCAL_DEFAULT,
  },
  {
    key: 'complaints.sla.reminderWorkingDaysBefore',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 1,
    source: 'OTR 服务规则：到期前1个工作日提醒承办部门',
    note: 'platform practice',
  },
  {
    key: 'complaints.marketRegulation.acceptWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-01-01',
    value: 7,
    source: `${MARKET_COMPLAINTS} 第十四条：收到投诉之日起七个工作日内作出受理或者不予受理的决定`,
  },
  {
    key: 'complaints.marketRegulation.mediateWorkingDays',
    jurisdiction: CN,
    effectiveFrom: '2020-01-01',
    value: 45,
    source: `${MARKET_COMPLAINTS} 第二十一条：自投诉受理之日起四十五个工作日内未能达成调解协议的终止调解`,
  },
  {
    key: 'complaints.repeatFlag',
    jurisdiction: CN,
    effectiveFrom: '2021-07-24',
    value: { count: 3, withinDays: 30 },
    source: '同一机构30日内被投诉3次的，启动专项检查',
    note: `${LOCAL_DEFAULT}; demo figure`,
  },
  {
    key: 'complaints.duplicateWindowDays',
    jurisdiction: CN,
    effectiveFrom: '2020-12-28',
    value: 7,
    source: 'OTR 服务规则：同一诉求人7日内就同一机构同类事项再次投诉的，并入首件办理',
    note: 'platform practice; the window is a local parameter',
  },

  // Penalties
  {
    key: 'penalties.unlicensed.incomeMultiple',
    jurisdiction: CN,
    effectiveFrom: '2023-10-15',
    value: { min: 1, max: 5 },
    source: `${PENALTIES_2023} 第十七条：擅自举办校外培训机构的，处违法所得一倍以上五倍以下罚款`,
  },
  {
    key: 'penalties.disguisedSubjectTraining',
    jurisdiction: CN,
    effectiveFrom: '2023-10-15',
    value: { seriousMax: 5_000_000, especiallySerious: { min: 5_000_000, max: 10_000_000 } },
    source: `${PENALTIES_2023} 第十八条：变相开展学科类校外培训，情节严重的处5万元以下罚款，情节特别严重的处5万元以上10万元以下罚款`,
  },
];
