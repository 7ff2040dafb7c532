import { EventDefinition } from '../registry';

/** inspection integration events; each is defineEvent({ type: 'inspection.Name', version, topic, payload }). */
export const inspectionEvents: EventDefinition[] = [];
