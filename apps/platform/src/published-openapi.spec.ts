import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformDocument } from './openapi-document';

const committed = () =>
  JSON.parse(readFileSync(join(__dirname, '../../../libs/contracts/openapi.json'), 'utf8')) as unknown;

describe('the committed OpenAPI document (libs/contracts/openapi.json)', () => {
  it('is the one the controllers and their zod schemas generate', async () => {
    // On failure: `npm run contracts:generate` and commit libs/contracts/openapi.json (and say in
    // the commit whether the change breaks clients: docs/integration.md, Versioning).
    expect(committed()).toEqual(JSON.parse(JSON.stringify(await platformDocument())));
  });

  it('documents every route under /api/v1 with its refusals as problem+json', async () => {
    const doc = await platformDocument();
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    for (const { path, op } of operations) {
      expect(path).toMatch(/^\/api\/v1\//);
      expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true);
      expect(op.responses['429']).toEqual({ $ref: '#/components/responses/429' });
    }
  });

  it('asks for the roles the controller names, and no sign-in on public routes', async () => {
    const doc = await platformDocument();
    const approve = doc.paths['/api/v1/registration/applications/{id}/approve'].post;
    expect(approve.security).toEqual([{ bearer: [] }]);
    expect(approve['x-roles']).toEqual(['approver']);
    expect(approve.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    const search = doc.paths['/api/v1/public/institutions'].get;
    expect(search.security).toEqual([]);
    expect(search.responses['401']).toBeUndefined();
  });

  it('describes a request body from the zod schema its ZodPipe validates', async () => {
    const doc = await platformDocument();
    const submit = doc.paths['/api/v1/registration/applications'].post;
    const schema = (submit.requestBody as { content: Record<string, { schema: Record<string, unknown> }> })
      .content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', properties: { institutionName: { type: 'string' } } });
    expect(schema.required).toEqual(expect.arrayContaining(['institutionName', 'district', 'venue']));
  });
});
