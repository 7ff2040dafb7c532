/** 中文 of registration's refusals (errors.ts): a title per code, and the fixed sentences they write. */
export const registrationErrorTexts = {
  titles: {
    'registration.ApplicationNotFound': '未找到该办学申请',
    'registration.InvalidApplicationState': '申请当前所处环节不允许此操作',
    'registration.LicensingRuleViolated': '不符合办学许可规定',
    'registration.NotCompetentToDecide': '非主管部门，无权审批',
    'registration.SeparationOfDutiesViolated': '违反职责分离：申请人一方不得审批',
    'registration.LicenseNotFound': '未找到该办学许可证',
  },
  phrases: {},
};
