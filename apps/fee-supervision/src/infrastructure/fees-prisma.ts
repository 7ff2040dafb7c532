import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SqlClient } from '@otr/messaging';
import { Tx, UnitOfWork } from '../application/ports';
import { Prisma, PrismaClient } from './prisma/generated/client';

export type FeesTx = Prisma.TransactionClient;

/** The `fees` schema's own Prisma client, sharing the service's connection pool. */
export function createFeesPrisma(pool: Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
export type FeesPrisma = ReturnType<typeof createFeesPrisma>;

export const FEES_PRISMA = Symbol('FeesPrisma');

/** The Postgres schema of the service (the service name 'fee-supervision' is not an SQL identifier). */
export const FEES_SCHEMA = 'fees';

/** The Prisma transaction a use case's Tx is (the UnitOfWork and the inbox open nothing else). */
export const prismaTx = (tx: Tx): FeesTx => tx as unknown as FeesTx;

/** Long enough for a writer queued behind others on the same order's lock. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 60_000 };

/** The unit of work as a Prisma interactive transaction. */
export class PrismaUnitOfWork implements UnitOfWork {
  constructor(private readonly prisma: FeesPrisma) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx as unknown as Tx), TX_OPTIONS);
  }

  get db(): SqlClient {
    return this.prisma;
  }
}
