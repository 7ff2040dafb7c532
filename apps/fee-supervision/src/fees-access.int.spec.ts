import { Principal } from '@otr/auth';
import {
  call,
  FeesHarness,
  institutionWithCourse,
  operatorOf,
  paidOrder,
  startFees,
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

  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
    xihu = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH' });
    other = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH' });
    orderId = (await paidOrder(h, xihu, '13500000001', 10)).id;
  });
  afterAll(() => h?.stop());

  const outsiders = [supervisorBJ, viewerBJ, operatorOf('00000000-0000-4000-8000-0000000000ff'), unlinked];

  it("an institution's account and balances are refused to another district, institution or an unlinked operator", async () => {
    expect((await call(h, supervisor, 'GET', `/accounts/${xihu.institutionId}`)).status).toBe(200);
    expect(
      (await call(h, operatorOf(xihu.institutionId), 'GET', `/accounts/${xihu.institutionId}`)).status,
    ).toBe(200);
    for (const caller of [...outsiders, operatorOf(other.institutionId)]) {
      for (const path of [`/accounts/${xihu.institutionId}`, `/accounts/${xihu.institutionId}/balances`]) {
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
});
