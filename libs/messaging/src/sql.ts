/**
 * The slice of a Prisma (transaction) client the outbox and inbox need, so this library works
 * with every service's own generated client without depending on any of them.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A Postgres schema name is interpolated into SQL, so it must be a plain identifier. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return `"${schema}"`;
}

export const outboxChannel = (schema: string) => `otr_outbox_${schema}`;
