export * from './topics';
export * from './envelope';
export * from './registry';
export * from './events';
export * from './create-event';
export * from './violation-codes';
export * from './published';
