export { gatewayService } from './gateway.module';
export { createGatewayPrisma } from './infrastructure/gateway-prisma';
export { seedDemoUsers } from './infrastructure/seed-demo-users';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './domain/demo-accounts';
