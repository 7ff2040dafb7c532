import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './prisma/generated/client';

/** The gateway schema's own Prisma client, sharing the service's connection pool. */
export function createGatewayPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type GatewayPrisma = ReturnType<typeof createGatewayPrisma>;
