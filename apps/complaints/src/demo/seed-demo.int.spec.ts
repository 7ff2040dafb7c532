import { Pool } from 'pg';
import { PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { createEvent, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { createLogger, RunningService, startService } from '@otr/runtime';
import { HANGZHOU_DISTRICTS } from '@otr/rules';
import { createTestDatabase, devHotlineKey, freePort, TestDatabase } from '@otr/testing';
import { complaintsService } from '../complaints.module';
import { seedComplaintsDemo } from './seed-demo';

jest.setTimeout(120_000);

describe('the complaints demo seed', () => {
  let db: TestDatabase;
  let pool: Pool;
  let service: RunningService;
  let transport: InProcessTransport;

  beforeAll(async () => {
    process.env.COMPLAINTS_SLA_SWEEP_MS = '0';
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new InProcessTransport();
    // Friday 2026-11-27, 11:00 in Beijing.
    const clock = new FixedClock('2026-11-27T03:00:00Z');
    service = await startService(complaintsService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
    // Registration's licenses: three per district; the first in 西湖区 is the demo operator's.
    const licenses = HANGZHOU_DISTRICTS.flatMap((d, i) =>
      [0, 1, 2].map((k) => {
        const n = i * 3 + k;
        const institutionId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        return createEvent(LicenseIssued, {
          aggregateId: `lic-${n}`,
          institutionId,
          actor: SYSTEM_ACTOR,
          correlationId: 'test',
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)),
          payload: {
            licenseId: `lic-${n}`,
            licenseNumber: `教民${n}号`,
            institutionName: `${d.name}第${k + 1}培训学校`,
            legalForm: 'non-profit',
            category: 'subject',
            scopes: ['offline'],
            district: d.code,
            address: `${d.name}人民路${n}号`,
            validFrom: '2026-01-01',
            validUntil: '2029-12-31',
          },
        });
      }),
    );
    // Xihu gets more, so every Xihu scenario has an institution of its own.
    const xihu = Array.from({ length: 20 }, (_, k) =>
      createEvent(LicenseIssued, {
        aggregateId: `lic-xh-${k}`,
        institutionId: `00000000-0000-4000-9000-${String(k).padStart(12, '0')}`,
        actor: SYSTEM_ACTOR,
        correlationId: 'test',
        occurredAt: new Date(Date.UTC(2026, 1, 1, 0, k)),
        payload: { ...licenses[6].payload, licenseId: `lic-xh-${k}`, institutionName: `西湖区培训学校${k}` },
      }),
    );
    await transport.publish(
      'otr.registration',
      [...licenses, ...xihu].map((e) => ({ key: e.institutionId, value: JSON.stringify(e) })),
    );
  });
  afterAll(async () => {
    await service.stop();
    await pool.end();
    await db.drop();
  });

  it('files about thirty complaints in every state once, with amber and red work, one escalation, one repeat flag, a photo, hotline work orders and figures for every rate', async () => {
    const log = createLogger('seed-test');
    await seedComplaintsDemo(service.app, { log });
    await seedComplaintsDemo(service.app, { log }); // idempotent

    const statuses = await pool.query(
      'SELECT status, count(*)::int AS n FROM complaints.complaint GROUP BY status',
    );
    const byStatus = Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]));
    expect(Object.values(byStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(30);
    for (const s of ['routed', 'signed', 'handling', 'replied', 'closed', 'called-back', 'rated', 'merged'])
      expect(byStatus[s]).toBeGreaterThan(0);
    expect(
      new Set(
        (await pool.query('SELECT DISTINCT district FROM complaints.complaint')).rows.map((r) => r.district),
      ).size,
    ).toBeGreaterThanOrEqual(8);

    await new Promise((r) => setTimeout(r, 500));
    const types = transport.messages('otr.complaints').map((m) => JSON.parse(m.value));
    expect(types.filter((e) => e.type === 'complaints.ComplaintEscalated')).toHaveLength(1);
    const flags = types.filter((e) => e.type === 'complaints.RepeatComplaintsFlagged');
    expect(flags).toHaveLength(1);
    const firstInXihu = HANGZHOU_DISTRICTS.findIndex((d) => d.code === 'CN-ZJ-HZ-XH') * 3;
    expect(flags[0].institutionId).toBe(`00000000-0000-4000-8000-${String(firstInXihu).padStart(12, '0')}`);

    const viewer = await signPrincipal(
      {
        userId: 'viewer.city',
        name: 'v',
        roles: ['viewer'],
        jurisdiction: 'CN-ZJ-HZ',
      },
      'complaints',
    );
    const queue = await fetch(`http://127.0.0.1:${service.port}/complaints?pageSize=200`, {
      headers: { [PRINCIPAL_HEADER]: viewer },
    });
    const colours = (await queue.json()).items.map((i: { colour: string }) => i.colour);
    expect(colours).toEqual(expect.arrayContaining(['green', 'amber', 'red']));

    // The development hotline follows its work orders; a photo came with the blocked fire exit; every rate has figures.
    const hotline = await fetch(
      `http://127.0.0.1:${service.port}/open311/v2/requests.json?api_key=${devHotlineKey()}`,
    );
    expect((await hotline.json()).length).toBeGreaterThan(0);
    const withPhoto = await pool.query(
      "SELECT count(*)::int AS n FROM complaints.complaint WHERE jsonb_array_length(state->'evidence') > 0",
    );
    expect(withPhoto.rows[0].n).toBe(1);
    const rates = await fetch(`http://127.0.0.1:${service.port}/rates?by=district`, {
      headers: { [PRINCIPAL_HEADER]: viewer },
    });
    const { total } = await rates.json();
    for (const rate of ['response', 'resolution', 'satisfaction']) expect(total[rate].rate).not.toBeNull();
  });
});
