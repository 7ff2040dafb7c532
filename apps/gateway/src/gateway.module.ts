import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { rateLimit } from 'express-rate-limit';
import { CLOCK } from '@otr/kernel';
import { sendProblem, ServiceDefinition, ServiceInfra, TOO_MANY_REQUESTS } from '@otr/runtime';
import { ACCOUNTS } from './application/ports';
import { Sessions } from './application/sessions';
import { jwtAccessTokens } from './infrastructure/access-tokens';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { PrismaAccounts } from './infrastructure/prisma-accounts';
import { PrismaSessionStore } from './infrastructure/prisma-session-store';
import { AdminController } from './interface/admin.controller';
import { apiVersion } from './interface/api-version';
import { auditTrail } from './interface/audit-trail';
import { authenticate, GatewayAuthGuard } from './interface/authentication';
import { AuthController } from './interface/auth.controller';
import { NotificationsController } from './interface/notifications.controller';
import { serveOpenApi } from './interface/openapi';
import { serviceProxy } from './interface/service-proxy';
import { serveStaticApps } from './interface/static-apps';
import { GATEWAY_PRISMA } from './interface/tokens';

@Module({})
export class GatewayModule {
  static register(infra: ServiceInfra, prisma = createGatewayPrisma(infra.pool)): DynamicModule {
    return {
      module: GatewayModule,
      imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 600 }])],
      controllers: [AuthController, AdminController, NotificationsController],
      providers: [
        { provide: GATEWAY_PRISMA, useValue: prisma },
        { provide: CLOCK, useValue: infra.clock },
        { provide: ACCOUNTS, useValue: new PrismaAccounts(prisma) },
        {
          provide: Sessions,
          useValue: new Sessions(new PrismaSessionStore(prisma), jwtAccessTokens, infra.clock),
        },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: GatewayAuthGuard },
      ],
    };
  }
}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  defaultPort: 3000,
  secrets: ['ACCESS_TOKEN_SECRET'],
  publicFacing: true,
  module: (infra) => GatewayModule.register(infra),
  configure: (app, infra) => {
    const sessions = app.get(Sessions);
    // /api/v1/… first, so every later step (limits, sign-in, the route table) sees one path.
    app.use(apiVersion);
    app.enableCors({
      origin: (process.env.CORS_ORIGINS ?? 'http://localhost:3000,http://localhost:5173').split(','),
      credentials: true,
      exposedHeaders: ['X-Total-Count', 'X-Correlation-Id', 'Deprecation', 'Sunset', 'Link'],
    });
    // Per-client limits for everything that reaches a service; the sign-in route is stricter still.
    app.use(
      '/api',
      rateLimit({
        windowMs: 60_000,
        limit: Number(process.env.API_RATE_LIMIT ?? 1200),
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        handler: (req, res) =>
          sendProblem(req, res, { status: 429, code: 'too-many-requests', detail: TOO_MANY_REQUESTS }),
      }),
    );
    app.use(authenticate(sessions));
    app.use(auditTrail(app.get(GATEWAY_PRISMA), infra.log));
    app.use(serviceProxy());
    serveOpenApi(app);
    serveStaticApps(app);
  },
};
