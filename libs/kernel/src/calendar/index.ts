export * from './china-date';
export * from './working-day-calendar';
export * from './china-calendar';
