export * from './principal';
export * from './internal-token';
export * from './guard';
export * from './access';
export * from './demo-accounts';
