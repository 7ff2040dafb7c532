import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type FeesTx = Prisma.TransactionClient;

/** The `fees` schema's own Prisma client, sharing the service's connection pool. */
export function createFeesPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type FeesPrisma = ReturnType<typeof createFeesPrisma>;

/** The Postgres schema of the service (the service name 'fee-supervision' is not an SQL identifier). */
export const FEES_SCHEMA = 'fees';
