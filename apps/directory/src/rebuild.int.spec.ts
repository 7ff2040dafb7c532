import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Envelope } from '@otr/contracts';
import { KafkaTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, TestDatabase, testEnv } from '@otr/testing';
import { directoryService } from './directory.module';
import { canonicalDump, eventsFor, message, topicOf } from './directory-fixtures';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..', '..');

/** The rebuild command as an operator runs it, in its own process. */
const runRebuild = (databaseUrl: string) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(root, 'apps', 'directory', 'src', 'rebuild.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
          LOG_LEVEL: 'warn',
        },
        timeout: 150_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
    ),
  );

describe('rebuilding the directory from offset zero on the real broker', () => {
  let db: TestDatabase;
  let pool: Pool;
  let transport: KafkaTransport;
  let live: RunningService | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('otr_rebuild');
    pool = new Pool({ connectionString: db.url, max: 2 });
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'directory-rebuild-test' });
    process.env.OTR_GROUP_PREFIX = `rebuild-test-${randomBytes(4).toString('hex')}.`;
    live = await startService(directoryService, { databaseUrl: db.url, transport, port: await freePort() });
  });
  afterAll(async () => {
    await live?.stop();
    await transport.close();
    await pool.end();
    await db.drop();
    delete process.env.OTR_GROUP_PREFIX;
  });

  it('gives exactly the rows built live, and drops what no event supports', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const events: Envelope[] = ids.flatMap((id, i) => {
      const e = eventsFor(id, `杭州${['启航', '星辰', '博雅'][i]}美术培训学校`);
      return [
        e.issued({ lat: 30.25 + i / 100, lng: 120.15 }),
        e.changed(3, {
          institutionName: `杭州${['启航', '星辰', '博雅'][i]}艺术培训学校`,
          legalRepresentative: '李某',
        }),
        e.suspended(5),
        e.reinstated(6),
        e.renewed(7, '2031-12-31'),
        e.course(2, `c-${id}-1`, 480_000),
        e.course(8, `c-${id}-1`, 500_000),
        e.staffFiled(2, `s-${id}-1`, '美术', true),
        e.staffFiled(2, `s-${id}-2`, '书法', false),
        e.staffRemoved(4, `s-${id}-2`),
        e.penalty(10, `p-${id}-001`),
        e.blacklisted(12, `b-${id}-001`),
        e.unlisted(15, `b-${id}-001`),
        e.graded(16, `r-${id}-2025`, 2025, 'pass', 80),
        e.graded(17, `r-${id}-2025`, 2025, 'excellent', 92),
        e.accountOpened(2, 'bank-escrow'),
        // Two families rate, one of them edits its rating (one rating per order).
        e.rated(9, `o-${id}-1`, 3),
        e.rated(11, `o-${id}-1`, 5),
        e.rated(10, `o-${id}-2`, 4),
        e.complaintFiled(3, `c-${id}-1`),
        e.complaintClosed(6, `c-${id}-1`, 1),
        e.complaintReopened(8, `c-${id}-1`),
        e.complaintFiled(4, `c-${id}-2`),
      ];
    });
    // Live delivery out of order (newest first) and with repeats, as a relay re-send would.
    const shuffled = [...events].reverse();
    for (const e of [...shuffled, ...shuffled.slice(0, 7)]) await transport.publish(topicOf(e), [message(e)]);

    const count = async (sql: string) => (await pool.query(sql, [ids])).rows[0].n as number;
    await eventually(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM directory.timeline_event WHERE institution_id = ANY($1)`,
        )) === events.length &&
        (await count(`SELECT count(*)::int AS n FROM directory.institution WHERE id = ANY($1)`)) === 3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.institution_fact WHERE institution_id = ANY($1)`,
        )) === 15 &&
        (await count(`SELECT count(*)::int AS n FROM directory.course WHERE institution_id = ANY($1)`)) ===
          3 &&
        (await count(`SELECT count(*)::int AS n FROM directory.staff WHERE institution_id = ANY($1)`)) ===
          6 &&
        (await count(`SELECT count(*)::int AS n FROM directory.penalty WHERE institution_id = ANY($1)`)) ===
          3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.blacklist_entry WHERE institution_id = ANY($1) AND removed_at IS NOT NULL AND added_at IS NOT NULL`,
        )) === 3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.rating WHERE institution_id = ANY($1) AND stars = 5`,
        )) === 3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.annual_grade WHERE institution_id = ANY($1) AND grade = 'excellent'`,
        )) === 3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.complaint WHERE institution_id = ANY($1) AND reopened AND filed_at IS NOT NULL`,
        )) === 3 &&
        (await count(
          `SELECT count(*)::int AS n FROM directory.fee_supervision WHERE institution_id = ANY($1)`,
        )) === 3
          ? true
          : undefined,
      60_000,
      200,
    );
    const built = await canonicalDump(pool, ids);
    expect(
      built.institution.map((r) => [r.license_status, r.legal_representative, r.name.slice(-6)]),
    ).toEqual(ids.map(() => ['active', '李某', '艺术培训学校']));
    expect(built.course.map((r) => r.price_fen)).toEqual([500_000, 500_000, 500_000]);
    expect(built.rating.map((r) => r.stars)).toEqual(expect.arrayContaining([5, 4, 5, 4, 5, 4]));
    expect(built.rating).toHaveLength(6);

    // Stop live consumption; then leave a row that no event supports.
    await live!.stop();
    live = undefined;
    const stray = randomUUID();
    await pool.query(
      `INSERT INTO directory.institution (id, name, search_name, search_terms, pinyin_initials, category, scopes,
         district, address, license_status, last_event_at)
       VALUES ($1, '无证机构', '无证机构', '{}', 'wzjg', 'arts', '{offline}', 'CN-ZJ-HZ-XH', '-', 'active', now())`,
      [stray],
    );

    const { stdout, stderr } = await runRebuild(db.url);
    expect(stderr).toContain('100 %');
    const report = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(report.rebuilt).toBe(true);
    expect(report.events).toBeGreaterThanOrEqual(events.length);

    expect(await canonicalDump(pool, ids)).toEqual(built);
    expect(await count(`SELECT count(*)::int AS n FROM directory.institution WHERE id = ANY($1)`)).toBe(3);
    expect((await pool.query(`SELECT 1 FROM directory.institution WHERE id = $1`, [stray])).rowCount).toBe(0);
  });
});
