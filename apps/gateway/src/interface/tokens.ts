export const GATEWAY_PRISMA = Symbol('GatewayPrisma');
