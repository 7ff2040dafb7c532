export { inspectionService } from './inspection.module';

export { VIOLATION_CODES } from './domain/violation';
export { PENALTY_TYPES } from './domain/penalty';
export { DRAW_ALGORITHM, drawSpotCheck, mulberry32 } from './domain/spot-check';
export { seedInspectionDemo } from './demo/seed-demo';
