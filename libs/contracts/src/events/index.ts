import { ContractRegistry } from '../registry';
import { registrationEvents } from './registration';

export * from './common';
export * from './registration';

/** Every integration event the platform knows; services validate against this on publish and consume. */
export const contracts = new ContractRegistry([...registrationEvents]);
