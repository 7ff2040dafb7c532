import { Principal } from '@otr/auth';
import {
  call,
  FeesHarness,
  institutionWithCourse,
  operatorOf,
  paidOrder,
  recordLesson,
  signInFamily,
  startFees,
  startSmsGateway,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

const who = (
  userId: string,
  roles: Principal['roles'],
  jurisdiction: string,
  extra: Partial<Principal> = {},
) => ({ userId, name: userId, roles, jurisdiction, ...extra }) as Principal;
/** The fund supervisor and viewer of 滨江区, and an operator account not yet linked to an institution. */
const supervisorBJ = who('sup-bj', ['fund-supervisor'], 'CN-ZJ-HZ-BJ', { department: 'education' });
const viewerBJ = who('viewer-bj', ['viewer'], 'CN-ZJ-HZ-BJ');
const unlinked = who('op-new', ['institution-operator'], 'CN-ZJ-HZ-XH');

describe('fee supervision: object-level access (IDOR) on the real PostgreSQL', () => {
  let h: FeesHarness;
  let xihu: Awaited<ReturnType<typeof institutionWithCourse>>;
  let other: Awaited<ReturnType<typeof institutionWithCourse>>;
  let orderId: string;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;

  beforeAll(async () => {
    sms = await startSmsGateway();
    h = await startFees('2026-09-01T02:00:00Z', undefined, { FEES_SMS_URL: sms.url });
    xihu = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH' });
    other = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH' });
    orderId = (await paidOrder(h, xihu, '13500000001', 10)).id;
  });
  afterAll(async () => {
    await h?.stop();
    sms?.close();
  });

  const outsiders = [supervisorBJ, viewerBJ, operatorOf('00000000-0000-4000-8000-0000000000ff'), unlinked];

  it("an institution's account and balances are refused to another district, institution or an unlinked operator", async () => {
    expect((await call(h, supervisor, 'GET', `/accounts/${xihu.institutionId}`)).status).toBe(200);
    expect(
      (await call(h, operatorOf(xihu.institutionId), 'GET', `/accounts/${xihu.institutionId}`)).status,
    ).toBe(200);
    for (const caller of [...outsiders, operatorOf(other.institutionId)]) {
      for (const path of [
        `/accounts/${xihu.institutionId}`,
        `/accounts/${xihu.institutionId}/balances`,
        `/closures/${xihu.institutionId}`,
        `/closures/${xihu.institutionId}/creditors.csv`,
      ]) {
        const { status } = await call(h, caller, 'GET', path);
        expect([caller.userId, path, [403, 404].includes(status)]).toEqual([caller.userId, path, true]);
      }
    }
  });

  it("orders, lessons and refunds of one institution are not in another's lists, nor an unlinked operator's", async () => {
    for (const caller of [...outsiders, operatorOf(other.institutionId)]) {
      for (const path of ['/orders', '/lessons', '/refunds', '/courses']) {
        const answer = await call(h, caller, 'GET', path);
        if (answer.status === 200) expect(JSON.stringify(answer.body)).not.toContain(orderId);
        if (answer.status === 200 && path === '/courses')
          expect(JSON.stringify(answer.body)).not.toContain(xihu.courseId);
      }
      const asked = await call(h, caller, 'GET', `/orders?institutionId=${xihu.institutionId}`);
      if (asked.status === 200) expect(JSON.stringify(asked.body)).not.toContain(orderId);
    }
    expect(JSON.stringify((await call(h, operatorOf(xihu.institutionId), 'GET', '/orders')).body)).toContain(
      orderId,
    );
  });

  it("another family neither sees a family's order nor answers, refunds or rates it", async () => {
    h.clock.set('2026-09-15T10:00:00Z');
    const lesson = await recordLesson(h, xihu.institutionId, orderId);
    const owner = await signInFamily(h, sms, '13500000001');
    const stranger = await signInFamily(h, sms, '13500000099');
    expect(
      JSON.stringify((await call(h, null, 'GET', '/public/family/orders', undefined, owner)).body),
    ).toContain(orderId);
    expect(
      JSON.stringify((await call(h, null, 'GET', '/public/family/orders', undefined, stranger)).body),
    ).not.toContain(orderId);
    const attempts: [string, unknown][] = [
      [`/public/family/lessons/${lesson.lessonId}/confirm`, undefined],
      [`/public/family/lessons/${lesson.lessonId}/dispute`, { reason: '没上课' }],
      ['/public/family/refunds', { orderId, reason: '搬家' }],
      ['/public/family/ratings', { orderId, stars: 1 }],
    ];
    for (const [path, body] of attempts) {
      const { status } = await call(h, null, 'POST', path, body, stranger);
      expect([path, [403, 404].includes(status)]).toEqual([path, true]);
    }
  });
});
