import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import helmet from 'helmet';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { requireSecrets, SecretName } from '@otr/config';
import { SERVICE_NAME_LOCAL } from '@otr/auth';
import { Clock, SystemClock } from '@otr/kernel';
import { InProcessTransport, Transport } from '@otr/messaging';
import { ApiOperation, discoverOperations } from './api-operations';
import { correlationMiddleware } from './correlation';
import { createPool } from './database';
import { ErrorsFilter } from './errors-filter';
import { createLogger } from './logger';
import { withDeadLetters } from './dead-letters.controller';
import { createMetrics, Metrics } from './metrics';
import { openApiDocument } from './openapi';
import { sendProblem } from './problem';
import { bodyParsers, refuseNulInQuery, refuseUndecodablePath } from './validation';

/** What every service module is given: its database pool, the transport, a logger and the clock. */
export interface ServiceInfra {
  name: string;
  pool: Pool;
  transport: Transport;
  log: Logger;
  clock: Clock;
  metrics: Metrics;
}

export const INFRA = 'otr.infra';

export interface ServiceDefinition {
  /** Service name; also its Postgres schema. */
  name: string;
  defaultPort: number;
  /** Secrets it needs besides the gateway's signing secret, which every service verifies callers with. */
  secrets?: readonly SecretName[];
  module(infra: ServiceInfra): DynamicModule;
  /**
   * Reached by the public (the gateway): its /metrics answers only a scraper that sends
   * `Authorization: Bearer $METRICS_TOKEN`, and 404 to anyone else (docs/operations.md, Metrics).
   */
  publicFacing?: boolean;
  /** Express-level set-up before the Nest router (the gateway's proxy, static files, OpenAPI). */
  configure?(app: NestExpressApplication, infra: ServiceInfra): void | Promise<void>;
}

export interface RunningService {
  name: string;
  port: number;
  app: NestExpressApplication;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  transport: Transport;
  port?: number;
  host?: string;
  clock?: Clock;
}

/** Starts one service as an HTTP app with health, metrics, correlation ids and typed 4xx errors. */
export async function startService(def: ServiceDefinition, opts: StartOptions): Promise<RunningService> {
  // Checked before anything starts, so a refused start names every missing or weak secret at once.
  requireSecrets(['GATEWAY_SIGNING_SECRET', ...(def.secrets ?? [])]);
  const log = createLogger(def.name);
  const pool = createPool(opts.databaseUrl);
  const metrics = createMetrics(def.name, { broker: () => check(() => opts.transport.ping()) });
  const infra: ServiceInfra = {
    name: def.name,
    pool,
    transport: opts.transport,
    log,
    clock: opts.clock ?? new SystemClock(),
    metrics,
  };
  // The body parsers are ours (bodyParsers), mounted after configure as Nest mounts its own.
  const app = await NestFactory.create<NestExpressApplication>(withDeadLetters(def.module(infra)), {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.use(correlationMiddleware);
  app.use(helmet());
  app.use(metrics.middleware);
  app.use(refuseNulInQuery);
  app.use(refuseUndecodablePath);
  app.useGlobalFilters(new ErrorsFilter(log));
  const http = app.getHttpAdapter().getInstance() as Express;
  // The audience the PrincipalGuard accepts: principals the gateway signed for this service only.
  http.locals[SERVICE_NAME_LOCAL] = def.name;
  // Behind the ingress the client's address is in X-Forwarded-For; TRUST_PROXY says which hops to
  // believe (express's 'trust proxy': a hop count or addresses/subnets), so rate limits and the
  // audit log see the client, not the ingress. Unset: no proxy is trusted.
  const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) http.set('trust proxy', trustProxy);
  http.get('/health/live', (_req: Request, res: Response) => res.json({ status: 'ok', service: def.name }));
  // Ready means able to answer requests: that needs the database only. A broker outage is not a
  // reason to leave rotation (writes queue in the outbox and drain when it returns); it is reported
  // here for people and as the otr_broker_up metric for alerts.
  http.get('/health/ready', async (_req: Request, res: Response) => {
    const checks = {
      database: await check(() => pool.query('SELECT 1')),
      broker: await check(() => opts.transport.ping()),
    };
    const ok = checks.database === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', service: def.name, checks });
  });
  http.get('/metrics', async (req: Request, res: Response) => {
    // 404 rather than 401: to the public the gateway has no such route.
    if (def.publicFacing && !scraperAllowed(req.headers.authorization))
      return sendProblem(req, res, { status: 404, code: 'not-found', detail: 'no such route' });
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  await def.configure?.(app, infra);
  app.use(...bodyParsers());
  // Each service describes its own routes; the gateway merges them into one document.
  const openapi = describeRoutes(app, def.name);
  http.get('/openapi.json', (_req: Request, res: Response) => res.json(openapi));
  const port = opts.port ?? def.defaultPort;
  await app.listen(port, opts.host ?? process.env.HOST ?? '127.0.0.1');
  log.info({ port }, `${def.name} listening`);
  return {
    name: def.name,
    port,
    app,
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
}

/**
 * The routes a service declares, read from its Nest module without starting it (nothing connects:
 * the pool is lazy and never queried) — for the committed OpenAPI document.
 */
export async function declaredOperations(def: ServiceDefinition): Promise<ApiOperation[]> {
  const pool = createPool('postgresql://127.0.0.1:1/declared-operations');
  const infra: ServiceInfra = {
    name: def.name,
    pool,
    transport: new InProcessTransport(),
    log: createLogger(def.name, { write: () => undefined }),
    clock: new SystemClock(),
    metrics: createMetrics(def.name),
  };
  const app = await NestFactory.create<NestExpressApplication>(withDeadLetters(def.module(infra)), {
    logger: false,
    // A module that cannot be built throws here, naming why, instead of Nest exiting silently.
    abortOnError: false,
    bodyParser: false,
  });
  try {
    return discoverOperations(def.name, app);
  } finally {
    await pool.end();
  }
}

/** The service's OpenAPI document, from its controllers' metadata and zod schemas. */
export const describeRoutes = (app: NestExpressApplication, name: string) =>
  openApiDocument(`OTR ${name}`, discoverOperations(name, app));

/** TRUST_PROXY as express takes it: a number is a hop count, anything else a list of addresses. */
export function trustProxySetting(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  // 'true' would believe any X-Forwarded-For a client sends, which defeats per-client limits.
  if (value.trim() === 'true')
    throw new Error('TRUST_PROXY=true trusts every hop: give a hop count or addresses');
  return value;
}

/** Whether the bearer is METRICS_TOKEN (compared in constant time); never when no token is set. */
function scraperAllowed(authorization: string | undefined, token = process.env.METRICS_TOKEN): boolean {
  if (!token || !authorization?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(authorization.slice('Bearer '.length)), digest(token));
}

const check = async (probe: () => Promise<unknown>): Promise<'up' | 'down'> => {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return 'up';
  } catch {
    return 'down';
  }
};
