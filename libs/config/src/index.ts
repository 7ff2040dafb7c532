export * from './errors';
export * from './secrets';
export * from './local-secrets';
