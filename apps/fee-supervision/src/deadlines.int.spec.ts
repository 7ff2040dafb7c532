import { RiskMonitor } from './application/risk-monitor';
import {
  call,
  FeesHarness,
  institutionWithCourse,
  paidOrder,
  startFees,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

/**
 * POST /deadlines/run with nothing due is cheap: the risk rules run again only over the accounts
 * whose ledger, lessons, refund requests or standing changed since their last run, or when a new
 * day begins (it took 5–22 s over the demo's accounts, re-reading every ledger each time).
 */
describe('the deadline sweep with nothing due', () => {
  let h: FeesHarness;
  let evaluated: string[];
  const institutions: Awaited<ReturnType<typeof institutionWithCourse>>[] = [];

  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
    for (let i = 0; i < 3; i++) {
      const inst = await institutionWithCourse(h);
      await paidOrder(h, inst, `1380000000${i}`, 10);
      institutions.push(inst);
    }
    const risk = h.service.app.get(RiskMonitor);
    const evaluate = risk.evaluate.bind(risk);
    jest.spyOn(risk, 'evaluate').mockImplementation((institutionId, origin) => {
      evaluated.push(institutionId);
      return evaluate(institutionId, origin);
    });
  });
  afterAll(() => h?.stop());
  beforeEach(() => (evaluated = []));

  const run = () => call(h, supervisor, 'POST', '/deadlines/run');

  it('runs the risk rules over every account the first time', async () => {
    expect((await run()).status).toBe(200);
    expect(evaluated.sort()).toEqual(institutions.map((i) => i.institutionId).sort());
  });

  it('runs them over no account again while nothing changed', async () => {
    const res = await run();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alerts: 0 });
    expect(evaluated).toEqual([]);
  });

  it('runs them again over the one account whose ledger moved', async () => {
    await paidOrder(h, institutions[1], '13900000001', 4);
    await run();
    expect(evaluated).toEqual([institutions[1].institutionId]);
  });

  it('runs them over every account again on a new day (the rules count days)', async () => {
    h.clock.advance(24 * 60 * 60_000);
    await run();
    expect(evaluated).toHaveLength(institutions.length);
  });
});
