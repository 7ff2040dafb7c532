import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './database';

export interface AppliedMigration {
  service: string;
  name: string;
}

const MIGRATIONS_LOCK = 7_202_1; // any constant shared by every migrating process

/**
 * Applies the committed SQL migrations of every service (prisma/<service>/migrations/<name>/migration.sql),
 * each in its own transaction, in name order, once. Prisma's own `migrate deploy` needs a schema
 * engine this machine cannot download (docs/prisma.md), so the SQL it generated is applied here.
 */
export async function applyMigrations(url: string, prismaDir = join(repoRoot, 'prisma')): Promise<AppliedMigration[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const applied: AppliedMigration[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS public.otr_migrations (
      service text NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (service, name))`);
    const done = await client.query<{ service: string; name: string; checksum: string }>(
      'SELECT service, name, checksum FROM public.otr_migrations',
    );
    const known = new Map(done.rows.map((r) => [`${r.service}/${r.name}`, r.checksum]));
    for (const { service, name, sql } of pendingFiles(prismaDir)) {
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = known.get(`${service}/${name}`);
      if (previous === checksum) continue;
      if (previous) throw new Error(`migration ${service}/${name} was edited after it was applied`);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO public.otr_migrations (service, name, checksum) VALUES ($1, $2, $3)', [
          service,
          name,
          checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${service}/${name} failed: ${(error as Error).message}`);
      }
      applied.push({ service, name });
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

function pendingFiles(prismaDir: string) {
  const out: { service: string; name: string; sql: string }[] = [];
  for (const service of readdirSync(prismaDir).sort()) {
    const dir = join(prismaDir, service, 'migrations');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, 'migration.sql');
      if (existsSync(file)) out.push({ service, name, sql: readFileSync(file, 'utf8') });
    }
  }
  return out;
}
