import type { Express, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { asyncApiDocument } from '@otr/contracts';
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

async function serviceDocument(service: ServiceName): Promise<OpenAPIObject | undefined> {
  try {
    const res = await fetch(`${serviceUrl(service)}/openapi.json`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? ((await res.json()) as OpenAPIObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One OpenAPI document for every route at /api/docs.json: the gateway's own routes plus each
 * running service's, with paths as clients call them through the gateway.
 */
export function serveOpenApi(app: NestExpressApplication): void {
  const base = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OTR API')
      .setDescription(
        'Every route through the gateway. Sign in at /api/auth/login and send the access token as a Bearer token. ' +
          'The Kafka events are described at /api/asyncapi (AsyncAPI 3).',
      )
      .addBearerAuth()
      .build(),
  );
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get('/api/docs.json', async (_req: Request, res: Response) => {
    const doc: OpenAPIObject = { ...base, paths: { ...base.paths } };
    // The gateway's own routes are in the base document already.
    const services = [...new Set(ROUTES.flatMap((r) => (r.service === GATEWAY_LOCAL ? [] : [r.service])))];
    const docs = await Promise.all(services.map(serviceDocument));
    services.forEach((service, i) => {
      for (const [path, item] of Object.entries(docs[i]?.paths ?? {})) {
        const exposed = gatewayPath(service, path);
        if (exposed)
          doc.paths[exposed] = Object.fromEntries(
            Object.entries(item).map(([m, op]) => [m, { ...op, tags: [service] }]),
          );
      }
    });
    res.json(doc);
  });
  // The integration events as a published contract (AsyncAPI 3), the same as libs/contracts/asyncapi.json.
  const events = asyncApiDocument();
  express.get('/api/asyncapi', (_req: Request, res: Response) => {
    res.json(events);
  });
  SwaggerModule.setup('api/docs', app, base, {
    swaggerOptions: { url: '/api/docs.json' },
    jsonDocumentUrl: 'api/docs/gateway.json',
  });
}
