import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigurationError, ensureLocalSecrets } from '@otr/config';
import { createLogger, freeBlock, openDatabase, repoRoot, takenOf } from '@otr/runtime';
import { PORT_OFFSETS, startPlatform } from './platform';

const DEFAULT_PORT = 3000;

/**
 * PORT when set, refused with the names of the taken ports; otherwise 3000, or the next free block
 * 100 apart when another checkout's platform already runs there.
 */
async function choosePort(chosen: string | undefined): Promise<number> {
  const offsets = Object.values(PORT_OFFSETS);
  if (!chosen) return freeBlock(DEFAULT_PORT, offsets);
  const port = Number(chosen);
  const taken = await takenOf(offsets.map((o) => port + o));
  if (taken.length) {
    const names = Object.entries(PORT_OFFSETS)
      .filter(([, o]) => taken.includes(port + o))
      .map(([name, o]) => `${port + o} (${name})`);
    throw new ConfigurationError([
      `PORT=${port}: ${names.join(', ')} already in use. Stop what holds them, or choose another PORT (the platform takes PORT to PORT+${Math.max(...offsets)}), or unset PORT to pick a free block.`,
    ]);
  }
  return port;
}

/** `npm start`: the whole platform on its embedded default, with demo data. */
async function main() {
  const log = createLogger('platform');
  // A checkout's own random secrets, made on first start (never in production: docs/security.md).
  const secretsFile = join(repoRoot, '.data', 'secrets.env');
  const { generated } = ensureLocalSecrets(secretsFile);
  if (generated.length) log.info({ file: secretsFile }, 'generated local secrets');
  const port = await choosePort(process.env.PORT);
  const database = await openDatabase(log);
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  const platform = await startPlatform({
    databaseUrl: database.url,
    kafkaBrokers: brokers,
    port,
    seed: process.env.SEED === 'false' ? false : Number(process.env.SEED_INSTITUTIONS ?? 300),
  });
  const u = platform.url;
  console.log(`
OTR is running (${brokers ? `Kafka ${brokers.join(',')}` : 'in-process events'}, PostgreSQL ${database.url.replace(/:[^:@/]+@/, ':***@')})
  Console (task force)   ${u}/console/
  Portal (public)        ${u}/
  Public search API      ${u}/api/public/institutions?q=美术
  API documentation      ${u}/api/docs
  Demo accounts          see README.md (password otr-demo-2026)
Press Ctrl+C to stop.`);
  const stop = async () => {
    await platform.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
