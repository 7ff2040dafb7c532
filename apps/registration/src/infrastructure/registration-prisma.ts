import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type RegistrationTx = Prisma.TransactionClient;

/** The registration schema's own Prisma client, sharing the service's connection pool. */
export function createRegistrationPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type RegistrationPrisma = ReturnType<typeof createRegistrationPrisma>;
