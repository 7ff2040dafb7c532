/**
 * Fee supervision (资金监管) screens: supervised accounts with balances and escrow over time, risk
 * alerts, orders, lessons, refunds, reconciliation runs and the closure playbook. The service pages
 * with limit/offset (≤ 500) and answers { items, total }; fees-data.tsx turns react-admin's pages
 * into those filters. Grants: auth/permissions.ts (fund supervisor acts, operator answers for its
 * institution, viewer reads); messages: messages.ts.
 */
export { feeAccounts } from './accounts';
export { feeAlerts } from './alerts';
export { feeOrders } from './orders';
export { feeLessons } from './lessons';
export { feeRefunds } from './refunds';
export { feeReconciliations } from './reconciliations';
export { feeClosures } from './closures';
