export * from './env';
export * from './database';
export * from './sql';
export * from './processes';
export * from './browser';
export * from './service-client';
export * from './secrets';
export * from './licensing';
