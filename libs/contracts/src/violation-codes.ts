/**
 * The violation codes of DOMAIN.md (Violations and penalties) with their Chinese terms: part of the
 * published language (ViolationLogged carries the code), read by inspection and by the console.
 * No imports, so the console can bundle it.
 */
export const VIOLATION_CODES = {
  'unlicensed-operation': '无证无照办学',
  'out-of-scope-operation': '超出许可范围办学',
  'venue-hazard': '场地安全隐患',
  'fire-hazard': '消防安全隐患',
  overcrowding: '超员培训',
  'ahead-of-curriculum': '超前超纲培训',
  'disguised-subject-training': '变相开展学科类培训',
  'training-on-rest-days': '周末、节假日、寒暑假开展学科类培训',
  'training-past-end-time': '超过规定时间培训',
  'fees-over-cap': '超标准收费',
  'fees-charged-early': '提前收费',
  'training-loan': '培训贷',
  'unlisted-fees': '未公示收费项目',
  'fees-outside-supervised-account': '预收费未进入监管账户',
  'unqualified-staff': '从业人员不具备相应资质',
  'in-service-teacher': '聘用在职中小学教师',
  'foreign-staff': '违规聘用外籍人员',
  'false-advertising': '虚假宣传',
  'unauthorised-competition': '擅自举办竞赛',
  homework: '布置作业',
  'undisclosed-information': '未按规定公示信息',
  'false-information': '信息虚假',
} as const;
