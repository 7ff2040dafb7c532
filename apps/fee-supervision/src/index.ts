export * from './domain';
export { feeSupervisionService, feeSupervisionEnv } from './fee-supervision.module';
export { seedFeeSupervisionDemo } from './demo/seed-demo';
export { signWebhook } from './application/payments';
