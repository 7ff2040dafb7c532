import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type InspectionTx = Prisma.TransactionClient;

/** The inspection schema's own Prisma client, sharing the service's connection pool. */
export function createInspectionPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type InspectionPrisma = ReturnType<typeof createInspectionPrisma>;
