import 'reflect-metadata';
import { createLogger, openDatabase } from '@otr/runtime';
import { startPlatform } from './platform';

/** `npm start`: the whole platform on its embedded default, with demo data. */
async function main() {
  const log = createLogger('platform');
  const database = await openDatabase(log);
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  const platform = await startPlatform({
    databaseUrl: database.url,
    kafkaBrokers: brokers,
    port: Number(process.env.PORT ?? 3000),
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
  console.error(error);
  process.exit(1);
});
