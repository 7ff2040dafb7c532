export { complaintsService } from './complaints.module';
export { seedComplaintsDemo } from './demo/seed-demo';
export { SlaSweep } from './application/sla-sweep/sla-sweep';
export { FileComplaintCommand } from './application/file-complaint/file-complaint.command';
export { ActOnComplaintCommand } from './application/act-on-complaint/act-on-complaint.command';
