import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@otr/auth';
import { createGatewayPrisma, seedDemoUsers } from '@otr/gateway';
import { freePort, startServiceProcesses } from '@otr/testing';

export { DEMO_PASSWORD };

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

/** The walking skeleton as three OS processes over Kafka: registration, directory and the gateway in front. */
export async function startSkeletonProcesses(common: Record<string, string>) {
  const [g, r, d] = [await freePort(), await freePort(), await freePort()];
  return startServiceProcesses([
    { name: 'registration', env: { ...common, PORT: String(r) } },
    { name: 'directory', env: { ...common, PORT: String(d) } },
    {
      name: 'gateway',
      env: {
        ...common,
        PORT: String(g),
        REGISTRATION_URL: `http://127.0.0.1:${r}`,
        DIRECTORY_URL: `http://127.0.0.1:${d}`,
      },
    },
  ]);
}
