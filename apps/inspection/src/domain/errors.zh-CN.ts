/** 中文 of inspection's refusals (errors.ts): a title per code, and the fixed sentences they write. */
export const inspectionErrorTexts = {
  titles: {
    'inspection.NotFound': '未找到该记录',
    'inspection.InvalidState': '记录当前所处环节不允许此操作',
    'inspection.RuleViolated': '不符合检查执法规定',
    'inspection.NotAllowed': '无权处理该记录',
    'inspection.TwoPersonRule': '违反调查与决定分离（两人原则）',
  },
  phrases: {
    'the official who proposed a penalty cannot decide it': '提出处罚建议的执法人员不得作出处罚决定',
    'the proposer cannot decide (two-person rule)': '提出人不得决定（两人原则）',
  },
};
