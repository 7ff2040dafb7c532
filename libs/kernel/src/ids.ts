import { randomUUID } from 'node:crypto';

/** A random (version 4) UUID for aggregates, events and documents. */
export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Any RFC 9562 UUID (versions 1–8), so ids minted elsewhere (e.g. by PostgreSQL) are accepted too. */
export const isUuid = (value: string): boolean => UUID.test(value);
