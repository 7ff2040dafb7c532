import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type ComplaintsTx = Prisma.TransactionClient;

/** The complaints schema's own Prisma client, sharing the service's connection pool. */
export function createComplaintsPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type ComplaintsPrisma = ReturnType<typeof createComplaintsPrisma>;
