/**
 * The words of the application screens added with the correction loop and the work queue's
 * deadlines, in react-admin's key layout (the rest is in i18n/zh-CN.ts and en.ts). Both languages
 * have the same keys: zh-CN is typed from en. Pure module: no react-admin import.
 */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en = {
  resources: {
    applications: {
      fields: { deadlines: 'Deadlines', corrections: 'Items to correct' },
    },
  },
  otr: {
    workQueue: {
      decisionOverdue: 'Decision overdue',
      opinionOverdue: '%{department} opinion overdue',
      opinionPending: 'Awaiting %{department}',
      overdue: 'Overdue',
    },
    correction: {
      items: 'Items to correct',
      addItem: 'Add an item',
      field: 'Item',
      reason: 'Reason',
      resubmit: 'Correct and resubmit',
      title: 'Correct the returned application',
      hint: 'The approver returned the application for the items below. Correct them and submit again: every licensing rule is checked again.',
      keepIdNumber: 'Filed as %{masked}; leave blank to keep it',
      resubmitted: 'Resubmitted for review',
    },
  },
} as const;

const zh: Shape<typeof en> = {
  resources: {
    applications: {
      fields: { deadlines: '办理期限', corrections: '补正事项' },
    },
  },
  otr: {
    workQueue: {
      decisionOverdue: '审批决定超期',
      opinionOverdue: '%{department}意见超期',
      opinionPending: '待%{department}意见',
      overdue: '超期',
    },
    correction: {
      items: '补正事项',
      addItem: '添加事项',
      field: '事项',
      reason: '理由',
      resubmit: '补正后重新提交',
      title: '补正退回的申请',
      hint: '审批部门就以下事项退回补正。请逐项修改后重新提交，所有许可条件将重新审查。',
      keepIdNumber: '已备案：%{masked}，不变更可留空',
      resubmitted: '已重新提交审查',
    },
  },
};

export const applicationMessages = { 'zh-CN': zh, en };
