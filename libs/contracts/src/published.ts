import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { Envelope } from './envelope';
import { contracts } from './events';
import { ContractRegistry, EventDefinition } from './registry';
import { deadLetterTopic, Topics } from './topics';

/**
 * The events as a published contract: the Kafka headers every message carries, one JSON Schema
 * per (event type, version) generated from the zod contracts, and an AsyncAPI 3 document of the
 * topics. `npm run contracts:generate` writes them to libs/contracts (asyncapi.json, schemas/);
 * the gateway serves the same document at /api/asyncapi.
 */

export const EventHeaders = {
  type: 'event-type',
  /** Added in issue #16: older messages on a topic lack it, and the value's `version` is the truth. */
  version: 'event-version',
  correlationId: 'correlation-id',
} as const;

/** The headers the relay puts on every message: readers can route on them without parsing the value. */
export function eventHeaders(
  event: Pick<Envelope, 'type' | 'version' | 'correlationId'>,
): Record<string, string> {
  return {
    [EventHeaders.type]: event.type,
    [EventHeaders.version]: String(event.version),
    [EventHeaders.correlationId]: event.correlationId,
  };
}

export type JsonSchema = Record<string, unknown>;

/** `registration.LicenseIssued.v1`: the schema file's name without `.json`, and the AsyncAPI message id. */
export const eventSchemaName = (def: Pick<EventDefinition, 'type' | 'version'>): string =>
  `${def.type}.v${def.version}`;

// Draft-07: the JSON Schema AsyncAPI 3 names as a schema format, and the one every Java validator reads.
const toJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-07', io: 'output' }) as JsonSchema;

/** The JSON Schema of a message's value (the envelope) for one event type and version. */
export function eventJsonSchema(def: EventDefinition): JsonSchema {
  const envelope = Envelope.extend({
    type: z.literal(def.type),
    version: z.literal(def.version),
    payload: def.payload,
  });
  return { ...toJsonSchema(envelope), title: `${def.type} v${def.version}` };
}

/** Every event's schema by name, in the registry's order. */
export function eventJsonSchemas(registry: ContractRegistry = contracts): Record<string, JsonSchema> {
  return Object.fromEntries(registry.all().map((d) => [eventSchemaName(d), eventJsonSchema(d)]));
}

function headersSchema(def: EventDefinition): JsonSchema {
  return {
    type: 'object',
    properties: {
      [EventHeaders.type]: { type: 'string', const: def.type },
      [EventHeaders.version]: {
        type: 'string',
        const: String(def.version),
        description:
          'Absent on messages published before the header existed: read `version` in the value then.',
      },
      [EventHeaders.correlationId]: { type: 'string', minLength: 1 },
    },
    required: [EventHeaders.type, EventHeaders.correlationId],
  };
}

const KAFKA_BINDING = '0.5.0';
const SCHEMA_FORMAT = 'application/schema+json;version=draft-07';
const contextOf = (topic: string) => Object.entries(Topics).find(([, t]) => t === topic)?.[0] ?? topic;

/** The AsyncAPI 3 document of every topic and event the platform publishes. */
export function asyncApiDocument(registry: ContractRegistry = contracts): Record<string, unknown> {
  const defs = registry.all();
  const topics = [...new Set(defs.map((d) => d.topic))];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const topic of topics) {
    const context = contextOf(topic);
    const ofTopic = defs.filter((d) => d.topic === topic);
    channels[context] = {
      address: topic,
      title: topic,
      description:
        `The ${context} context's integration events. Key: the institution id, so one institution's events ` +
        `keep their order. Contract violations and events a consumer could not apply go to ${deadLetterTopic(topic)}.`,
      messages: Object.fromEntries(
        ofTopic.map((d) => [eventSchemaName(d), { $ref: `#/components/messages/${eventSchemaName(d)}` }]),
      ),
      bindings: {
        kafka: {
          topic,
          partitions: 3,
          topicConfiguration: { 'retention.ms': -1, 'retention.bytes': -1 },
          bindingVersion: KAFKA_BINDING,
        },
      },
    };
    operations[`publish-${context}`] = {
      action: 'send',
      title: `The ${context} service publishes`,
      channel: { $ref: `#/channels/${context}` },
      messages: ofTopic.map((d) => ({ $ref: `#/channels/${context}/messages/${eventSchemaName(d)}` })),
    };
    for (const d of ofTopic) {
      const name = eventSchemaName(d);
      schemas[name] = eventJsonSchema(d);
      messages[name] = {
        name: d.type,
        title: `${d.type} v${d.version}`,
        contentType: 'application/json',
        headers: { schemaFormat: SCHEMA_FORMAT, schema: headersSchema(d) },
        payload: { schemaFormat: SCHEMA_FORMAT, schema: { $ref: `#/components/schemas/${name}` } },
        bindings: {
          kafka: { key: { type: 'string', description: 'institution id' }, bindingVersion: KAFKA_BINDING },
        },
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OTR integration events',
      version: '1.0.0',
      description:
        'Every integration event the OTR services publish to Kafka. The value is a JSON envelope whose `type` and ' +
        '`version` name its schema; a breaking change is a new version, published beside the old one until consumers ' +
        'move. Guide for consumers: docs/integration.md, "Reading the events".',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas },
  };
}

/**
 * What differs between the schemas generated from zod and the committed files (both by name):
 * a changed schema under an unchanged version is a breaking change in disguise.
 */
export function schemaDrift(
  generated: Record<string, JsonSchema>,
  committed: Record<string, JsonSchema>,
): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(generated)) {
    const file = `libs/contracts/schemas/${name}.json`;
    if (!(name in committed))
      problems.push(`${name}: no committed schema; run npm run contracts:generate and commit ${file}`);
    else if (!isDeepStrictEqual(schema, committed[name]))
      problems.push(
        `${name}: its schema changed but its version did not; bump the version of ${name.replace(/\.v\d+$/, '')} ` +
          `(a new contract beside the old one) or revert the change (${file})`,
      );
  }
  for (const name of Object.keys(committed))
    if (!(name in generated))
      problems.push(
        `${name}: committed schema without a contract; run npm run contracts:generate to remove it`,
      );
  return problems;
}
