/** 中文 of the complaint refusals (errors.ts): a title per code, and the fixed sentences they write. */
export const complaintErrorTexts = {
  titles: {
    'complaints.InvalidComplaintState': '投诉当前所处环节不允许此操作',
    'complaints.NotResponsible': '非本环节承办人',
    'complaints.ComplaintRuleViolated': '不符合投诉处理规定',
    'complaints.InvalidTransfer': '转办不符合规定',
    'complaints.InvalidExtension': '延期不符合规定',
    'complaints.NoRouteFound': '找不到承办部门',
    'complaints.ComplaintNotFound': '未找到该投诉',
    'complaints.TrackingAccessDenied': '受理编号或查询码无效',
    'complaints.UnknownInstitution': '登记中无此机构',
    'complaints.IdempotencyKeyReused': '该幂等键已用于另一件投诉',
  },
  phrases: {
    // The public intake's own rules (interface/public-complaints.controller.ts).
    'the complaint part is JSON': 'complaint 部分须为 JSON',
    'expected TSyyyymmdd-XXXXXX': '格式应为 TSyyyymmdd-XXXXXX',
    '8–128 letters, digits, - or _': '8–128 个字母、数字、- 或 _',
    'tracking number or access code not valid': '受理编号或查询码无效',
    'the access code given on filing is required to follow a complaint': '查询投诉须提供受理时给出的查询码',
    'this Idempotency-Key was used for a different complaint': '该 Idempotency-Key 已用于另一件投诉',
    'one key, one submission': '一个键只对应一次提交',
    'a licensed subject is one the register knows; describe an unlicensed operator otherwise':
      '持证主体须是登记在册的机构；无证经营者请另行描述',
  },
};
