import { ContractRegistry } from '../registry';
import { complaintsEvents } from './complaints';
import { feesEvents } from './fees';
import { inspectionEvents } from './inspection';
import { registrationEvents } from './registration';

export * from './common';
export * from './registration';
export * from './inspection';
export * from './fees';
export * from './complaints';

/** Every integration event the platform knows; services validate against this on publish and consume. */
export const contracts = new ContractRegistry([
  ...registrationEvents,
  ...inspectionEvents,
  ...feesEvents,
  ...complaintsEvents,
]);
