// Money moves only on the bank's word: a signed notification is booked only when the bank's own
// record agrees; genuine money no order can take lands in suspense with an alert, and the fund
// supervisor returns it or matches it; money times lie in the bank's window.
import { freePort } from '@otr/testing';
import { Lessons } from './application/lessons';
import { FeesScheduler } from './application/scheduler';
import {
  call,
  FeesHarness,
  forgedPayment,
  institutionWithCourse,
  operatorOf,
  orderBody,
  origin,
  paidOrder,
  placeOrder,
  recordLesson,
  signedPayment,
  startFees,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

describe('payments on the bank’s word', () => {
  let h: FeesHarness;
  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
  });
  afterAll(() => h.stop());

  const post = (hook: Awaited<ReturnType<typeof signedPayment>>) =>
    call(h, null, 'POST', '/bank/webhooks/payments', hook.rawBody, {
      'x-bank-timestamp': hook.timestamp,
      'x-bank-signature': hook.signature,
      'x-idempotency-key': hook.idempotencyKey,
    });
  const newOrder = async (inst: Awaited<ReturnType<typeof institutionWithCourse>>, phone: string) =>
    (await placeOrder(h, inst.institutionId, orderBody(inst, { familyPhone: phone }))).orderId as string;
  const escrowOf = async (institutionId: string) =>
    (await h.fees.ledger.balances(h.prisma, institutionId)).escrow;

  it('books nothing the bank has no record of, or that differs from its record, however well signed', async () => {
    const inst = await institutionWithCourse(h);
    const orderId = await newOrder(inst, '13900000001');
    const never = await post(
      forgedPayment(h, { accountNo: inst.account.bankAccountNo, orderId, amountFen: 55_000 }),
    );
    expect(never).toMatchObject({ status: 401 });
    expect(String(never.body.detail)).toContain('no payment');

    // A real payment of 1 fen, re-sent claiming 550.00 yuan under the bank's own reference.
    const real = await signedPayment(h, { accountNo: inst.account.bankAccountNo, orderId, amountFen: 1 });
    const inflated = forgedPayment(h, {
      accountNo: inst.account.bankAccountNo,
      orderId,
      amountFen: 55_000,
      key: real.idempotencyKey,
    });
    const differs = await post(inflated);
    expect(differs.status).toBe(401);
    expect(String(differs.body.detail)).toContain('amountFen');
    expect(await escrowOf(inst.institutionId)).toBe(0);
    expect((await h.prisma.feeOrder.findUniqueOrThrow({ where: { id: orderId } })).status).toBe(
      'awaiting-payment',
    );
    const receipts = await h.prisma.webhookReceipt.findMany({ where: { outcome: 'forged' } });
    expect(receipts.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses paidAt in 1970, in 2099 or before the order was placed, 422 naming paidAt', async () => {
    const inst = await institutionWithCourse(h);
    const orderId = await newOrder(inst, '13900000002');
    for (const at of ['1970-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2026-08-01T00:00:00Z']) {
      const hook = await signedPayment(h, {
        accountNo: inst.account.bankAccountNo,
        orderId,
        amountFen: 55_000,
        at,
      });
      const res = await post(hook);
      expect(res).toMatchObject({
        status: 422,
        body: { code: 'fees.InvalidMoneyTime', errors: [{ field: 'paidAt' }] },
      });
    }
    expect(await escrowOf(inst.institutionId)).toBe(0);
  });

  it('holds a second payment, one a fen short and one for an unknown order in suspense, alerts, and lets the supervisor return or match it', async () => {
    const inst = await institutionWithCourse(h);
    const account = inst.account.bankAccountNo;
    const a = await newOrder(inst, '13900000003');
    const b = await newOrder(inst, '13900000004');
    expect(
      (await post(await signedPayment(h, { accountNo: account, orderId: a, amountFen: 55_000 }))).body,
    ).toMatchObject({
      outcome: 'applied',
    });
    const second = await post(await signedPayment(h, { accountNo: account, orderId: a, amountFen: 55_000 }));
    const short = await post(await signedPayment(h, { accountNo: account, orderId: b, amountFen: 54_999 }));
    const unknown = await post(
      await signedPayment(h, {
        accountNo: account,
        orderId: '00000000-0000-4000-8000-00000000beef',
        amountFen: 700,
      }),
    );
    for (const r of [second, short, unknown])
      expect(r).toMatchObject({ status: 200, body: { outcome: 'suspense' } });

    // In the ledger, balanced: escrow holds only the booked payment, suspense the rest.
    const balances = await h.fees.ledger.balances(h.prisma, inst.institutionId);
    expect(balances.escrow).toBe(55_000);
    expect(balances.suspense).toBe(55_000 + 54_999 + 700);
    expect(Object.values(balances).reduce((x, y) => x + y, 0)).toBe(0);
    // Alerted to the fund supervisor, and listed for them.
    const alerts = await call(h, supervisor, 'GET', `/alerts?institutionId=${inst.institutionId}`);
    expect(
      (alerts.body.items as { code: string }[]).filter((x) => x.code === 'payment-in-suspense'),
    ).toHaveLength(3);
    expect(alerts.body.nextCursor).toBeNull();
    // Alerts accrue without bound: paged by keyset, each page continues after the last one's alert.
    type AlertPage = { items: { id: string }[]; total: number; nextCursor: string | null };
    const whole = alerts.body as unknown as AlertPage;
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `institutionId=${inst.institutionId}&limit=1${cursor ? `&after=${cursor}` : ''}`;
      const page = (await call(h, supervisor, 'GET', `/alerts?${query}`)).body as unknown as AlertPage;
      expect(page.items.length).toBeLessThanOrEqual(1);
      expect(page.total).toBe(whole.total);
      paged.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor && paged.length <= whole.total);
    expect(paged).toEqual(whole.items.map((x) => x.id));
    const listed = await call(
      h,
      supervisor,
      'GET',
      `/suspense?institutionId=${inst.institutionId}&status=open`,
    );
    expect(listed.body.items).toHaveLength(3);
    expect(listed.body.total).toBe(3);
    // The operator may neither see nor move suspense.
    expect(
      (
        await call(h, operatorOf(inst.institutionId), 'POST', `/suspense/${second.body.suspenseId}/refund`, {
          note: '退回',
        })
      ).status,
    ).toBe(403);

    // The second payment goes back to its payer through the bank.
    const secondItem = (listed.body.items as { id: string }[]).find((i) => i.id === second.body.suspenseId)!;
    const refunded = await call(h, supervisor, 'POST', `/suspense/${secondItem.id}/refund`, {
      note: '重复支付，退回',
    });
    expect(refunded).toMatchObject({ status: 200, body: { status: 'refunded' } });
    expect(
      (await call(h, supervisor, 'POST', `/suspense/${secondItem.id}/refund`, { note: '再退一次' })).status,
    ).toBe(409);
    expect((await h.service.app.get(FeesScheduler).work()).instructions).toBe(1);

    // The short payment cannot be matched to its order (the amount differs) …
    const shortId = String(short.body.suspenseId);
    const mismatch = await call(h, supervisor, 'POST', `/suspense/${shortId}/match`, {
      orderId: b,
      note: '少付1分',
    });
    expect(mismatch).toMatchObject({ status: 409, body: { errors: [{ field: 'orderId' }] } });
    // … the unknown order's money is matched to an order awaiting exactly 7.00 yuan.
    const c = (
      await placeOrder(
        h,
        inst.institutionId,
        orderBody(inst, { familyPhone: '13900000005', hours: 1, amountFen: 700, studentName: '小七' }),
      )
    ).orderId as string;
    const matched = await call(h, supervisor, 'POST', `/suspense/${unknown.body.suspenseId}/match`, {
      orderId: c,
      note: '家长来电确认',
    });
    expect(matched).toMatchObject({ status: 200, body: { status: 'matched', matchedOrderId: c } });
    expect((await h.prisma.feeOrder.findUniqueOrThrow({ where: { id: c } })).status).toBe('paid');

    const after = await h.fees.ledger.balances(h.prisma, inst.institutionId);
    expect(after.escrow).toBe(55_000 + 700);
    expect(after.suspense).toBe(54_999);
    // Reconciled against the bank: the suspense money is in the account, the return left it.
    const run = await call(h, supervisor, 'POST', '/reconciliation/runs', {
      date: '2026-09-01',
      institutionId: inst.institutionId,
    });
    expect(run.body).toEqual([
      expect.objectContaining({ result: 'matched', bankBalanceFen: 55_000 + 700 + 54_999 }),
    ]);
  });

  it('books a payment redelivered five times at once exactly once, and puts none of it in suspense', async () => {
    const inst = await institutionWithCourse(h);
    const orderId = await newOrder(inst, '13900000007');
    const hook = await signedPayment(h, {
      accountNo: inst.account.bankAccountNo,
      orderId,
      amountFen: 55_000,
    });
    const outcomes = (await Promise.all([1, 2, 3, 4, 5].map(() => post(hook)))).map((r) => r.body.outcome);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'applied' && o !== 'duplicate')).toEqual([]);
    const held = await h.fees.ledger.balances(h.prisma, inst.institutionId);
    expect({ escrow: held.escrow, suspense: held.suspense }).toEqual({ escrow: 55_000, suspense: 0 });
  });

  it('reconciles yesterday’s statements on the scheduler, each account once, and alerts a payment the bank never received', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const orderId = await newOrder(inst, '13900000006');
    await post(await signedPayment(h, { accountNo: inst.account.bankAccountNo, orderId, amountFen: 55_000 }));
    // A payment booked that the bank does not hold (a row written past the service, say).
    await fetch(`${h.bankUrl}/sim/adjustments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountNo: inst.account.bankAccountNo,
        amountFen: -55_000,
        reference: 'chargeback',
        date: '2026-09-01',
      }),
    });
    h.clock.set('2026-09-02T01:00:00Z');
    const scheduler = h.service.app.get(FeesScheduler);
    const first = await scheduler.reconcile();
    expect(first).toMatchObject({ date: '2026-09-01' });
    expect(first.mismatches).toBeGreaterThanOrEqual(1);
    const runs = await h.prisma.reconciliationRun.findMany({
      where: { institutionId: inst.institutionId },
    });
    expect(runs.map((r) => r.result)).toEqual(['mismatch']);
    const alerts = await call(h, supervisor, 'GET', `/alerts?institutionId=${inst.institutionId}`);
    expect((alerts.body.items as { code: string }[]).map((a) => a.code)).toContain('reconciliation-mismatch');
    expect((await scheduler.reconcile()).runs).toBe(0);
    const future = await call(h, supervisor, 'POST', '/reconciliation/runs', { date: '2099-01-01' });
    expect(future).toMatchObject({ status: 422, body: { errors: [{ field: 'date' }] } });
    h.clock.set('2026-09-01T02:00:00Z');
  });
});

describe('lessons on the order’s own dates', () => {
  let h: FeesHarness;
  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
  });
  afterAll(() => h.stop());

  const lesson = (h: FeesHarness, op: ReturnType<typeof operatorOf>, orderId: string, date: string) =>
    call(h, op, 'POST', '/lessons', {
      orderId,
      date,
      start: '16:00',
      durationMinutes: 45,
      mode: 'offline',
      hours: 1,
      students: 12,
    });

  it('refuses a lesson before the order, before the course, after its period or in the future, 422 naming the rule', async () => {
    const inst = await institutionWithCourse(h);
    const op = operatorOf(inst.institutionId);
    const o = await paidOrder(h, inst, '13900000011', 10, { courseStartsOn: '2026-09-07' });
    h.clock.set('2026-12-20T02:00:00Z');
    for (const [date, rule] of [
      ['2026-08-31', 'before its order'],
      ['2026-09-04', 'before the course starts'],
      ['2026-12-07', 'within the period'],
      ['2026-12-21', 'not dated in the future'],
    ]) {
      const res = await lesson(h, op, o.id, date);
      expect(res).toMatchObject({
        status: 422,
        body: { code: 'fees.LessonDateRefused', errors: [{ field: 'date' }] },
      });
      expect(String(res.body.errors[0].rule)).toContain(rule);
    }
    expect((await lesson(h, op, o.id, '2026-12-04')).status).toBe(201);
  });

  it('answers a day no fee rule was in force with 422, not 500', async () => {
    const inst = await institutionWithCourse(h);
    const o = await paidOrder(h, inst, '13900000012', 10);
    const res = await lesson(h, operatorOf(inst.institutionId), o.id, '1970-01-01');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('date');
  });

  it('gives the family its full window from the day it was told of a backdated lesson: no release before', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const o = await paidOrder(h, inst, '13900000013', 10, { courseStartsOn: '2026-09-01' });
    // Taught (it says) on 9-01, recorded on 10-22: counted from 9-01 the window closed on 9-22.
    h.clock.set('2026-10-22T02:00:00Z');
    const { lessonId, confirmBy } = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-01' });
    expect(confirmBy > '2026-11-01').toBe(true);
    h.clock.set('2026-10-23T02:00:00Z');
    expect((await h.service.app.get(FeesScheduler).sweep()).lessons).toEqual({
      confirmed: 0,
      releasedFen: 0,
    });
    // The family disputes in its window, and is heard.
    const disputed = await h.service.app
      .get(Lessons)
      .answer(o.familyId, lessonId, { kind: 'disputed', reason: '那天没上课' }, origin);
    expect(disputed).toMatchObject({ status: 'disputed', releasedFen: 0 });
    expect((await h.fees.ledger.balances(h.prisma, inst.institutionId)).settlement).toBe(0);
  });
});

describe('the bank’s callback on an address of its own', () => {
  let h: FeesHarness;
  let callback: number;
  beforeAll(async () => {
    callback = await freePort();
    h = await startFees('2026-09-01T02:00:00Z', undefined, { FEES_BANK_CALLBACK_PORT: String(callback) });
  });
  afterAll(() => h.stop());

  it('takes the bank’s notifications there, and the service’s own port (the gateway’s upstream) has no /bank route', async () => {
    const inst = await institutionWithCourse(h);
    const { orderId } = await placeOrder(
      h,
      inst.institutionId,
      orderBody(inst, { familyPhone: '13900000021' }),
    );
    const hook = await signedPayment(h, {
      accountNo: inst.account.bankAccountNo,
      orderId,
      amountFen: 55_000,
    });
    const headers = {
      'x-bank-timestamp': hook.timestamp,
      'x-bank-signature': hook.signature,
      'x-idempotency-key': hook.idempotencyKey,
    };
    expect((await call(h, null, 'POST', '/bank/webhooks/payments', hook.rawBody, headers)).status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${callback}/bank/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: hook.rawBody,
    });
    expect({ status: res.status, body: await res.json() }).toMatchObject({
      status: 200,
      body: { outcome: 'applied' },
    });
    // The bank's own delivery goes there too.
    const o2 = await placeOrder(h, inst.institutionId, orderBody(inst, { familyPhone: '13900000022' }));
    const paid = await fetch(`${h.bankUrl}/sim/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountNo: inst.account.bankAccountNo, orderId: o2.orderId, amountFen: 55_000 }),
    }).then((r) => r.json());
    expect(paid.webhook).toMatchObject({ status: 200, body: { outcome: 'applied' } });
  });
});
