import { EventDefinition } from '../registry';

/** complaints integration events; each is defineEvent({ type: 'complaints.Name', version, topic, payload }). */
export const complaintsEvents: EventDefinition[] = [];
