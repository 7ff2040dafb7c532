import { z } from 'zod';
import { ContractRegistry, createEvent, defineEvent, SYSTEM_ACTOR } from '@otr/contracts';

/** A test-only contract: a numbered event per institution, to check order and exactly-once effects. */
export const Sequenced = (topic: string) =>
  defineEvent({ type: 'test.Sequenced', version: 1, topic, payload: z.object({ n: z.number().int().nonnegative() }) });

export const testRegistry = (topic: string) => new ContractRegistry([Sequenced(topic)]);

export const sequenced = (topic: string, institutionId: string, n: number) =>
  createEvent(Sequenced(topic), {
    aggregateId: institutionId,
    institutionId,
    payload: { n },
    actor: SYSTEM_ACTOR,
    correlationId: `test-${n}`,
  });

/** The effect table the test consumers write to; no unique key, so a double effect would show. */
export const EFFECTS_DDL = `CREATE TABLE IF NOT EXISTS public.test_effect (event_id uuid NOT NULL, institution_id text NOT NULL, n int NOT NULL)`;
