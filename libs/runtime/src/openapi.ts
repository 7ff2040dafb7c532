import { z } from 'zod';
import type { ApiOperation, ParamRule } from './api-operations';
import { PROBLEM_BASE, PROBLEM_MEDIA_TYPE } from './problem';

/** The parts of an OpenAPI 3.1 document this module writes; JSON Schema is 2020-12 throughout. */
export type JsonSchema = Record<string, unknown>;
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
  security: Record<string, string[]>[];
  'x-roles'?: string[];
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
  };
}

/** The API's version: the /api/v1 prefix and the document's info.version move together. */
export const API_VERSION = '1.0.0';

/** RFC 9457 problem details: the one shape of every refusal, as ./problem.ts writes it. */
const PROBLEM: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; title and detail in zh-CN or English by Accept-Language.',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: `A stable URI per problem code: ${PROBLEM_BASE}<code>.`,
    },
    title: { type: 'string', examples: ['请求参数不符合要求'] },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', examples: ['name: 至少 2 个字符'] },
    instance: { type: 'string', description: 'The request path.' },
    code: {
      type: 'string',
      description: 'The machine code of the problem.',
      examples: ['validation-failed'],
    },
    retryAfterSeconds: {
      type: 'integer',
      description: 'On a 429: how long to wait, as Retry-After says too.',
    },
    errors: {
      type: 'array',
      description: 'Each field the request got wrong, with the rule it broke and the rule’s legal source.',
      items: {
        type: 'object',
        required: ['field', 'rule'],
        properties: {
          field: { type: 'string', examples: ['staff.0.idNumber'] },
          rule: { type: 'string', examples: ['18 位公民身份号码，校验码正确（GB 11643）'] },
          source: { type: 'string', description: 'The law, regulation or standard the rule comes from.' },
        },
      },
    },
  },
};

/** The refusals every route can give, by status, as shared responses. */
const PROBLEMS: Record<string, string> = {
  '400': 'The request broke a rule: each field is named with the rule in `errors`.',
  '401':
    'No valid access token (sign in at /api/v1/auth/login), or a public route’s own access code is wrong.',
  '403': 'The caller’s role or jurisdiction may not do this.',
  '404': 'No such record, or none the caller may see.',
  '409': 'The record changed meanwhile or is in a state that does not allow this.',
  '413': 'The body is larger than the route accepts.',
  '415': 'The body is in an encoding or character set the API does not read (send UTF-8 JSON).',
  '422': 'The request is well formed but a domain rule refuses it (the rule and its source are named).',
  '423': 'The account is locked after repeated failed sign-ins; retry after the Retry-After header.',
  '429': 'Too many requests; retry after the Retry-After header.',
  '503': 'The database is unavailable for a moment; retry after the Retry-After header.',
};

const problemResponse = (description: string): JsonSchema => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** A zod schema as an embeddable JSON Schema: what it accepts (input) or what it gives (output). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema;
  return rest;
}

function paramSchema(rule: ParamRule): JsonSchema {
  if (rule.kind === 'uuid') return { type: 'string', format: 'uuid' };
  if (rule.kind === 'schema') return jsonSchemaOf(rule.schema, 'input');
  return { type: 'string' };
}

