import { Agent } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware, fixRequestBody, RequestHandler } from 'http-proxy-middleware';
import { PRINCIPAL_HEADER, signPrincipal, WithPrincipal } from '@otr/auth';
import { currentContext } from '@otr/messaging';
import { CORRELATION_HEADER, METRICS_ROUTE_LOCAL, ROUTE_TEMPLATE_HEADER, sendProblem } from '@otr/runtime';
import { authorize, GATEWAY_LOCAL, RouteRule, ServiceName } from '../domain/access-policy';
import { PublicCache } from './public-cache';
import { parseUpstreams, Upstreams } from './upstreams';

const DEFAULT_PORTS: Record<ServiceName, number> = {
  registration: 3001,
  directory: 3002,
  inspection: 3003,
  'fee-supervision': 3004,
  complaints: 3005,
};

const upstreams = new Map<string, Upstreams>();

/** A service's instances, from `<SERVICE>_URL` (one or several, comma-separated). */
export function serviceUpstreams(service: ServiceName, env = process.env): Upstreams {
  const value =
    env[`${service.toUpperCase().replace(/-/g, '_')}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`;
  // Keyed by the setting, so a changed environment (tests start platforms on new ports) is seen.
  const key = `${service}=${value}`;
  let found = upstreams.get(key);
  if (!found) upstreams.set(key, (found = new Upstreams(parseUpstreams(value))));
  return found;
}

/** One instance of the service, in turn among the healthy ones. */
export const serviceUrl = (service: ServiceName, env = process.env) => serviceUpstreams(service, env).pick();

/** Errors that say the instance never took the request: another one may. */
const NOT_REACHED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET']);
/** Methods safe to send again to another instance (their bodies, if any, are not re-readable). */
const RETRYABLE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers a service trusts: the caller signed into x-otr-principal, and the correlation id. */
export function serviceHeaders(signedPrincipal: string | undefined): Record<string, string> {
  const correlationId = currentContext()?.correlationId;
  return {
    ...(signedPrincipal ? { [PRINCIPAL_HEADER]: signedPrincipal } : {}),
    ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}),
  };
}

/**
 * What a service is sent in place of the client's own headers: never the client's x-otr-principal
 * or bearer token, always the principal the gateway signed for that service. Rewritten on the
 * incoming request, before the proxy builds its outgoing one: a request with `Expect: 100-continue`
 * (curl sends it for bodies over 1 MB) has its headers sent by Node's ClientRequest as soon as it is
 * built, so a rewrite in the proxy's proxyReq hook came too late and the client's headers went
 * through. The gateway has already answered 100 Continue itself; the hop to the service needs none.
 */
export function rewriteHeaders(req: Request, signedPrincipal: string | undefined): void {
  delete req.headers[PRINCIPAL_HEADER];
  delete req.headers.authorization;
  delete req.headers.expect;
  Object.assign(req.headers, serviceHeaders(signedPrincipal));
  // The address the gateway saw, for per-client quotas (public uploads); a client's own is replaced.
  req.headers[CLIENT_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The caller's address as the gateway saw it (services use it for per-client quotas only). */
export const CLIENT_HEADER = 'x-otr-client';

/**
 * Whether a service path would land on fee supervision's bank callback (/bank/…) once the service
 * decodes and normalises it: percent-encoding (repeated), backslashes, doubled slashes, dot segments
 * and case are undone first, so /x/..//%42ank/webhooks is caught like /bank/webhooks.
 */
export function reachesBankCallback(servicePath: string): boolean {
  let path = servicePath.split('?')[0];
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(path);
      if (decoded === path) break;
      path = decoded;
    } catch {
      return true; // undecodable: not a path any honest caller sends
    }
  }
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  const normalised = new URL(
    path.startsWith('/') ? path : `/${path}`,
    'http://service',
  ).pathname.toLowerCase();
  return normalised === '/bank' || normalised.startsWith('/bank/');
}

type Routed = WithPrincipal & {
  otrTarget?: string;
  otrService?: ServiceName;
  /** Set once the request has been sent again to another instance. */
  otrRetried?: boolean;
  otrPath?: string;
  /** A public route: its answer may be kept by the shared cache. */
  otrPublic?: boolean;
  otrRule?: RouteRule;
};

