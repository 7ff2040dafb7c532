import { Client } from 'pg';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { freePort } from '@otr/testing';
import { Lessons } from './application/lessons';
import { Refunds } from './application/refunds';
import { feeSupervisionService } from './fee-supervision.module';
import {
  call,
  FeesHarness,
  institutionWithCourse,
  ledgerInvariant,
  origin,
  paidOrder,
  placeOrder,
  recordLesson,
  signedPayment,
  startFees,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

describe('the ledger in PostgreSQL', () => {
  let h: FeesHarness;
  let pg: Client;

  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
    pg = new Client({ connectionString: h.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await h.stop();
  });

  const sqlError = (sql: string) =>
    pg.query(sql).then(
      () => 'accepted',
      (e: Error) => e.message,
    );

  it('refuses to update or delete postings and journal transactions', async () => {
    const inst = await institutionWithCourse(h);
    await paidOrder(h, inst, '13800000001', 10);
    expect(await sqlError('UPDATE fees.posting SET amount_fen = amount_fen + 1')).toMatch(/append-only/);
    expect(await sqlError('DELETE FROM fees.posting')).toMatch(/append-only/);
    expect(await sqlError('TRUNCATE fees.posting CASCADE')).toMatch(/append-only/);
    expect(await sqlError("UPDATE fees.journal_transaction SET kind = 'release'")).toMatch(/append-only/);
    expect(await sqlError('DELETE FROM fees.journal_transaction')).toMatch(/append-only/);
    const [{ n }] = (await pg.query('SELECT count(*)::int AS n FROM fees.posting')).rows;
    expect(n).toBe(2);
  });

  it('refuses postings added to a committed transaction, even a balanced pair', async () => {
    const inst = await institutionWithCourse(h);
    const order = await paidOrder(h, inst, '13800000005', 10);
    const [{ id }] = (
      await pg.query(`SELECT transaction_id AS id FROM fees.posting WHERE order_id = $1 LIMIT 1`, [order.id])
    ).rows;
    const posting = (account: string, fen: number) =>
      `('${id}', '${inst.institutionId}', '${account}', '${order.id}', ${fen}, '2026-09-01')`;
    expect(
      await sqlError(
        `INSERT INTO fees.posting (transaction_id, institution_id, account, order_id, amount_fen, "on")
         VALUES ${posting('escrow', 100)}, ${posting('family-clearing', -100)}`,
      ),
    ).toMatch(/is committed: postings cannot be added/);
    expect(await ledgerInvariant(h, inst.institutionId)).toEqual([
      { order_id: order.id, escrow: '55000', paid: '55000', released: '0', refunded: '0' },
    ]);
  });

  it('refuses an unbalanced transaction, one without postings, escrow below zero and stray hours, at commit', async () => {
    const inst = await institutionWithCourse(h);
    const order = await paidOrder(h, inst, '13800000002', 10);
    const tx = (id: string, hours: number | null = null) =>
      `INSERT INTO fees.journal_transaction (id, institution_id, kind, idempotency_key, "on", hours)
       VALUES ('${id}', '${inst.institutionId}', 'release', 'k-${id}', '2026-09-01', ${hours});`;
    const posting = (id: string, account: string, fen: number) =>
      `INSERT INTO fees.posting (transaction_id, institution_id, account, order_id, amount_fen, "on")
       VALUES ('${id}', '${inst.institutionId}', '${account}', '${order.id}', ${fen}, '2026-09-01');`;
    const before = (await pg.query('SELECT count(*)::int AS n FROM fees.posting')).rows[0].n;

    const unbalanced = '00000000-0000-4000-8000-000000000001';
    expect(
      await sqlError(
        `BEGIN; ${tx(unbalanced)} ${posting(unbalanced, 'settlement', 100)} ${posting(unbalanced, 'escrow', -99)} COMMIT;`,
      ),
    ).toMatch(/unbalanced/);
    await pg.query('ROLLBACK');
    const empty = '00000000-0000-4000-8000-000000000002';
    expect(await sqlError(`BEGIN; ${tx(empty)} COMMIT;`)).toMatch(/unbalanced/);
    await pg.query('ROLLBACK');
    const overdraw = '00000000-0000-4000-8000-000000000003';
    expect(
      await sqlError(
        `BEGIN; ${tx(overdraw)} ${posting(overdraw, 'settlement', 55_001)} ${posting(overdraw, 'escrow', -55_001)} COMMIT;`,
      ),
    ).toMatch(/escrow/);
    await pg.query('ROLLBACK');
    // The hours an order's position reads are on its postings: they must be their transaction's.
    const strayHours = '00000000-0000-4000-8000-000000000005';
    expect(
      await sqlError(
        `BEGIN; ${tx(strayHours, 2)} ${posting(strayHours, 'settlement', 100)} ${posting(strayHours, 'escrow', -100)} COMMIT;`,
      ),
    ).toMatch(/settles 2 hours, but 2 of its postings say otherwise/);
    await pg.query('ROLLBACK');
    expect((await pg.query('SELECT count(*)::int AS n FROM fees.posting')).rows[0].n).toBe(before);

    // The same shape, balanced and within escrow, is accepted: the refusals above were about the money.
    const fine = '00000000-0000-4000-8000-000000000004';
    expect(
      await sqlError(
        `BEGIN; ${tx(fine)} ${posting(fine, 'settlement', 55_000)} ${posting(fine, 'escrow', -55_000)} COMMIT;`,
      ),
    ).toBe('accepted');
  });

  it('applies a signed payment once: a replay, a forgery or a stale signature changes nothing and is logged', async () => {
    const inst = await institutionWithCourse(h);
    const { orderId } = await placeOrder(h, inst.institutionId, {
      courseId: inst.courseId,
      familyPhone: '13800000003',
      studentName: '小红',
      hours: 10,
      amountFen: 55_000,
      courseStartsOn: '2026-09-15',
      payment: { into: 'supervised-account', method: 'direct' },
    });
    const hook = await signedPayment(h, {
      accountNo: inst.account.bankAccountNo,
      orderId,
      amountFen: 55_000,
    });
    const post = (headers: Record<string, string>, body = hook.rawBody) =>
      call(h, null, 'POST', '/bank/webhooks/payments', body, headers);
    const headers = {
      'x-bank-timestamp': hook.timestamp,
      'x-bank-signature': hook.signature,
      'x-idempotency-key': hook.idempotencyKey,
    };

    expect(await post(headers)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    expect(await post(headers)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    const tampered = hook.rawBody.replace('"amountFen":55000', '"amountFen":5500000');
    expect((await post(headers, tampered)).status).toBe(401);
    expect((await post({ ...headers, 'x-bank-signature': 'ab'.repeat(32) })).status).toBe(401);
    h.clock.advance(10 * 60_000);
    expect((await post(headers)).status).toBe(401);
    h.clock.advance(-10 * 60_000);

    const rows = await ledgerInvariant(h, inst.institutionId);
    expect(rows).toEqual([
      { order_id: orderId, escrow: '55000', paid: '55000', released: '0', refunded: '0' },
    ]);
    const receipts = await h.prisma.webhookReceipt.findMany({
      where: { idempotencyKey: hook.idempotencyKey },
      orderBy: { id: 'asc' },
    });
    expect(receipts.map((r) => r.outcome)).toEqual(['applied', 'duplicate', 'forged', 'forged', 'stale']);
    // a body nobody signed is anyone's: only its size and hash are kept, never its bytes
    const forged = receipts.filter((r) => r.outcome === 'forged');
    expect(forged.map((r) => r.body)).toEqual([
      expect.stringMatching(/^unsigned body: \d+ bytes, sha256 [0-9a-f]{64}$/),
      expect.stringMatching(/^unsigned body: \d+ bytes, sha256 [0-9a-f]{64}$/),
    ]);
    expect(forged.map((r) => r.body).join()).not.toContain('5500000');
    expect(receipts.find((r) => r.outcome === 'applied')?.body).toBe(hook.rawBody);
  });

  it('books no payment into another account or by training loan: the loan lands in suspense, the order stays unpaid', async () => {
    const inst = await institutionWithCourse(h);
    const { orderId } = await placeOrder(h, inst.institutionId, {
      courseId: inst.courseId,
      familyPhone: '13800000004',
      studentName: '小刚',
      hours: 10,
      amountFen: 55_000,
      courseStartsOn: '2026-09-15',
      payment: { into: 'supervised-account', method: 'direct' },
    });
    const webhooks = h.service.app.get((await import('./application/payments')).PaymentWebhooks);
    expect(
      (await webhooks.receive(await signedPayment(h, { accountNo: 'ELSEWHERE', orderId, amountFen: 55_000 })))
        .outcome,
    ).toBe('rejected');
    expect(
      (
        await webhooks.receive(
          await signedPayment(h, {
            accountNo: inst.account.bankAccountNo,
            orderId,
            amountFen: 55_000,
            method: 'training-loan',
          }),
        )
      ).outcome,
    ).toBe('suspense');
    expect((await h.prisma.feeOrder.findUniqueOrThrow({ where: { id: orderId } })).status).toBe(
      'awaiting-payment',
    );
    expect(await ledgerInvariant(h, inst.institutionId)).toEqual([
      { order_id: orderId, escrow: null, paid: '0', released: '0', refunded: '0' },
    ]);
  });
});

describe('several writers on one institution', () => {
  let h: FeesHarness;
  let others: RunningService[];

  beforeAll(async () => {
    h = await startFees('2026-09-16T02:00:00Z');
    // Two more instances of the service on the same database: separate processes' worth of connections.
    others = [];
    for (let i = 0; i < 2; i++) {
      others.push(
        await startService(feeSupervisionService, {
          databaseUrl: h.db.url,
          transport: new InProcessTransport(),
          port: await freePort(),
          clock: h.clock,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const s of others) await s.stop();
    await h.stop();
  });

  it('keeps escrow = paid in − released − refunded and never pays a fen twice under 60 concurrent releases and refunds', async () => {
    const inst = await institutionWithCourse(h);
    const apps = [h.service.app, ...others.map((s) => s.app)];
    const orders = [];
    for (let i = 0; i < 5; i++)
      orders.push(await paidOrder(h, inst, `1390000000${i}`, 12, { courseStartsOn: '2026-09-10' }));
    const lessonIds: { id: string; familyId: string }[] = [];
    for (const o of orders) {
      for (let d = 0; d < 8; d++) {
        const { lessonId } = await recordLesson(h, inst.institutionId, o.id, { date: '2026-09-16' });
        lessonIds.push({ id: lessonId, familyId: o.familyId });
      }
    }
    // Three orders also ask for a refund, agreed by the institution while the lessons are confirmed.
    const refunds = [];
    for (const o of orders.slice(0, 3)) {
      refunds.push({
        ...(await h.service.app.get(Refunds).request(o.familyId, o.id, '搬家', origin)),
        familyId: o.familyId,
      });
    }
    const ops: Promise<unknown>[] = [];
    lessonIds.forEach((l, i) => {
      const app = apps[i % apps.length];
      ops.push(
        app
          .get(Lessons)
          .answer(l.familyId, l.id, { kind: 'confirmed' }, origin)
          .catch((e: Error) => e),
      );
      // Every fourth confirmation is sent twice, to another instance: a double click.
      if (i % 4 === 0)
        ops.push(
          apps[(i + 1) % apps.length]
            .get(Lessons)
            .answer(l.familyId, l.id, { kind: 'confirmed' }, origin)
            .catch((e: Error) => e),
        );
    });
    refunds.forEach((r, i) => {
      ops.push(
        apps[i % apps.length]
          .get(Refunds)
          .answer(inst.institutionId, r.refundId, { kind: 'agreed' }, origin)
          .catch((e: Error) => e),
      );
      ops.push(
        apps[(i + 1) % apps.length]
          .get(Refunds)
          .pay(r.refundId, { supervisor: true }, origin)
          .catch((e: Error) => e),
      );
    });
    expect(ops.length).toBeGreaterThanOrEqual(50);
    const results = await Promise.all(ops);
    const unexpected = results.filter(
      (r) => r instanceof Error && !/already|not agreed|awaiting/.test(r.message),
    );
    expect(unexpected).toEqual([]);

    const rows = await ledgerInvariant(h, inst.institutionId);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(Number(r.escrow)).toBe(Number(r.paid) - Number(r.released) - Number(r.refunded));
      expect(Number(r.escrow)).toBeGreaterThanOrEqual(0);
    }
    // Each lesson released once, each refund paid once: no idempotency key appears twice, none missing.
    const released = await h.prisma.journalTransaction.count({
      where: { institutionId: inst.institutionId, kind: 'release' },
    });
    const releasedLessons = await h.prisma.lesson.count({
      where: { institutionId: inst.institutionId, status: 'released' },
    });
    expect(released).toBe(releasedLessons);
    const paidRefunds = await h.prisma.refundRequest.findMany({
      where: { institutionId: inst.institutionId, status: 'paid' },
    });
    expect(paidRefunds).toHaveLength(3);
    const refundTxs = await h.prisma.journalTransaction.count({
      where: { institutionId: inst.institutionId, kind: 'refund' },
    });
    expect(refundTxs).toBe(paidRefunds.filter((r) => Number(r.amountFen) > 0).length);
    // The refunds and releases together never exceed what was paid in, to the fen.
    const totals = rows.reduce(
      (t, r) => ({ paid: t.paid + Number(r.paid), out: t.out + Number(r.released) + Number(r.refunded) }),
      { paid: 0, out: 0 },
    );
    expect(totals.out).toBeLessThanOrEqual(totals.paid);
    // Orders without a refund released exactly their eight taught hours' share.
    for (const o of orders.slice(3)) {
      const r = rows.find((x) => x.order_id === o.id)!;
      expect(Number(r.released)).toBe(8 * 5_500);
    }
  });
});
