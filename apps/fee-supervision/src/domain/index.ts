// The pure domain of fee supervision (预收费监管): no I/O; every parameter comes in as FeeRules.
export * from './errors';
export * from './fee-rules';
export * from './order';
export * from './ledger';
export * from './charge-caps';
export * from './lesson-release';
export * from './refunds';
export * from './training-times';
export * from './risk-alerts';
export * from './closure';
export * from './rating';
export * from './bank-payments';
export { daysBetween } from './dates';
export * from './alert-lifecycle';
export * from './reserve-standing';
