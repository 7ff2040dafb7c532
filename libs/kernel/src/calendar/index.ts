export * from './working-day-calendar';