/** `ApplicationsController.listFilings` → "Applications: list filings". */
function summaryOf(handler: string): string {
  const [controller, method] = handler.split('.');
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words(controller.replace(/Controller$/, '')).replace(/^./, (c) => c.toUpperCase())}: ${words(method)}`;
}

/** A query validated as one object becomes one parameter per property, as clients send them. */
function queryParameters(op: ApiOperation): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  if (op.query) {
    const schema = jsonSchemaOf(op.query, 'input');
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...propertySchema } = property;
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        schema: propertySchema,
        ...(description ? { description } : {}),
      });
    }
  }
  for (const [name, rule] of Object.entries(op.queryParams))
    parameters.push({ name, in: 'query', required: false, schema: paramSchema(rule) });
  return parameters;
}

function requestBody(op: ApiOperation): JsonSchema | undefined {
  if (!op.body && !op.files) return undefined;
  const schema = op.body ? jsonSchemaOf(op.body, 'input') : { type: 'object', properties: {} };
  if (!op.files) return { required: true, content: { 'application/json': { schema } } };
  const form = {
    ...schema,
    properties: {
      ...(schema.properties as JsonSchema),
      [op.files.field]: {
        type: 'array',
        maxItems: op.files.max,
        items: { type: 'string', contentMediaType: 'application/octet-stream' },
      },
    },
  };
  return { required: true, content: { 'multipart/form-data': { schema: form } } };
}

function successResponse(op: ApiOperation): JsonSchema {
  const answer = op.answer;
  const description = answer?.description ?? (op.status === 204 ? 'Done; no body.' : 'Done.');
  if (op.status === 204) return { description };
  const mediaType = answer?.mediaType ?? 'application/json';
  return {
    description,
    content: {
      // A file or CSV without a schema of its own is text or bytes of that media type.
      [mediaType]: {
        schema: answer?.schema
          ? jsonSchemaOf(answer.schema, 'output')
          : mediaType.endsWith('json')
            ? {}
            : { type: 'string', contentMediaType: mediaType },
      },
      // The same answer in another media type: text (CSV) or bytes, not the JSON schema.
      ...Object.fromEntries((answer?.alsoAs ?? []).map((m) => [m, { schema: { type: 'string' } }])),
    },
  };
}

/** The refusals one operation can give, from what it validates and who may call it. */
function errorStatuses(op: ApiOperation): string[] {
  // Every request's path and query are checked before any route runs (NUL, undecodable escapes,
  // nesting), so any route can answer 400; a body sent to any write is read by the body parsers.
  const statuses = ['400'];
  if (op.access !== 'public') statuses.push('401', '403');
  // A command may name records in its body as well as its path (an institution, violations).
  if (Object.keys(op.params).length || op.method !== 'GET') statuses.push('404');
  if (op.method !== 'GET') statuses.push('409', '413', '415', '422');
  // A query a domain rule refuses (a date range the calendar cannot hold) is a 422 on a read too.
  if (op.query || Object.keys(op.queryParams).length) statuses.push('422');
  statuses.push('429', '503', ...op.refuses.map(String));
  return [...new Set(statuses)].sort();
}

/**
 * Refusals given before a route runs — the rate limit, the database away, the body parsers — are
 * always problem+json, whatever shape the route itself refuses in.
 */
const SHARED_ONLY = ['413', '415', '429', '503'];

/** A refusal: the shared problem+json response, or the route's own shape (@RefusesAs). */
function refusal(op: ApiOperation, status: string): JsonSchema {
  if (!op.refusesAs || SHARED_ONLY.includes(status)) return { $ref: `#/components/responses/${status}` };
  const own = { [op.refusesAs.mediaType]: { schema: jsonSchemaOf(op.refusesAs.schema, 'output') } };
  // A 400 may come before the route too: a NUL in the query, a body that is not JSON.
  const before =
    status === '400' ? { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } : {};
  return { description: PROBLEMS[status] ?? 'Refused.', content: { ...own, ...before } };
}

function operationOf(op: ApiOperation): OpenApiOperation {
  const roles = Array.isArray(op.access) ? op.access : undefined;
  const parameters = [
    ...Object.entries(op.params).map(([name, rule]) => ({
      name,
      in: 'path',
      required: true,
      schema: paramSchema(rule),
    })),
    ...queryParameters(op),
    ...op.headers.map((name) => ({ name, in: 'header', required: false, schema: { type: 'string' } })),
  ];
  const body = requestBody(op);
  return {
    operationId: `${op.service}.${op.handler}`,
    summary: summaryOf(op.handler),
    ...(roles
      ? { description: `Roles: ${roles.join(', ')}.` }
      : op.access === 'public'
        ? { description: 'Public: no sign-in.' }
        : {}),
    tags: [op.service],
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(op.status)]: successResponse(op),
      ...Object.fromEntries(errorStatuses(op).map((s) => [s, refusal(op, s)])),
    },
    security: op.access === 'public' ? [] : [{ bearer: [] }],
    ...(roles ? { 'x-roles': roles } : {}),
  };
}

/** `/applications/:id/approve` → `/applications/{id}/approve`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** An OpenAPI 3.1 document of the operations, from the same zod schemas that validate them. */
export function openApiDocument(
  title: string,
  operations: ApiOperation[],
  description = `The ${title} routes.`,
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations)
    (paths[openApiPath(op.path)] ??= {})[op.method.toLowerCase()] = operationOf(op);
  return {
    openapi: '3.1.0',
    info: {
      title,
      version: API_VERSION,
      description,
    },
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The access token from POST /api/v1/auth/login.',
        },
      },
      responses: Object.fromEntries(Object.entries(PROBLEMS).map(([s, d]) => [s, problemResponse(d)])),
    },
  };
}
