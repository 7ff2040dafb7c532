/**
 * Fee supervision (资金监管) screens: supervised accounts with balances and escrow over time, risk
 * alerts, orders, lessons, refunds, reconciliation runs and the closure playbook.
 *
 * Wiring (lines for the lead; this folder edits no shared file):
 *
 * src/resources.tsx
 *   import { feeAccounts, feeAlerts, feeClosures, feeLessons, feeOrders, feeReconciliations, feeRefunds } from './fees';
 *   // in `registered`, after complaints:
 *   feeAccounts, feeAlerts, feeOrders, feeLessons, feeRefunds, feeReconciliations, feeClosures,
 *
 * src/providers/resources.ts (RESOURCES). The service pages with limit/offset (≤ 500), answers
 * { items, total }, and ignores page/pageSize; fees-data.tsx turns react-admin's pages into
 * limit/offset filters, so maxPageSize must stay the service's 500. Closures come as one array.
 *   'fee-accounts': { url: '/api/fee-supervision/accounts', maxPageSize: 500 },
 *   'fee-alerts': { url: '/api/fee-supervision/alerts', maxPageSize: 500 },
 *   'fee-orders': { url: '/api/fee-supervision/orders', maxPageSize: 500 },
 *   'fee-lessons': { url: '/api/fee-supervision/lessons', maxPageSize: 500 },
 *   'fee-refunds': { url: '/api/fee-supervision/refunds', maxPageSize: 500 },
 *   'fee-reconciliations': { url: '/api/fee-supervision/reconciliation/runs', maxPageSize: 500 },
 *   'fee-closures': { url: '/api/fee-supervision/closures', maxPageSize: 500, unpaged: true },
 *
 * src/auth/permissions.ts
 *   // Action union:
 *   | 'acknowledge' | 'closeAlert' | 'recordLesson' | 'agreeRefund' | 'disputeRefund'
 *   | 'orderRefund' | 'payRefund' | 'reconcile' | 'startClosure' | 'runRefunds'
 *   // MENU, after 'complaints':
 *   'fee-accounts', 'fee-alerts', 'fee-orders', 'fee-lessons', 'fee-refunds', 'fee-reconciliations', 'fee-closures',
 *   // PERMISSIONS['fund-supervisor']:
 *   'fee-accounts': read,
 *   'fee-alerts': [...read, 'acknowledge', 'closeAlert'],
 *   'fee-orders': read,
 *   'fee-lessons': read,
 *   'fee-refunds': [...read, 'orderRefund', 'payRefund'],
 *   'fee-reconciliations': [...read, 'reconcile'],
 *   'fee-closures': [...read, 'startClosure', 'runRefunds'],
 *   // PERMISSIONS['institution-operator'] (the service scopes every list to the operator's institution):
 *   'fee-orders': [...read, 'recordLesson'],
 *   'fee-lessons': read,
 *   'fee-refunds': [...read, 'agreeRefund', 'disputeRefund'],
 *   // PERMISSIONS.viewer:
 *   'fee-accounts': read, 'fee-alerts': read, 'fee-orders': read, 'fee-lessons': read,
 *   'fee-refunds': read, 'fee-reconciliations': read, 'fee-closures': read,
 *
 * src/i18n/zh-CN.ts and en.ts
 *   import { feeMessages } from '../fees/messages';
 *   // appZhCN: resources: { ..., ...feeMessages['zh-CN'].resources }, otr: { ..., fees: feeMessages['zh-CN'].otr.fees }
 *   // appEn:   resources: { ..., ...feeMessages.en.resources },        otr: { ..., fees: feeMessages.en.otr.fees }
 */
export { feeAccounts } from './accounts';
export { feeAlerts } from './alerts';
export { feeOrders } from './orders';
export { feeLessons } from './lessons';
export { feeRefunds } from './refunds';
export { feeReconciliations } from './reconciliations';
export { feeClosures } from './closures';
