import type { Express, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { asyncApiDocument } from '@otr/contracts';
import { discoverOperations, OpenApiDocument, openApiDocument, openApiPath } from '@otr/runtime';
import { API_V1 } from './api-version';
import { GATEWAY_LOCAL, ROUTES, ServiceName } from '../domain/access-policy';
import { serviceUrl } from './service-proxy';

/** The gateway path of a service path, by the route table (registration /applications → /api/registration/applications). */
export function gatewayPath(service: ServiceName, servicePath: string): string | undefined {
  const routes = ROUTES.filter((r) => r.service === service).sort(
    (a, b) => b.target.length - a.target.length,
  );
  const route = routes.find(
    (r) => r.target === '' || servicePath === r.target || servicePath.startsWith(`${r.target}/`),
  );
  return route ? route.prefix + servicePath.slice(route.target.length) : undefined;
}

async function serviceDocument(service: ServiceName): Promise<OpenApiDocument | undefined> {
  try {
    const res = await fetch(`${serviceUrl(service)}/openapi.json`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? ((await res.json()) as OpenApiDocument) : undefined;
  } catch {
    return undefined;
  }
}

/** What each service is for, as the document's tags describe it. */
const SERVICE_TAGS: Record<ServiceName | 'gateway', string> = {
  gateway: '登录、会话、账户与通知 — sign-in, sessions, accounts and notices',
  registration: '办学许可 — license applications, joint review, licenses, filings and materials',
  inspection: '检查与处罚 — inspections, spot checks, rectifications, penalties and lists',
  'fee-supervision': '预收费监管 — escrow accounts, payments, lessons, refunds and risk alerts',
  complaints: '投诉举报 — complaints and tips with working-day clocks',
  directory: '公示查询 — the public directory, blacklists, timelines and open data',
};

/**
 * One OpenAPI document for every route as clients call it through the gateway, under /api/v1: the
 * gateway's own routes plus each service's, each service's paths mapped by the route table.
 */
export function gatewayDocument(
  gateway: OpenApiDocument,
  services: Partial<Record<ServiceName, OpenApiDocument>>,
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const add = (path: string, item: OpenApiDocument['paths'][string]) => {
    paths[path.replace(/^\/api\//, `${API_V1}/`)] = item;
  };
  for (const [path, item] of Object.entries(gateway.paths)) add(path, item);
  for (const [service, doc] of Object.entries(services) as [ServiceName, OpenApiDocument | undefined][])
    for (const [path, item] of Object.entries(doc?.paths ?? {})) {
      const exposed = gatewayPath(service, path.replace(/\{(\w+)\}/g, ':$1'));
      if (exposed) add(openApiPath(exposed), item);
    }
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  const used = new Set(operations.flatMap((op) => op.tags));
  // The shared refusals some operation gives (the catalogue has more than any one document needs).
  const refusals = new Set(operations.flatMap((op) => Object.keys(op.responses)));
  return {
    ...gateway,
    info: {
      ...gateway.info,
      title: 'OTR API',
      description:
        '校外培训机构监管平台 — every route through the gateway, under /api/v1 (the unversioned /api paths are ' +
        'deprecated aliases). Sign in at /api/v1/auth/login and send the access token as a Bearer token. ' +
        'Refusals are RFC 9457 problem+json in zh-CN or English by Accept-Language. ' +
        'The Kafka events are described at /api/asyncapi (AsyncAPI 3).',
    },
    servers: [{ url: '/', description: 'This gateway' }],
    tags: Object.entries(SERVICE_TAGS)
      .filter(([name]) => used.has(name))
      .map(([name, description]) => ({ name, description })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      ...gateway.components,
      responses: Object.fromEntries(
        Object.entries(gateway.components.responses).filter(([status]) => refusals.has(status)),
      ),
    },
  };
}

/** The services whose routes the gateway exposes. */
export const EXPOSED_SERVICES = [
  ...new Set(ROUTES.flatMap((r) => (r.service === GATEWAY_LOCAL ? [] : [r.service]))),
] as ServiceName[];

/**
 * /api/docs.json merges the running services' documents on each request (a distributed deployment
 * may update one service at a time); /api/docs is Swagger UI over it; /api/asyncapi the events.
 */
export function serveOpenApi(app: NestExpressApplication): void {
  const own = openApiDocument('OTR gateway', discoverOperations('gateway', app));
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get('/api/docs.json', async (_req: Request, res: Response) => {
    const docs = await Promise.all(EXPOSED_SERVICES.map(serviceDocument));
    res.json(gatewayDocument(own, Object.fromEntries(EXPOSED_SERVICES.map((s, i) => [s, docs[i]]))));
  });
  // The integration events as a published contract (AsyncAPI 3), the same as libs/contracts/asyncapi.json.
  const events = asyncApiDocument();
  express.get('/api/asyncapi', (_req: Request, res: Response) => {
    res.json(events);
  });
  SwaggerModule.setup('api/docs', app, own as unknown as OpenAPIObject, {
    swaggerOptions: { url: '/api/docs.json' },
    jsonDocumentUrl: 'api/docs/gateway.json',
  });
}
