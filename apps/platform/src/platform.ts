import 'reflect-metadata';
import { applyMigrations, createLogger, RunningService, ServiceDefinition, startService } from '@otr/runtime';
import { InProcessTransport, KafkaTransport, Transport } from '@otr/messaging';
import { registrationService } from '@otr/registration';
import { directoryService } from '@otr/directory';
import { complaintsService, seedComplaintsDemo } from '@otr/complaints';
import { inspectionService, seedInspectionDemo } from '@otr/inspection';
import { createBankSimulator } from '@otr/bank-sim';
import { feeSupervisionEnv, feeSupervisionService, seedFeeSupervisionDemo } from '@otr/fee-supervision';
import { gatewayService } from '@otr/gateway';
import { seedDemoData } from './seed/seed-demo-data';

export interface PlatformOptions {
  databaseUrl: string;
  /** Kafka when given; otherwise the in-process transport through the same outbox and inbox. */
  kafkaBrokers?: string[];
  /** The gateway's port; services listen on the following ports. */
  port?: number;
  /** Seed demo data: true for the default 300 institutions, or a number. */
  seed?: boolean | number;
}

export interface RunningPlatform {
  url: string;
  services: Record<string, RunningService>;
  transport: Transport;
  stop(): Promise<void>;
}

/** The services in the embedded platform, in start order; each gets port gateway + index + 1. */
export const SERVICES: ServiceDefinition[] = [
  registrationService,
  directoryService,
  inspectionService,
  feeSupervisionService,
  complaintsService,
];

/** The custodian bank's simulator listens this far above the gateway's port (3090 by default). */
const BANK_PORT_OFFSET = 90;

/** The ports one platform takes, as offsets from the gateway's: services, then the bank simulator. */
export const PORT_OFFSETS: Record<string, number> = {
  gateway: 0,
  ...Object.fromEntries(SERVICES.map((def, i) => [def.name, i + 1])),
  'bank-sim': BANK_PORT_OFFSET,
  // Fee supervision's listener for the bank's callbacks alone, apart from what the gateway reaches.
  'bank-callback': BANK_PORT_OFFSET + 1,
};

/** Embedded mode: every service module and the gateway in one process (ARCHITECTURE.md, Modes). */
export async function startPlatform(opts: PlatformOptions): Promise<RunningPlatform> {
  const log = createLogger('platform');
  const port = opts.port ?? 3000;
  const transport: Transport = opts.kafkaBrokers
    ? new KafkaTransport({ brokers: opts.kafkaBrokers, clientId: 'otr-platform', log })
    : new InProcessTransport();
  const applied = await applyMigrations(opts.databaseUrl);
  if (applied.length)
    log.info({ applied: applied.map((m) => `${m.service}/${m.name}`) }, 'migrations applied');

  const bank = await startBankSimulator(port);
  const services: Record<string, RunningService> = {};
  for (const [i, def] of SERVICES.entries()) {
    const servicePort = port + i + 1;
    process.env[`${def.name.toUpperCase().replace(/-/g, '_')}_URL`] = `http://127.0.0.1:${servicePort}`;
    services[def.name] = await startService(def, {
      databaseUrl: opts.databaseUrl,
      transport,
      port: servicePort,
    });
  }
  services.gateway = await startService(gatewayService, { databaseUrl: opts.databaseUrl, transport, port });

  if (opts.seed) {
    const institutions = opts.seed === true ? 300 : opts.seed;
    await seedDemoData(services, { institutions, databaseUrl: opts.databaseUrl, log });
    // Each service seeds its own demo from the licenses it has learned through events.
    await seedInspectionDemo(services.inspection.app, { log });
    await seedFeeSupervisionDemo(services['fee-supervision'].app, { log });
    await seedComplaintsDemo(services.complaints.app, { log });
  }
  return {
    url: `http://localhost:${port}`,
    services,
    transport,
    stop: async () => {
      // The bank simulator goes (and with it the FEES_BANK_URL it named) even when a service's stop
      // fails: a second platform in the process would otherwise pay a bank that is no longer there.
      try {
        await services.gateway.stop();
        for (const def of [...SERVICES].reverse()) await services[def.name].stop();
        await transport.close();
      } finally {
        await bank.close();
      }
    },
  };
}

/**
 * The custodian bank's side for the demo: payment webhooks to the fee service and the daily
 * statement it reconciles against. A deployment points FEES_BANK_URL at the real bank instead.
 */
async function startBankSimulator(gatewayPort: number) {
  const bankPort = gatewayPort + BANK_PORT_OFFSET;
  // The fee service takes the bank's callback on a port of its own, never the one the gateway
  // forwards to (gateway port + 91 unless FEES_BANK_CALLBACK_PORT is set).
  const ownCallback = !process.env.FEES_BANK_CALLBACK_PORT;
  if (ownCallback) process.env.FEES_BANK_CALLBACK_PORT = String(gatewayPort + BANK_PORT_OFFSET + 1);
  const env = feeSupervisionEnv();
  const app = createBankSimulator({
    webhookUrl: `http://127.0.0.1:${env.bankCallback!.port}/bank/webhooks/payments`,
    webhookSecret: env.bankWebhookSecret,
    apiKey: env.bankApiKey,
  });
  // Named only when the environment names no bank, and unnamed on stop: a second platform in the
  // same process (browser tests run in band) gets its own simulator, not the first one's port.
  const own = !process.env.FEES_BANK_URL;
  if (own) process.env.FEES_BANK_URL = `http://127.0.0.1:${bankPort}`;
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(bankPort, '127.0.0.1', () => resolve(s));
  });
  return {
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          if (own) delete process.env.FEES_BANK_URL;
          if (ownCallback) delete process.env.FEES_BANK_CALLBACK_PORT;
          resolve();
        }),
      ),
  };
}
