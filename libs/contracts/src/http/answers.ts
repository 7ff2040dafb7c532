import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi';

/**
 * Types of the HTTP API for its TypeScript clients (the console, the portal), read from the
 * generated openapi.ts — itself generated from the zod schemas the services validate and answer
 * with — so a client never copies a service's type or enum.
 */
export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** What a route answers on success: its 200 or 201 JSON body. */
export type ApiAnswer<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R }
    ? JsonOf<R[200 & keyof R]> | JsonOf<R[201 & keyof R]>
    : never;

/** One item of a list route's `{ items, total }` answer. */
export type ApiItem<P extends ApiPath> = ApiAnswer<P> extends { items: (infer I)[] } ? I : never;

/** The JSON body a route accepts. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters a route reads. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type ApiClient = Client<paths>;

/** A typed client of the gateway (openapi-fetch) over the caller's own fetch (sign-in, language). */
export const createApiClient = (fetch: (request: Request) => Promise<Response>, baseUrl = ''): ApiClient =>
  createClient<paths>({ baseUrl, fetch });
