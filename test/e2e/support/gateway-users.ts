import { Pool } from 'pg';
import { createGatewayPrisma, seedDemoUsers } from '@otr/gateway';

export const DEMO_PASSWORD = 'otr-demo-2026';

/** Creates the demo accounts in a test database through the gateway's own seed. */
export async function seedGatewayUsers(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl });
  try {
    await seedDemoUsers(createGatewayPrisma(pool));
  } finally {
    await pool.end();
  }
}

export async function signInAs(gatewayUrl: string, username: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
