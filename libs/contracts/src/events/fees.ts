import { EventDefinition } from '../registry';

/** fees integration events; each is defineEvent({ type: 'fees.Name', version, topic, payload }). */
export const feesEvents: EventDefinition[] = [];
