import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type DirectoryTx = Prisma.TransactionClient;

/** The directory schema's own Prisma client, sharing the service's connection pool. */
export function createDirectoryPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type DirectoryPrisma = ReturnType<typeof createDirectoryPrisma>;
