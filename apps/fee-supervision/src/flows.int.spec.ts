import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createBankSimulator } from '@otr/bank-sim';
import { createEvent, LicenseReinstated, LicenseSuspended, SYSTEM_ACTOR } from '@otr/contracts';
import { freePort } from '@otr/testing';
import { Lessons } from './application/lessons';
import { PlaceOrderInput } from './application/orders';
import { FeesScheduler } from './application/scheduler';
import { feeSupervisionEnv } from './fee-supervision.module';
import {
  call,
  deliver,
  FeesHarness,
  institutionWithCourse,
  ledgerInvariant,
  operatorOf,
  orderBody,
  origin,
  paidOrder,
  recordLesson,
  signInFamily,
  startFees,
  startSmsGateway,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

describe('fee supervision flows over HTTP', () => {
  let h: FeesHarness;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let bank: Server;

  beforeAll(async () => {
    sms = await startSmsGateway();
    const bankPort = await freePort();
    h = await startFees('2026-09-01T02:00:00Z', undefined, {
      FEES_SMS_URL: sms.url,
      FEES_BANK_URL: `http://127.0.0.1:${bankPort}`,
    });
    const sim = createBankSimulator({
      webhookUrl: `${h.url}/bank/webhooks/payments`,
      webhookSecret: feeSupervisionEnv().bankWebhookSecret,
      apiKey: feeSupervisionEnv().bankApiKey,
      now: () => h.clock.now(),
    });
    bank = sim.listen(bankPort, '127.0.0.1');
    await new Promise((r) => bank.once('listening', r));
  });
  afterAll(async () => {
    await h.stop();
    sms.close();
    bank.close();
  });

  const outboxTypes = async (type: string) =>
    (await h.prisma.outboxMessage.findMany({ where: { type }, orderBy: { seq: 'asc' } })).map(
      (m) => m.envelope as { payload: Record<string, unknown> },
    );

  it('refuses charges over the caps across open orders, over the guided price, too early or by loan, with rule and source', async () => {
    const inst = await institutionWithCourse(h);
    const op = operatorOf(inst.institutionId);
    const order = (over: Partial<PlaceOrderInput>) => call(h, op, 'POST', '/orders', orderBody(inst, over));
    expect((await order({ hours: 40, amountFen: 220_000 })).status).toBe(201);
    // Splitting the charge does not help: 40 + 20 = 60 passes, one more hour is the 61st.
    expect((await order({ hours: 20, amountFen: 110_000 })).status).toBe(201);
    const over = await order({ hours: 1, amountFen: 5_500 });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'fees.ChargeCapExceeded', errors: [{ field: 'hours' }] });
    expect(String(over.body.errors[0].rule)).toContain('60');
    expect(String(over.body.errors[0].source)).toContain('教监管函〔2021〕2号');
    // The same hour for another child is a different cap.
    expect((await order({ studentName: '小丽', hours: 1, amountFen: 5_500 })).status).toBe(201);

    const price = await order({ familyPhone: '13700000002', amountFen: 55_001 });
    expect(price).toMatchObject({ status: 422, body: { code: 'fees.PriceAboveGuidedPrice' } });
    expect((await order({ familyPhone: '13700000002', amountFen: 55_000 })).status).toBe(201);
    const early = await order({ familyPhone: '13700000003', courseStartsOn: '2026-10-15' });
    expect(early).toMatchObject({ status: 422, body: { code: 'fees.ChargeTooEarly' } });
    const loan = await order({
      familyPhone: '13700000003',
      payment: { into: 'supervised-account', method: 'training-loan' },
    });
    expect(loan).toMatchObject({
      status: 422,
      body: { code: 'fees.PaymentChannelRefused', errors: [{ field: 'payment.method' }] },
    });
    const bad = await order({ familyPhone: '123' });
    expect(bad).toMatchObject({ status: 400 });

    const refused = await outboxTypes('fees.OrderRefused');
    expect(refused.map((e) => e.payload.code)).toEqual(
      expect.arrayContaining([
        'fees.ChargeCapExceeded',
        'fees.PriceAboveGuidedPrice',
        'fees.ChargeTooEarly',
        'fees.PaymentChannelRefused',
      ]),
    );
    // Another institution's operator sees none of these orders.
    const other = await institutionWithCourse(h);
    const seen = await call(
      h,
      operatorOf(other.institutionId),
      'GET',
      `/orders?institutionId=${inst.institutionId}`,
    );
    expect(seen.status).toBe(403);
  });

  it('caps a non-subject charge at 5,000.00 yuan, open orders included', async () => {
    const inst = await institutionWithCourse(h, { category: 'arts' });
    const op = operatorOf(inst.institutionId);
    const order = (familyPhone: string, amountFen: number) =>
      call(h, op, 'POST', '/orders', orderBody(inst, { familyPhone, studentName: '小美', amountFen }));
    expect((await order('13700000011', 500_000)).status).toBe(201);
    const over = await order('13700000012', 500_001);
    expect(over).toMatchObject({
      status: 422,
      body: { code: 'fees.ChargeCapExceeded', errors: [{ field: 'amount' }] },
    });
    expect(String(over.body.errors[0].source)).toContain('5000元');
    // The first family's 5,000.00 is already open: one fen more with the same institution is over.
    expect((await order('13700000011', 1)).status).toBe(422);
  });

  it('deems a lesson confirmed after the 15th working day across Mid-Autumn and National Day, and releases it', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const o = await paidOrder(h, inst, '13700000021', 10);
    h.clock.set('2026-09-22T10:00:00Z');
    const { confirmBy } = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-22' });
    expect(confirmBy).toBe('2026-10-20');
    const scheduler = h.service.app.get(FeesScheduler);
    h.clock.set('2026-10-20T15:00:00Z'); // 23:00 in Beijing, still the 15th working day
    expect((await scheduler.sweep()).lessons).toEqual({ confirmed: 0, releasedFen: 0 });
    h.clock.set('2026-10-20T16:00:00Z'); // 00:00 on 10-21 in Beijing
    expect((await scheduler.sweep()).lessons).toEqual({ confirmed: 1, releasedFen: 5_500 });
    const confirmed = (await outboxTypes('fees.LessonConfirmed')).filter((e) => e.payload.orderId === o.id);
    expect(confirmed.map((e) => e.payload)).toEqual([
      expect.objectContaining({ deemed: true, confirmedOn: '2026-10-20' }),
    ]);
    expect(await ledgerInvariant(h, inst.institutionId)).toEqual([
      { order_id: o.id, escrow: '49500', paid: '55000', released: '5500', refunded: '0' },
    ]);
    // The release is announced once, with the ledger transaction; a later sweep moves and announces nothing.
    expect((await scheduler.sweep()).lessons).toEqual({ confirmed: 0, releasedFen: 0 });
    const released = (await outboxTypes('fees.FundsReleased')).filter((e) => e.payload.orderId === o.id);
    expect(released.map((e) => e.payload)).toEqual([
      expect.objectContaining({ amountFen: 5_500, releasedOn: '2026-10-21' }),
    ]);
  });

  it('lets a family sign in by code, confirm and dispute lessons, and get a deemed-agreed pro-rata refund', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const phone = '13700000031';
    const o = await paidOrder(h, inst, phone, 10);
    h.clock.set('2026-09-16T02:00:00Z');
    const first = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-15' });
    const second = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-16' });

    expect((await call(h, null, 'GET', '/public/family/orders')).status).toBe(401);
    expect((await call(h, null, 'POST', '/public/family/sign-in/code', { phone })).status).toBe(202);
    expect(
      (
        await call(h, null, 'POST', '/public/family/sign-in', {
          phone,
          code: sms.codes.get(phone) === '000000' ? '111111' : '000000',
        })
      ).status,
    ).toBe(403);
    expect((await call(h, null, 'POST', '/public/family/sign-in/code', { phone })).status).toBe(202);
    const signIn = await call(h, null, 'POST', '/public/family/sign-in', {
      phone,
      code: sms.codes.get(phone),
    });
    expect(signIn.status).toBe(200);
    const auth = { authorization: `Bearer ${signIn.body.token}` };
    // The code is used once.
    expect(
      (await call(h, null, 'POST', '/public/family/sign-in', { phone, code: sms.codes.get(phone) })).status,
    ).toBe(403);

    const mine = await call(h, null, 'GET', '/public/family/orders', undefined, auth);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      items: [expect.objectContaining({ id: o.id, escrowFen: 55_000, lessons: expect.any(Array) })],
      total: 1,
    });

    const confirmed = await call(
      h,
      null,
      'POST',
      `/public/family/lessons/${first.lessonId}/confirm`,
      undefined,
      auth,
    );
    expect(confirmed.body).toMatchObject({ status: 'confirmed', releasedFen: 5_500 });
    const disputed = await call(
      h,
      null,
      'POST',
      `/public/family/lessons/${second.lessonId}/dispute`,
      { reason: '老师缺课' },
      auth,
    );
    expect(disputed.body).toMatchObject({ status: 'disputed', releasedFen: 0 });

    // Another family cannot touch these lessons.
    const stranger = await signInFamily(h, sms, '13700000032');
    const theirs = await call(
      h,
      null,
      'POST',
      `/public/family/lessons/${first.lessonId}/confirm`,
      undefined,
      stranger,
    );
    expect(theirs.status).toBe(403);

    const asked = await call(
      h,
      null,
      'POST',
      '/public/family/refunds',
      { orderId: o.id, reason: '搬家' },
      auth,
    );
    expect(asked.status).toBe(201);
    // 5 working days from Wednesday 9-16: 9-17, 9-18, Sunday 9-20 (a make-up working day), 9-21, 9-22.
    expect(asked.body.answerBy).toBe('2026-09-22');
    const scheduler = h.service.app.get(FeesScheduler);
    h.clock.set('2026-09-22T10:00:00Z');
    expect((await scheduler.sweep()).refunds.agreed).toBe(0);
    h.clock.set('2026-09-23T02:00:00Z');
    const swept = await scheduler.sweep();
    expect(swept.refunds.agreed).toBe(1);
    // 49,500 left for 9 hours; the disputed hour stays in escrow, the 8 untaught hours are refunded.
    const refund = await h.prisma.refundRequest.findUniqueOrThrow({
      where: { id: String(asked.body.refundId) },
    });
    expect({ status: refund.status, deemed: refund.deemed, amountFen: Number(refund.amountFen) }).toEqual({
      status: 'paid',
      deemed: true,
      amountFen: 44_000,
    });
    expect(await ledgerInvariant(h, inst.institutionId)).toEqual([
      { order_id: o.id, escrow: '5500', paid: '55000', released: '5500', refunded: '44000' },
    ]);
  });

  it('reports lessons outside the training times to inspection, and records them', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const o = await paidOrder(h, inst, '13700000041', 10, { courseStartsOn: '2026-09-10' });
    h.clock.set('2026-09-12T14:00:00Z'); // recorded the evening it was taught
    const res = await call(h, operatorOf(inst.institutionId), 'POST', '/lessons', {
      orderId: o.id,
      date: '2026-09-12',
      start: '19:50',
      durationMinutes: 45,
      mode: 'offline',
      hours: 1,
      students: 15,
    });
    expect(res.status).toBe(201);
    expect((res.body.violations as { code: string }[]).map((v) => v.code)).toEqual([
      'subject-on-weekend',
      'ends-too-late',
    ]);
    const reported = (await outboxTypes('fees.TrainingTimeViolationDetected')).filter(
      (e) => e.payload.lessonId === res.body.lessonId,
    );
    expect(reported.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        licenseId: inst.licenseId,
        startsAt: '2026-09-12T19:50:00+08:00',
        source: expect.stringContaining('中办发〔2021〕40号'),
      }),
      expect.objectContaining({ rule: 'offline training ends by 20:30' }),
    ]);
    // The last day of Hangzhou's summer vacation (a Monday), from the rulebook's school calendar,
    // on an order placed and started in the vacation.
    h.clock.set('2026-08-25T02:00:00Z');
    const summer = await paidOrder(h, inst, '13700000042', 10, { courseStartsOn: '2026-08-25' });
    h.clock.set('2026-08-31T10:00:00Z');
    const inVacation = await call(h, operatorOf(inst.institutionId), 'POST', '/lessons', {
      orderId: summer.id,
      date: '2026-08-31',
      start: '16:00',
      durationMinutes: 45,
      mode: 'offline',
      hours: 1,
      students: 15,
    });
    expect(inVacation.body.violations).toEqual([
      expect.objectContaining({
        code: 'subject-in-school-vacation',
        source: expect.stringMatching(/寒暑假.*杭州市中小学校历/),
      }),
    ]);
  });

  it('refuses a subject-type charge where no guided price is in force (outside Hangzhou): 422 with rule and source', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h, { district: 'CN-ZJ-NB-YZ' });
    const op = operatorOf(inst.institutionId);
    const res = await call(h, op, 'POST', '/orders', orderBody(inst, { familyPhone: '13700000081' }));
    expect(res).toMatchObject({
      status: 422,
      body: { code: 'fees.GuidedPriceNotSet', errors: [{ field: 'amount' }] },
    });
    expect(String(res.body.errors[0].rule)).toContain('fees.guidedBasePrice');
    expect(String(res.body.errors[0].source)).toContain('发改价格〔2021〕1305号');
    expect((await outboxTypes('fees.OrderRefused')).at(-1)?.payload).toMatchObject({
      licenseId: inst.licenseId,
      code: 'fees.GuidedPriceNotSet',
    });
    // Everything else resolves there: the account was opened and the other caps still apply.
    expect(inst.account.mode).toBe('bank-escrow');
    const over = await call(
      h,
      op,
      'POST',
      '/orders',
      orderBody(inst, { familyPhone: '13700000082', hours: 61 }),
    );
    expect(over).toMatchObject({ status: 422, body: { code: 'fees.ChargeCapExceeded' } });
  });

  it('freezes orders on suspension, raises an alert the supervisor acknowledges and closes, and unfreezes on reinstatement', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    await paidOrder(h, inst, '13700000051', 10);
    const fields = {
      aggregateId: inst.licenseId,
      institutionId: inst.institutionId,
      actor: SYSTEM_ACTOR,
      correlationId: 't',
    };
    const payload = { licenseId: inst.licenseId, licenseNumber: 'n', reason: '违规收费' };
    await deliver(h, createEvent(LicenseSuspended, { ...fields, payload }));
    const refused = await call(
      h,
      operatorOf(inst.institutionId),
      'POST',
      '/orders',
      orderBody(inst, { familyPhone: '13700000052', studentName: '小新' }),
    );
    expect(refused).toMatchObject({ status: 422, body: { code: 'fees.OrdersFrozen' } });
    expect((await outboxTypes('fees.InstitutionFundsFrozen')).at(-1)?.payload).toMatchObject({
      licenseId: inst.licenseId,
      escrowFen: 55_000,
      closure: false,
    });

    const evaluated = await call(h, supervisor, 'POST', '/alerts/evaluate', {
      institutionId: inst.institutionId,
    });
    expect((evaluated.body as unknown as { code: string }[]).map((a) => a.code)).toContain(
      'funds-while-license-suspended',
    );
    const open = await call(h, supervisor, 'GET', `/alerts?institutionId=${inst.institutionId}&state=open`);
    const alert = (open.body.items as { id: string; code: string }[]).find(
      (a) => a.code === 'funds-while-license-suspended',
    )!;
    expect((await call(h, supervisor, 'POST', `/alerts/${alert.id}/acknowledge`)).body).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'sup-1',
    });
    expect(
      (await call(h, supervisor, 'POST', `/alerts/${alert.id}/close`, { note: '已约谈机构，资金安全' })).body,
    ).toMatchObject({ state: 'closed', note: '已约谈机构，资金安全' });
    expect((await call(h, supervisor, 'POST', `/alerts/${alert.id}/acknowledge`)).status).toBe(409);
    // Evaluating again does not raise the same alert twice on the same day.
    expect(
      (await call(h, supervisor, 'POST', '/alerts/evaluate', { institutionId: inst.institutionId })).body,
    ).toEqual([]);
    expect(
      (await outboxTypes('fees.RiskAlertRaised')).filter((e) => e.payload.alertId === alert.id),
    ).toHaveLength(1);

    await deliver(
      h,
      createEvent(LicenseReinstated, { ...fields, payload: { ...payload, reason: '整改完成' } }),
    );
    const again = await call(
      h,
      operatorOf(inst.institutionId),
      'POST',
      '/orders',
      orderBody(inst, { familyPhone: '13700000052', studentName: '小新' }),
    );
    expect(again.status).toBe(201);
  });

  it('reconciles the bank’s daily statement against the ledger and raises a mismatch', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const { body } = await call(
      h,
      operatorOf(inst.institutionId),
      'POST',
      '/orders',
      orderBody(inst, { familyPhone: '13700000061', studentName: '小军', courseStartsOn: '2026-09-01' }),
    );
    const bankUrl = `http://127.0.0.1:${(bank.address() as AddressInfo).port}`;
    const paid = await fetch(`${bankUrl}/sim/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountNo: body.payInto, orderId: body.orderId, amountFen: 55_000 }),
    }).then((r) => r.json());
    expect(paid.webhook).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    const replay = await fetch(`${bankUrl}/sim/webhooks/${paid.idempotencyKey}/redeliver`, {
      method: 'POST',
    }).then((r) => r.json());
    expect(replay.webhook.body).toMatchObject({ outcome: 'duplicate' });

    const o = await h.prisma.feeOrder.findUniqueOrThrow({ where: { id: String(body.orderId) } });
    const { lessonId } = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-01' });
    await h.service.app.get(Lessons).answer(o.familyId, lessonId, { kind: 'confirmed' }, origin);
    expect((await h.service.app.get(FeesScheduler).work()).instructions).toBeGreaterThanOrEqual(1);

    const matched = await call(h, supervisor, 'POST', '/reconciliation/runs', {
      date: '2026-09-01',
      institutionId: inst.institutionId,
    });
    expect(matched.body).toEqual([
      expect.objectContaining({ result: 'matched', bankBalanceFen: 49_500, ledgerBalanceFen: 49_500 }),
    ]);

    await fetch(`${bankUrl}/sim/adjustments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountNo: body.payInto,
        amountFen: -100,
        reference: 'bank-fee',
        date: '2026-09-01',
      }),
    });
    const mismatch = await call(h, supervisor, 'POST', '/reconciliation/runs', {
      date: '2026-09-01',
      institutionId: inst.institutionId,
    });
    expect(mismatch.body).toEqual([
      expect.objectContaining({ result: 'mismatch', bankBalanceFen: 49_400, ledgerBalanceFen: 49_500 }),
    ]);
    expect((await outboxTypes('fees.ReconciliationMismatch')).at(-1)?.payload).toMatchObject({
      licenseId: inst.licenseId,
      differences: 2,
    });
    const alerts = await call(h, supervisor, 'GET', `/alerts?institutionId=${inst.institutionId}`);
    expect((alerts.body.items as { code: string }[]).map((a) => a.code)).toContain('reconciliation-mismatch');
  });

  it('runs the closure playbook by hand: frozen, bulk refund with progress, creditor list', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const a = await paidOrder(h, inst, '13700000071', 10, { courseStartsOn: '2026-09-01' });
    const b = await paidOrder(h, inst, '13700000072', 20);
    const { lessonId } = await recordLesson(h, inst.institutionId, a.id, { date: '2026-09-01' });
    await h.service.app.get(Lessons).answer(a.familyId, lessonId, { kind: 'confirmed' }, origin);

    const started = await call(h, supervisor, 'POST', '/closures', {
      institutionId: inst.institutionId,
      reason: '机构停止经营',
    });
    expect(started.body).toMatchObject({
      status: 'refunding',
      claims: 2,
      claimsPaid: 0,
      totalFen: 49_500 + 110_000,
      escrowFen: 159_500,
    });
    const run = await call(h, supervisor, 'POST', `/closures/${inst.institutionId}/refunds/run`);
    expect(run.body).toMatchObject({ status: 'completed', claimsPaid: 2, paidFen: 159_500, escrowFen: 0 });
    const csv = await call(h, supervisor, 'GET', `/closures/${inst.institutionId}/creditors.csv`);
    expect(String(csv.body).trim().split('\n')).toEqual([
      'family_id,phone,order_id,amount_yuan,status,paid_on',
      ...[
        [a, '137****0071', '495.00'],
        [b, '137****0072', '1100.00'],
      ]
        .sort(([x], [y]) =>
          String((x as { familyId: string }).familyId) < String((y as { familyId: string }).familyId)
            ? -1
            : 1,
        )
        .map(
          ([o, phone, yuan]) =>
            `${(o as { familyId: string }).familyId},${phone},${(o as { id: string }).id},${yuan},paid,2026-09-01`,
        ),
    ]);
    const orders = await call(
      h,
      operatorOf(inst.institutionId),
      'POST',
      '/orders',
      orderBody(inst, { familyPhone: '13700000073', studentName: '小兵' }),
    );
    expect(orders).toMatchObject({ status: 422, body: { code: 'fees.OrdersFrozen' } });
  });
});
