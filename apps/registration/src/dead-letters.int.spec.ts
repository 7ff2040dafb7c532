import { Pool } from 'pg';
import { Principal } from '@otr/auth';
import { createEvent, PenaltyDecided, Topics } from '@otr/contracts';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, readyForApproval, serviceClient, TestDatabase } from '@otr/testing';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const CONSUMER = 'registration.inspection-decisions';
const arts: Principal = {
  userId: 'approver.arts',
  name: '审批员',
  roles: ['approver'],
  department: 'culture-tourism',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const intake: Principal = { ...arts, userId: 'intake' };
const admin: Principal = {
  userId: 'admin',
  name: '管理员',
  roles: ['administrator'],
  jurisdiction: 'CN-ZJ-HZ',
};

/**
 * A penalty decision registration refuses (the license it names is not in the register), recorded,
 * listed for an administrator, redriven once the license is back, applied once — and a second
 * redrive is a duplicate with no second effect.
 */
describe('dead letters: recorded, listed and redriven through the inbox (registration, real PostgreSQL)', () => {
  let db: TestDatabase;
  let service: RunningService;
  let pool: Pool;
  const transport = new InProcessTransport();

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await pool?.end();
    await db?.drop();
  });

  const call = (...args: Parameters<ReturnType<typeof serviceClient>>) =>
    serviceClient(service.port)(...args);
  const license = async (id: string) => (await call(arts, 'GET', `/licenses/${id}`)).body;
  const suspensions = async (licenseId: string) =>
    Number(
      (
        await pool.query(
          `SELECT count(*) FROM registration.outbox
           WHERE type = 'registration.LicenseSuspended' AND envelope->'payload'->>'licenseId' = $1`,
          [licenseId],
        )
      ).rows[0].count,
    );
  const metric = async (name: string) => {
    const text = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && l.includes(`consumer="${CONSUMER}"`));
    return line ? Number(line.split(' ').at(-1)) : undefined;
  };

  it('records a refused event, lists it to administrators only, and redrives it exactly once after the cause is fixed', async () => {
    const name = '杭州西湖区青禾舞蹈艺术培训有限公司';
    const filed = await call(intake, 'POST', '/applications', {
      institutionName: name,
      legalForm: 'for-profit',
      category: 'arts',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文三路100号',
      venue: { area: 120, maxClassSize: 20, fireSafetyAccepted: true },
      legalRepresentative: '王芳',
      ageGroups: ['primary'],
    });
    await readyForApproval(service.port, arts, filed.body.applicationId);
    const { licenseId } = (await call(arts, 'POST', `/applications/${filed.body.applicationId}/approve`))
      .body;
    expect((await license(licenseId)).status).toBe('active');

    // The cause: the license is missing from the register when inspection's decision arrives.
    await pool.query(`CREATE TABLE public.held_license AS SELECT * FROM registration.license WHERE id = $1`, [
      licenseId,
    ]);
    await pool.query(`DELETE FROM registration.license WHERE id = $1`, [licenseId]);
    const decided = createEvent(PenaltyDecided, {
      aggregateId: 'p-dl-1',
      institutionId: crypto.randomUUID(),
      actor: { userId: 'head.enforcement', role: 'approver' },
      correlationId: 'dead-letter-spec',
      payload: {
        penaltyId: 'p-dl-1',
        decisionNumber: '西教罚〔2026〕31号',
        licenseId,
        subjectName: name,
        penaltyType: 'stop-enrolling',
        legalBasis: '教育部令第53号 第十九条',
        licenseAction: 'stop-enrolling',
        reasons: '超标准收费',
        decidedOn: '2026-11-23',
      },
    });
    await transport.publish(Topics.inspection, [{ key: licenseId, value: JSON.stringify(decided) }]);
    // Still published for outside tools, and now recorded where an operator can work it.
    expect(transport.messages(`${Topics.inspection}.dlq`)).toHaveLength(1);

    expect((await call(arts, 'GET', '/dead-letters')).status).toBe(403);
    const listed = await call(
      admin,
      'GET',
      `/dead-letters?consumer=${CONSUMER}&type=${PenaltyDecided.type}&open=true`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, nextCursor: null });
    const [letter] = listed.body.items;
    expect(letter).toMatchObject({
      consumer: CONSUMER,
      topic: Topics.inspection,
      key: licenseId,
      eventType: PenaltyDecided.type,
      error: expect.stringContaining('LicenseNotFound'),
      redriveOutcome: null,
      redrivenAt: null,
    });
    expect(JSON.parse(letter.payload).id).toBe(decided.id);
    expect(await metric('otr_dead_letters_open')).toBe(1);
    expect(await metric('otr_events_dead_lettered_total')).toBe(1);

    // Redriven before the cause is fixed: refused again, still open, the new error recorded.
    const early = await call(admin, 'POST', `/dead-letters/${letter.id}/redrive`);
    expect(early.body).toMatchObject({
      id: letter.id,
      outcome: 'refused',
      error: expect.stringContaining('LicenseNotFound'),
    });
    expect((await call(admin, 'GET', '/dead-letters?open=true')).body.total).toBe(1);

    // Fixed: the license is back. The redrive applies the decision once.
    await pool.query(`INSERT INTO registration.license SELECT * FROM public.held_license`);
    expect((await call(admin, 'POST', `/dead-letters/${letter.id}/redrive`)).body).toEqual({
      id: letter.id,
      outcome: 'applied',
    });
    expect((await license(licenseId)).status).toBe('suspended');
    expect(await suspensions(licenseId)).toBe(1);
    const settled = (await call(admin, 'GET', `/dead-letters?consumer=${CONSUMER}`)).body.items[0];
    expect(settled).toMatchObject({ redriveOutcome: 'applied', redrivenAt: expect.any(String) });
    expect((await call(admin, 'GET', '/dead-letters?open=true')).body.total).toBe(0);
    expect(await metric('otr_dead_letters_open')).toBe(0);

    // Again, one by id and all by filter: the inbox knows the event; nothing changes.
    const version = (await pool.query(`SELECT version FROM registration.license WHERE id = $1`, [licenseId]))
      .rows[0];
    expect((await call(admin, 'POST', `/dead-letters/${letter.id}/redrive`)).body.outcome).toBe('duplicate');
    const byIds = await call(admin, 'POST', '/dead-letters/redrive', { ids: [letter.id] });
    expect(byIds.body).toMatchObject({
      total: 1,
      counts: { duplicate: 1, applied: 0, refused: 0, ignored: 0 },
    });
    // Nothing open is left for "all open".
    expect((await call(admin, 'POST', '/dead-letters/redrive', {})).body.total).toBe(0);
    expect(await suspensions(licenseId)).toBe(1);
    expect(
      (await pool.query(`SELECT version FROM registration.license WHERE id = $1`, [licenseId])).rows[0],
    ).toEqual(version);
  });

  it('validates its input and refuses other roles the redrive too', async () => {
    expect((await call(admin, 'GET', '/dead-letters?pageSize=0')).status).toBe(400);
    expect((await call(admin, 'GET', '/dead-letters?after=nonsense')).status).toBe(400);
    expect((await call(admin, 'POST', '/dead-letters/redrive', { ids: ['x'] })).status).toBe(400);
    expect((await call(admin, 'POST', `/dead-letters/${crypto.randomUUID()}/redrive`)).status).toBe(404);
    expect((await call(arts, 'POST', '/dead-letters/redrive', {})).status).toBe(403);
  });
});
