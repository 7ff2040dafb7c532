import { createTestDatabase, TestDatabase } from '@otr/testing';
import { createPool } from './database';

describe('a service pool when the server ends a connection in use', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('keeps the process alive when a checked-out connection is ended while it waits, and serves the next query on a new connection', async () => {
    const pool = createPool(db.url, 2);
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Held between queries (the relay waiting on the broker), then ended as a restart or an
    // administrator does (57P01): the client emits 'error', which the pool does not hear.
    await pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await new Promise((r) => setTimeout(r, 200));
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect((await pool.query<{ ok: number }>('SELECT 1 AS ok')).rows[0].ok).toBe(1);
    await pool.end();
  });
});
