import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { PROBLEM_BASE, RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const intake: Principal = {
  userId: 'u-intake',
  name: '受理员',
  roles: ['approver'],
  department: 'sports',
  jurisdiction: 'CN-ZJ-HZ-XH',
};

/** One refusal, the registration service's 400, in each language (docs/integration.md, Errors). */
describe('a service’s problem+json answer in the caller’s language', () => {
  let db: TestDatabase;
  let service: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('otr_problem_language');
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  /** An application whose name is one character and whose area is not a number. */
  const fileBadApplication = async (acceptLanguage?: string) => {
    const res = await fetch(`http://127.0.0.1:${service.port}/applications?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
        [PRINCIPAL_HEADER]: await signPrincipal(intake, 'registration'),
      },
      body: JSON.stringify({ institutionName: '新', venue: { area: 'big' } }),
    });
    return { res, body: await res.json() };
  };
  const rulesOf = (body: { errors: { field: string; rule: string }[] }) =>
    Object.fromEntries(body.errors.map((i) => [i.field, i.rule]));

  it('answers in zh-CN by default, naming each field and the rule zod words in Chinese', async () => {
    const { res, body } = await fileBadApplication();
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('content-language')).toBe('zh-CN');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(body).toMatchObject({
      type: `${PROBLEM_BASE}validation-failed`,
      title: '输入不符合要求',
      status: 400,
      code: 'validation-failed',
      instance: '/applications',
    });
    const rules = rulesOf(body);
    expect(rules['institutionName']).toMatch(/过小/);
    expect(rules['venue.area']).toBe('无效输入：期望 数字，实际接收 string');
    expect(body.detail).toContain('institutionName：');
  });

  it('answers in English when Accept-Language prefers it, and in zh-CN when it prefers zh', async () => {
    const { res, body } = await fileBadApplication('en-US,en;q=0.9,zh;q=0.5');
    expect(res.headers.get('content-language')).toBe('en');
    expect(body).toMatchObject({ title: 'Validation failed', code: 'validation-failed' });
    const rules = rulesOf(body);
    expect(rules['institutionName']).toMatch(/^Too small/);
    expect(rules['venue.area']).toMatch(/^Invalid input: expected number/);
    expect((await fileBadApplication('zh-CN,en;q=0.8')).body.title).toBe('输入不符合要求');
  });

  it('titles a domain refusal by its code in zh-CN, and in English on request', async () => {
    const path = '/applications/3f1c6a2e-8d4b-4c1a-9e2f-5b7d8c9a0e1f';
    const ask = async (acceptLanguage: string) =>
      (
        await fetch(`http://127.0.0.1:${service.port}${path}`, {
          headers: {
            'accept-language': acceptLanguage,
            [PRINCIPAL_HEADER]: await signPrincipal(intake, 'registration'),
          },
        })
      ).json();
    expect(await ask('zh')).toMatchObject({
      status: 404,
      code: 'registration.ApplicationNotFound',
      type: `${PROBLEM_BASE}registration.ApplicationNotFound`,
      title: '未找到该办学申请',
      instance: path,
    });
    expect(await ask('en')).toMatchObject({ title: 'Application not found' });
  });
});
