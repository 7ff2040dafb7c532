export { gatewayService } from './gateway.module';
export { createGatewayPrisma } from './infrastructure/gateway-prisma';
export { seedDemoUsers } from './infrastructure/seed-demo-users';
export { authorize, GATEWAY_LOCAL, ROUTES } from './domain/access-policy';
export { EXPOSED_SERVICES, gatewayDocument } from './interface/openapi';
export { API_V1 } from './interface/api-version';
