export * from './domain-error';
export * from './money';
export * from './ids';
export * from './clock';
export * from './calendar';
export * from './csv';
export * from './resident-id-number';
export * from './public-text';