/**
 * Routes /api/<service>/… to the owning service after the access policy allows it, with the
 * caller signed into x-otr-principal (services trust only that) and the correlation id. Answers of
 * public routes that their service marks cacheable come from the shared cache while fresh.
 */
export function serviceProxy(cache = new PublicCache()) {
  const proxy: RequestHandler<Request, Response> = createProxyMiddleware<Request, Response>({
    router: (req) => (req as Routed).otrTarget!,
    pathRewrite: (_path, req) => (req as Routed).otrPath!,
    changeOrigin: true,
    // Reused connections to the services: without an agent every proxied request opened (and
    // closed) its own, which cost more than half the throughput of a cheap public endpoint.
    agent: new Agent({ keepAlive: true }),
    proxyTimeout: 30_000,
    on: {
      proxyRes: (proxyRes, req, res) => {
        // Labelled by the table's prefix and the template the service matched, never the raw path.
        const template = proxyRes.headers[ROUTE_TEMPLATE_HEADER];
        delete proxyRes.headers[ROUTE_TEMPLATE_HEADER];
        const rule = (req as Routed).otrRule;
        if (rule && typeof template === 'string' && template.startsWith(rule.target))
          res.locals[METRICS_ROUTE_LOCAL] = rule.prefix + template.slice(rule.target.length);
        // An answer to a signed-in caller is not kept: the service may have answered for that caller
        // (the bearer token that told the cache so no longer travels with the request).
        const r = req as Routed;
        if (r.otrPublic && !r.principal) cache.keep(req, proxyRes);
      },
      proxyReq: (proxyReq, req) => fixRequestBody(proxyReq, req),
      error: (err, req, res) => {
        const out = res as Response;
        const r = req as Routed;
        const code = (err as { code?: string }).code ?? '';
        if (r.otrService && r.otrTarget && NOT_REACHED.has(code)) {
          const instances = serviceUpstreams(r.otrService);
          instances.failed(r.otrTarget);
          // Once, to another instance, for a request that can be sent again.
          if (
            !out.headersSent &&
            !r.otrRetried &&
            RETRYABLE.has(r.method) &&
            instances.hasAlternative(r.otrTarget)
          ) {
            r.otrRetried = true;
            r.otrTarget = instances.pick(r.otrTarget);
            return void proxy(r, out, () => undefined);
          }
        }
        if (!out.headersSent)
          sendProblem(req as Request, out, {
            status: 502,
            code: 'bad-gateway',
            detail: 'the service is not answering',
          });
      },
    },
  });

  return async (req: Routed, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/')) return next();
    const decision = authorize(req.method, req.originalUrl, req.principal ?? null);
    switch (decision.kind) {
      case 'no-route':
        return next();
      case 'sign-in-required':
        return sendProblem(req, res, { status: 401, code: 'unauthorized', detail: 'sign in required' });
      case 'forbidden':
        return sendProblem(req, res, { status: 403, code: 'forbidden', detail: decision.reason });
    }
    if (decision.route.service === GATEWAY_LOCAL) return next();
    // Until the service names its template (proxyRes): the rule's subtree, for cache hits and errors.
    res.locals[METRICS_ROUTE_LOCAL] = `${decision.route.prefix}/*`;
    req.otrRule = decision.route;
    // The custodian bank's callback is the bank's alone: no gateway path reaches it, however spelt.
    if (decision.route.service === 'fee-supervision' && reachesBankCallback(decision.servicePath))
      return sendProblem(req, res, { status: 404, code: 'not-found', detail: 'no such route' });
    req.otrPublic = decision.route.allow === 'public';
    if (req.otrPublic && cache.serve(req, res)) return;
    req.otrService = decision.route.service;
    req.otrTarget = serviceUrl(decision.route.service);
    req.otrPath = decision.servicePath || '/';
    rewriteHeaders(
      req,
      req.principal ? await signPrincipal(req.principal, decision.route.service) : undefined,
    );
    return proxy(req, res, next);
  };
}
