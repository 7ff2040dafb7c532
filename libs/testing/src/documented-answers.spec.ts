import { undocumentedAnswer } from './documented-answers';

/** A service publishing one document: GET /licenses/{id} answers a License or a problem. */
const document = {
  paths: {
    '/licenses/{id}': {
      get: {
        operationId: 'registration.LicensesController.get',
        responses: {
          '200': {
            description: 'The license.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'status'],
                  properties: { id: { type: 'string' }, status: { enum: ['active', 'revoked'] } },
                },
              },
            },
          },
          '404': { $ref: '#/components/responses/404' },
        },
      },
    },
    '/licenses/count': {
      get: {
        operationId: 'registration.LicensesController.count',
        responses: {
          '200': { description: 'n', content: { 'application/json': { schema: { type: 'integer' } } } },
        },
      },
    },
  },
  components: {
    responses: {
      '404': {
        description: 'none',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: { Problem: { type: 'object', required: ['type', 'title', 'status'] } },
  },
};

let origin = 0;
/** Each case gets its own origin, so the cached document is the one given. */
const answer = (path: string, status: number, body: unknown, type = 'application/json') =>
  undocumentedAnswer(
    `http://127.0.0.1:${++origin}${path}`,
    'GET',
    status,
    type,
    async () => JSON.stringify(body),
    (async (url: string) =>
      url.endsWith('/openapi.json')
        ? new Response(JSON.stringify(document), { headers: { 'content-type': 'application/json' } })
        : new Response('', { status: 404 })) as typeof fetch,
  );

describe('holding an answer to the document its server publishes', () => {
  it('passes an answer whose status and body the operation documents', async () => {
    expect(await answer('/licenses/7', 200, { id: '7', status: 'active' })).toBeUndefined();
  });

  it('fails a status the operation does not document, naming it and the documented ones', async () => {
    expect(await answer('/licenses/7', 409, {})).toMatch(
      /GET \/licenses\/7 \(registration\.LicensesController\.get\) answered 409, .* documents 200, 404/,
    );
  });

  it('fails a body the documented schema refuses, naming the property', async () => {
    expect(await answer('/licenses/7', 200, { id: '7', status: 'lapsed' })).toMatch(
      /body\/status must be equal to one of/,
    );
  });

  it('follows a shared problem response to its schema', async () => {
    expect(await answer('/licenses/7', 404, { title: 'x' }, 'application/problem+json')).toMatch(
      /must have required property 'type'/,
    );
  });

  it('matches a literal path before a parameter, and leaves routes it does not know alone', async () => {
    expect(await answer('/licenses/count', 200, 3)).toBeUndefined();
    expect(await answer('/health/live', 200, {})).toBeUndefined();
  });
});
