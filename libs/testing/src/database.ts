import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '@otr/runtime';
import { testEnv } from './env';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with every service's migrations applied; each test file gets its own. */
export async function createTestDatabase(prefix = 'otr_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: testEnv.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testEnv.adminDatabaseUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: testEnv.adminDatabaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
