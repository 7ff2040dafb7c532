import { ConfigurationError } from '@otr/config';
import { KafkaTransport } from '@otr/messaging';
import { createLogger } from './logger';
import { ServiceDefinition, startService } from './service';
import { tracing } from './tracing';

/** Distributed mode: one service in its own process, over Kafka and the given PostgreSQL. */
export async function runStandalone(def: ServiceDefinition, env = process.env): Promise<void> {
  const log = createLogger(def.name);
  const databaseUrl = env.DATABASE_URL;
  const brokers = env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    log.fatal('DATABASE_URL and KAFKA_BROKERS are required in the distributed mode');
    process.exit(2);
  }
  const transport = new KafkaTransport({ brokers: brokers.split(','), clientId: `otr-${def.name}`, log });
  const service = await startService(def, {
    databaseUrl,
    transport,
    port: env.PORT ? Number(env.PORT) : undefined,
  }).catch((error: unknown) => {
    // A refused configuration is the operator's to fix: say what, without a stack trace.
    if (!(error instanceof ConfigurationError)) throw error;
    log.fatal(error.message);
    process.exit(2);
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await service.stop();
    await transport.close();
    // The last spans, exported before the process goes (no-op when tracing is off).
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
