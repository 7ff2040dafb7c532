import {
  ParseEnumPipe,
  ParseUUIDPipe,
  RequestMethod,
  SetMetadata,
  type INestApplication,
  type PipeTransform,
} from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { z } from 'zod';
import { PUBLIC, ROLES, type Role } from '@otr/auth';
import { ZodPipe } from './validation';

/** What a path or named query parameter accepts, as far as its pipes say. */
export type ParamRule = { kind: 'uuid' } | { kind: 'schema'; schema: z.ZodType } | { kind: 'text' };

/** What a route answers on success, when it says so with @Returns. */
export interface Answer {
  schema?: z.ZodType;
  /** A media type other than JSON (text/csv, a stored file). */
  mediaType?: string;
  /** Other media types the same route answers in, by the request (the CSV beside a JSON list). */
  alsoAs?: string[];
  description: string;
}

/** A body a handler reads itself (a multipart form with files) rather than through a ZodPipe. */
export interface AcceptedBody {
  schema: z.ZodType;
  /** The multipart field that carries files, when the body is a form with uploads. */
  files?: { field: string; max: number };
}

const RETURNS = 'otr.api.returns';
const ACCEPTS = 'otr.api.accepts';
const REFUSES = 'otr.api.refuses';
const REFUSES_AS = 'otr.api.refuses-as';

/**
 * The answer a route gives, for the OpenAPI document and the response checks of the tests:
 * `@Returns(License)` or `@Returns({ mediaType: 'text/csv', description: '...' })`.
 */
export const Returns = (answer: z.ZodType | Partial<Answer>) =>
  SetMetadata(RETURNS, answer instanceof z.ZodType ? { schema: answer } : answer);

/**
 * Refusals a route gives beyond those its metadata implies (see openapi.ts errorStatuses): a public
 * route that checks its own access code answers 401 or 403, a locked account 423.
 */
export const Refuses = (...statuses: number[]) => SetMetadata(REFUSES, statuses);

/**
 * A controller (or route) whose refusals follow another standard's shape than problem+json: the
 * Open311 GeoReport v2 API answers its errors as `[{ code, description }]` in application/json.
 */
export const RefusesAs = (schema: z.ZodType, mediaType = 'application/json') =>
  SetMetadata(REFUSES_AS, { schema, mediaType });

/** The body of a route that parses its own (a multipart form): its schema and file field. */
export const Accepts = (body: AcceptedBody) => SetMetadata(ACCEPTS, body);

/**
 * One route of a service as its controller declares it: the zod schemas its ZodPipes validate
 * the body and the query with, the rules of its path and query parameters, its answer and who its
 * guard lets in.
 */
export interface ApiOperation {
  service: string;
  method: string;
  /** The service's own path, with :params. */
  path: string;
  handler: string;
  body?: z.ZodType;
  /** The multipart field carrying files, when the body is a form with uploads. */
  files?: { field: string; max: number };
  query?: z.ZodType;
  /** Query parameters a handler reads one by one (`@Query('q')`). */
  queryParams: Record<string, ParamRule>;
  params: Record<string, ParamRule>;
  /** Request headers it reads (`@Headers('idempotency-key')`). */
  headers: string[];
  /** The success status: @HttpCode's, else Nest's default (201 for POST, 200 otherwise). */
  status: number;
  answer?: Answer;
  /** Refusals declared with @Refuses. */
  refuses: number[];
  /** The shape of its refusals when not problem+json (@RefusesAs). */
  refusesAs?: { schema: z.ZodType; mediaType: string };
  /** 'public' for @Public(), the @Roles() list, or 'signed-in' (any principal). */
  access: Role[] | 'public' | 'signed-in';
}

const METHOD_NAMES: Record<number, string> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.HEAD]: 'HEAD',
};

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: (PipeTransform | (new (...a: unknown[]) => PipeTransform))[];
}

/** ZodPipe keeps its schema private; the registry reads it so the document follows the code. */
const schemaOf = (pipes: RouteArg['pipes'] = []) =>
  pipes.find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe)?.['schema' as keyof ZodPipe<z.ZodType>] as
    z.ZodType | undefined;

function paramRule(pipes: RouteArg['pipes'] = []): ParamRule {
  if (pipes.some((p) => p === ParseUUIDPipe || p instanceof ParseUUIDPipe)) return { kind: 'uuid' };
  const schema = schemaOf(pipes);
  if (schema) return { kind: 'schema', schema };
  const en = pipes.find((p): p is ParseEnumPipe => p instanceof ParseEnumPipe);
  if (en) {
    const values = Object.values((en as unknown as { enumType: Record<string, string> }).enumType);
    return { kind: 'schema', schema: z.enum(values as [string, ...string[]]) };
  }
  return { kind: 'text' };
}

const join = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
const first = (p: unknown): string => (Array.isArray(p) ? String(p[0] ?? '') : String(p ?? ''));

/** Every route of every controller Nest has in the app, read from the decorators' metadata. */
export function discoverOperations(service: string, app: INestApplication): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => object) | undefined;
      if (!type) continue;
      const base = first(Reflect.getMetadata(PATH_METADATA, type));
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const fn = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const verb = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as unknown;
        if (verb === undefined || sub === undefined || !METHOD_NAMES[verb]) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, RouteArg>;
        const method = METHOD_NAMES[verb];
        const accepted = Reflect.getMetadata(ACCEPTS, fn) as AcceptedBody | undefined;
        const op: ApiOperation = {
          service,
          method,
          path: join(base, first(sub)),
          handler: `${type.name}.${name}`,
          body: accepted?.schema,
          files: accepted?.files,
          params: {},
          queryParams: {},
          headers: [],
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ??
            (method === 'POST' ? 201 : 200),
          answer: Reflect.getMetadata(RETURNS, fn) as Answer | undefined,
          refuses: (Reflect.getMetadata(REFUSES, fn) as number[] | undefined) ?? [],
          refusesAs: (Reflect.getMetadata(REFUSES_AS, fn) ??
            Reflect.getMetadata(REFUSES_AS, type)) as ApiOperation['refusesAs'],
          access: 'signed-in',
        };
        for (const [key, arg] of Object.entries(args)) {
          const paramtype = Number(key.split(':')[0]);
          const named = typeof arg.data === 'string' ? arg.data : undefined;
          if (paramtype === RouteParamtypes.BODY && !named) op.body = schemaOf(arg.pipes) ?? op.body;
          if (paramtype === RouteParamtypes.QUERY && !named) op.query = schemaOf(arg.pipes) ?? op.query;
          if (paramtype === RouteParamtypes.QUERY && named) op.queryParams[named] = paramRule(arg.pipes);
          if (paramtype === RouteParamtypes.PARAM && named) op.params[named] = paramRule(arg.pipes);
          if (paramtype === RouteParamtypes.HEADERS && named) op.headers.push(named);
        }
        for (const m of op.path.matchAll(/:(\w+)/g)) op.params[m[1]] ??= { kind: 'text' };
        const isPublic = Reflect.getMetadata(PUBLIC, fn) ?? Reflect.getMetadata(PUBLIC, type);
        const roles = (Reflect.getMetadata(ROLES, fn) ?? Reflect.getMetadata(ROLES, type)) as
          Role[] | undefined;
        op.access = isPublic ? 'public' : (roles ?? 'signed-in');
        operations.push(op);
      }
    }
  }
  return operations;
}
