// Rebuilds the directory's read model from the Kafka topics, from offset zero:
//   DATABASE_URL=… KAFKA_BROKERS=127.0.0.1:9092 node -r @swc-node/register apps/directory/src/rebuild.ts
import { KafkaTransport } from '@otr/messaging';
import { applyMigrations, createLogger, createPool } from '@otr/runtime';
import { rebuildReadModel } from './infrastructure/rebuild-read-model';

const BAR = 30;

function progressBar(done: number, total: number): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * BAR);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${(100 * share).toFixed(0).padStart(3)} % ${done}/${total} events`;
}

async function main() {
  const { DATABASE_URL, KAFKA_BROKERS } = process.env;
  if (!DATABASE_URL || !KAFKA_BROKERS) {
    console.error(
      'usage: DATABASE_URL=… KAFKA_BROKERS=host:port node -r @swc-node/register apps/directory/src/rebuild.ts',
    );
    process.exit(2);
  }
  const log = createLogger('directory-rebuild');
  await applyMigrations(DATABASE_URL);
  const pool = createPool(DATABASE_URL, 4);
  const transport = new KafkaTransport({
    brokers: KAFKA_BROKERS.split(','),
    clientId: 'otr-directory-rebuild',
    log,
  });
  let shown = 0;
  try {
    const report = await rebuildReadModel({
      pool,
      transport,
      log,
      groupPrefix: `directory-rebuild-${Date.now()}.`,
      onProgress: (done, total) => {
        // Redraw at most every 1 % and at the end, so a large replay does not flood the terminal.
        if (done === total || done - shown >= Math.max(1, total / 100)) {
          shown = done;
          process.stderr.write(progressBar(done, total));
        }
      },
    });
    process.stderr.write(`${progressBar(report.total, report.total)}\n`);
    console.log(
      JSON.stringify({
        rebuilt: true,
        events: report.total,
        seconds: report.seconds,
        outcomes: report.outcomes,
      }),
    );
  } finally {
    await transport.close();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
