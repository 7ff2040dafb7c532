import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { KafkaTransport } from '@otr/messaging';
import { createLogger, RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, TestDatabase } from '@otr/testing';
import { rebuildReadModel } from './infrastructure/rebuild-read-model';
import { directoryService } from './directory.module';
import { canonicalDump, eventsFor, message, topicOf } from './directory-fixtures';

// The project's own topic set-up, as start.sh, compose and the k8s topics Job run it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTopics, projectTopics } = require('../../../infra/kafka/ensure-topics.js') as {
  ensureTopics(broker: string): Promise<{ created: string[]; reconfigured: string[] }>;
  projectTopics(): string[];
};

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..', '..');
const sh = (script: string, env: NodeJS.ProcessEnv) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      'bash',
      [join(root, 'infra', 'kafka', script)],
      { env: { ...process.env, ...env }, timeout: 150_000 },
      (e, out, err) => (e ? reject(new Error(`${script}: ${e.message}\n${out}\n${err}`)) : resolve(out)),
    ),
  );

/** The broker's default retention, standing in for its 7 days: 5 s, checked every 0.5 s. */
const BROKER_RETENTION_MS = 5_000;

async function retentionOf(admin: Admin, topics: string[]) {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['retention.ms'],
    })),
  });
  return Object.fromEntries(resources.map((r) => [r.resourceName, r.configEntries[0].configValue]));
}

/** Offsets of the earliest record still kept and of the next one, summed over partitions. */
async function kept(admin: Admin, topic: string) {
  const offsets = await admin.fetchTopicOffsets(topic);
  return {
    low: offsets.reduce((n, p) => n + Number(p.low), 0),
    high: offsets.reduce((n, p) => n + Number(p.high), 0),
  };
}

describe('the directory rebuilt after the broker’s retention window', () => {
  const state = mkdtempSync(join(tmpdir(), 'otr-kafka-retention-'));
  const brokerEnv: NodeJS.ProcessEnv = { KAFKA_STATE_DIR: state, KAFKA_CDS: '0' };
  let broker: string;
  let admin: Admin;
  let transport: KafkaTransport;
  let liveDb: TestDatabase;
  let rebuiltDb: TestDatabase;
  let live: RunningService | undefined;
  const pools: Pool[] = [];

  beforeAll(async () => {
    const port = await freePort();
    Object.assign(brokerEnv, {
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      // A broker that forgets records after 5 s unless a topic says otherwise.
      KAFKA_EXTRA_PROPERTIES: [
        `log.retention.ms=${BROKER_RETENTION_MS}`,
        'log.retention.check.interval.ms=500',
        'log.segment.delete.delay.ms=0',
      ].join('\n'),
    });
    await sh('start.sh', brokerEnv);
    broker = `127.0.0.1:${port}`;
    admin = new Kafka({ clientId: 'retention-test', brokers: [broker], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    transport = new KafkaTransport({ brokers: [broker], clientId: 'retention-test' });
    [liveDb, rebuiltDb] = await Promise.all([
      createTestDatabase('otr_ret_live'),
      createTestDatabase('otr_ret_rebuilt'),
    ]);
    process.env.OTR_GROUP_PREFIX = `retention-test-${randomBytes(4).toString('hex')}.`;
  });
  afterAll(async () => {
    await live?.stop();
    await transport?.close();
    await admin?.disconnect();
    for (const p of pools) await p.end();
    await liveDb?.drop();
    await rebuiltDb?.drop();
    delete process.env.OTR_GROUP_PREFIX;
    await sh('stop.sh', brokerEnv).catch(() => undefined);
    rmSync(state, { recursive: true, force: true });
  });

  it('keeps every integration topic forever, so a replay after old segments expired gives the live directory', async () => {
    // An older cluster: a topic created with the broker's default retention, and a control topic.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: 'otr.registration', configEntries: [] }],
    });
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: 'otr.control', numPartitions: 1 }] });
    expect(await retentionOf(admin, ['otr.registration', 'otr.control'])).toEqual({
      'otr.registration': String(BROKER_RETENTION_MS),
      'otr.control': String(BROKER_RETENTION_MS),
    });

    // The project's topic set-up brings it to the project's configuration.
    const { reconfigured } = await ensureTopics(broker);
    expect(reconfigured).toEqual(['otr.registration']);
    const retention = await retentionOf(admin, projectTopics());
    expect(Object.values(retention)).toEqual(projectTopics().map(() => '-1'));
    expect(
      (await admin.fetchTopicMetadata({ topics: ['otr.registration'] })).topics[0].partitions,
    ).toHaveLength(3);

    // Live: the directory builds its read model from events as they arrive.
    const livePool = new Pool({ connectionString: liveDb.url, max: 2 });
    pools.push(livePool);
    live = await startService(directoryService, {
      databaseUrl: liveDb.url,
      transport,
      port: await freePort(),
    });
    const ids = [randomUUID(), randomUUID()];
    const events = ids.flatMap((id, i) => {
      const e = eventsFor(id, `杭州${['远航', '明德'][i]}书法培训学校`);
      return [
        e.issued({ lat: 30.26 + i / 100, lng: 120.16 }),
        e.course(2, `c-${id}-1`, 360_000),
        e.staffFiled(2, `s-${id}-1`, '书法', true),
        e.penalty(10, `p-${id}-001`),
        e.rated(9, `o-${id}-1`, 4),
        e.complaintFiled(3, `c-${id}-1`),
      ];
    });
    for (const e of events) {
      await transport.publish(topicOf(e), [message(e)]);
      // The same record on a topic left to the broker's default, to see the window pass.
      await transport.publish('otr.control', [message(e)]);
    }
    await eventually(
      async () =>
        (
          await livePool.query(
            `SELECT count(*)::int AS n FROM directory.timeline_event WHERE institution_id = ANY($1)`,
            [ids],
          )
        ).rows[0].n === events.length || undefined,
      60_000,
      200,
    );
    const built = await canonicalDump(livePool, ids);
    expect(built.institution).toHaveLength(2);
    expect(built.penalty).toHaveLength(2);
    await live.stop();
    live = undefined;

    // The retention window passes: the broker deletes the control topic's records, as it would
    // the integration topics' after 7 days had they kept its default.
    expect((await kept(admin, 'otr.control')).high).toBe(events.length);
    await eventually(
      async () => {
        const c = await kept(admin, 'otr.control');
        return c.low === c.high || undefined;
      },
      90_000,
      500,
    );
    for (const topic of ['otr.registration', 'otr.inspection', 'otr.fees', 'otr.complaints']) {
      expect((await kept(admin, topic)).low).toBe(0);
    }

    // The rebuild, into a database that never saw a live event, gives the same directory.
    const rebuiltPool = new Pool({ connectionString: rebuiltDb.url, max: 4 });
    pools.push(rebuiltPool);
    const report = await rebuildReadModel({
      pool: rebuiltPool,
      transport,
      log: createLogger('retention-rebuild'),
      groupPrefix: `retention-rebuild-${randomBytes(4).toString('hex')}.`,
    });
    expect(report.total).toBeGreaterThanOrEqual(events.length);
    expect(await canonicalDump(rebuiltPool, ids)).toEqual(built);
  });
});
