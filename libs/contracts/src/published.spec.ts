import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contracts, LicenseIssued } from './events';
import {
  asyncApiDocument,
  eventHeaders,
  eventJsonSchema,
  eventJsonSchemas,
  JsonSchema,
  schemaDrift,
} from './published';
import { ContractRegistry, defineEvent } from './registry';

const root = join(__dirname, '..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
const committedSchemas = (): Record<string, JsonSchema> =>
  Object.fromEntries(
    readdirSync(join(root, 'schemas'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -'.json'.length), readJson(join(root, 'schemas', f))]),
  );

describe('the committed event contract (libs/contracts/schemas, asyncapi.json)', () => {
  it('holds exactly the schemas the zod contracts generate: a payload change needs a new version', () => {
    // On failure: bump the event's version (a new contract beside the old one) or revert, then
    // `npm run contracts:generate` and commit libs/contracts/schemas and asyncapi.json.
    expect(schemaDrift(eventJsonSchemas(), committedSchemas())).toEqual([]);
  });

  it('holds the AsyncAPI document the contracts generate', () => {
    expect(readJson(join(root, 'asyncapi.json'))).toEqual(asyncApiDocument());
  });
});

describe('the drift check', () => {
  const v1 = defineEvent({
    type: 'test.Thing',
    version: 1,
    topic: 'otr.test',
    payload: z.object({ name: z.string() }),
  });
  const generate = (...defs: (typeof v1 | ReturnType<typeof defineEvent>)[]) =>
    eventJsonSchemas(new ContractRegistry(defs));
  const committed = generate(v1);

  it('passes when nothing changed', () => {
    expect(schemaDrift(generate(v1), committed)).toEqual([]);
  });

  it('fails a payload change under the same version, naming the event and asking to bump or revert', () => {
    const changed = { ...v1, payload: z.object({ name: z.string(), age: z.number() }) };
    expect(schemaDrift(generate(changed), committed)).toEqual([
      expect.stringMatching(/^test\.Thing\.v1: .*changed.*bump the version of test\.Thing .*or revert/),
    ]);
  });

  it('fails a tightened rule too: an optional field made required is a breaking change', () => {
    const before = { ...v1, payload: z.object({ name: z.string(), note: z.string().optional() }) };
    const after = { ...v1, payload: z.object({ name: z.string(), note: z.string() }) };
    expect(schemaDrift(generate(after), generate(before))).toHaveLength(1);
  });

  it('asks for the files of a new version or a new event to be committed', () => {
    const v2 = { ...v1, version: 2, payload: z.object({ name: z.string(), age: z.number() }) };
    expect(schemaDrift(generate(v1, v2), committed)).toEqual([
      expect.stringMatching(
        /^test\.Thing\.v2: no committed schema; run npm run contracts:generate and commit/,
      ),
    ]);
  });

  it('names a committed schema whose contract is gone', () => {
    expect(schemaDrift({}, committed)).toEqual([
      expect.stringMatching(/^test\.Thing\.v1: committed schema without a contract/),
    ]);
  });
});

describe('an event’s JSON Schema', () => {
  const schema = eventJsonSchema(LicenseIssued);

  it('is the envelope with its type and version fixed and its payload’s schema', () => {
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        type: { const: 'registration.LicenseIssued' },
        version: { const: 1 },
        payload: { type: 'object', required: expect.arrayContaining(['licenseId', 'institutionName']) },
      },
      required: expect.arrayContaining(['id', 'type', 'version', 'occurredAt', 'institutionId', 'payload']),
    });
  });
});

describe('the AsyncAPI document', () => {
  const doc = asyncApiDocument() as {
    asyncapi: string;
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    components: { messages: Record<string, { name: string; headers: { schema: JsonSchema } }> };
  };

  it('is AsyncAPI 3 with one channel per topic and every contract as a message', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual([...new Set(contracts.all().map((d) => d.topic))].sort());
    const inChannels = Object.values(doc.channels).flatMap((c) => Object.keys(c.messages));
    expect(inChannels.sort()).toEqual(
      contracts
        .all()
        .map((d) => `${d.type}.v${d.version}`)
        .sort(),
    );
  });

  it('declares the headers the relay sends, the version header among them', () => {
    const headers = doc.components.messages['registration.LicenseIssued.v1'].headers.schema;
    expect(Object.keys(headers.properties as object).sort()).toEqual(
      Object.keys(
        eventHeaders({ type: 'registration.LicenseIssued', version: 1, correlationId: 'c' }),
      ).sort(),
    );
    expect(headers).toMatchObject({ properties: { 'event-version': { const: '1' } } });
  });
});

describe('the message headers', () => {
  it('carry the event’s type, version and correlation id', () => {
    expect(eventHeaders({ type: 'inspection.PenaltyImposed', version: 2, correlationId: 'c-9' })).toEqual({
      'event-type': 'inspection.PenaltyImposed',
      'event-version': '2',
      'correlation-id': 'c-9',
    });
  });
});
