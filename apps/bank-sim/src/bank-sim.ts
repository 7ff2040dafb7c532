import { createHmac, randomUUID } from 'node:crypto';
import express, { Express, NextFunction, Request, Response } from 'express';

/**
 * The custodian bank's side, as a payment provider's test mode would be (development and tests
 * only): supervised accounts that families pay into, signed payment webhooks to fee supervision,
 * release and refund instructions executed and confirmed, and daily statements. State is in memory.
 */
export interface BankSimulatorOptions {
  /** Where payment notifications go, e.g. http://127.0.0.1:3004/bank/webhooks/payments. */
  webhookUrl: string;
  webhookSecret: string;
  /** What fee supervision must present to instruct the bank or read statements. */
  apiKey: string;
  now?: () => Date;
}

interface Line {
  date: string;
  reference: string;
  amountFen: number;
}

interface Delivery {
  body: string;
  idempotencyKey: string;
}

/** The bank's own record of an incoming payment: what fee supervision asks for before it books one. */
interface PaymentRecord {
  reference: string;
  accountNo: string;
  orderId: string;
  amountFen: number;
  paidAt: string;
  payer: { account: string; method: string };
}

const beijingDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createBankSimulator(opts: BankSimulatorOptions): Express & { lines: Map<string, Line[]> } {
  const now = opts.now ?? (() => new Date());
  const lines = new Map<string, Line[]>();
  const deliveries = new Map<string, Delivery>();
  const instructions = new Map<string, { bankReference: string }>();
  const payments = new Map<string, PaymentRecord>();
  const book = (accountNo: string, line: Line) =>
    lines.set(accountNo, [...(lines.get(accountNo) ?? []), line]);

  const signed = (d: Delivery) => {
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const signature = createHmac('sha256', opts.webhookSecret).update(`${timestamp}.${d.body}`).digest('hex');
    return {
      'content-type': 'application/json',
      'x-bank-timestamp': timestamp,
      'x-bank-signature': signature,
      'x-idempotency-key': d.idempotencyKey,
    };
  };
  const deliver = async (d: Delivery) => {
    const res = await fetch(opts.webhookUrl, { method: 'POST', headers: signed(d), body: d.body });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const app = express() as Express & { lines: Map<string, Line[]> };
  app.lines = lines;
  app.use(express.json());
  const authorised = (req: Request, res: Response, next: NextFunction) =>
    req.header('x-bank-api-key') === opts.apiKey ? next() : res.status(401).json({ error: 'bad api key' });

  app.get('/health/live', (_req, res) => res.json({ status: 'ok', service: 'bank-sim' }));

  /**
   * A family pays into a supervised account: booked, then notified to fee supervision (or, with
   * deliver: false, the signed notification is handed back for a test to post itself). `at` (an
   * ISO instant) or `date` backdates it as a bank's record may be.
   */
  app.post('/sim/payments', async (req, res) => {
    const { accountNo, orderId, amountFen, payerAccount, method, date, at: paidAt } = req.body ?? {};
    if (
      typeof accountNo !== 'string' ||
      typeof orderId !== 'string' ||
      !Number.isSafeInteger(amountFen) ||
      amountFen <= 0
    ) {
      return res
        .status(400)
        .json({ error: 'accountNo, orderId and a positive integer amountFen are required' });
    }
    const at =
      typeof paidAt === 'string' && !Number.isNaN(Date.parse(paidAt))
        ? new Date(paidAt)
        : typeof date === 'string' && DATE.test(date)
          ? new Date(`${date}T10:00:00+08:00`)
          : now();
    const idempotencyKey = `bank-${randomUUID()}`;
    book(accountNo, { date: beijingDate(at), reference: idempotencyKey, amountFen });
    const record: PaymentRecord = {
      reference: idempotencyKey,
      accountNo,
      orderId,
      amountFen,
      paidAt: at.toISOString(),
      payer: { account: payerAccount ?? 'family-account', method: method ?? 'direct' },
    };
    payments.set(idempotencyKey, record);
    const delivery: Delivery = {
      idempotencyKey,
      body: JSON.stringify({
        type: 'payment.received',
        idempotencyKey,
        accountNo,
        orderId,
        amountFen,
        paidAt: record.paidAt,
        payer: record.payer,
      }),
    };
    deliveries.set(idempotencyKey, delivery);
    if (req.body?.deliver === false) {
      return res.status(201).json({ idempotencyKey, rawBody: delivery.body, headers: signed(delivery) });
    }
    const webhook = await deliver(delivery).catch((e: Error) => ({ status: 0, body: e.message }));
    return res.status(201).json({ idempotencyKey, webhook });
  });

  /** Sends a notification again, as a bank retrying after a timeout would: same key, fresh signature. */
  app.post('/sim/webhooks/:key/redeliver', async (req, res) => {
    const d = deliveries.get(String(req.params.key));
    if (!d) return res.status(404).json({ error: 'unknown delivery' });
    return res.json({ webhook: await deliver(d) });
  });

  /** Books a line fee supervision does not know of (a fee, an error), to exercise reconciliation. */
  app.post('/sim/adjustments', (req, res) => {
    const { accountNo, amountFen, reference, date } = req.body ?? {};
    if (
      typeof accountNo !== 'string' ||
      !Number.isSafeInteger(amountFen) ||
      typeof date !== 'string' ||
      !DATE.test(date)
    ) {
      return res.status(400).json({ error: 'accountNo, integer amountFen and date are required' });
    }
    book(accountNo, { date, reference: reference ?? `adj-${randomUUID()}`, amountFen });
    return res.status(201).json({ booked: true });
  });

  /** Executes a release (to the institution) or a refund (to the family's original account); idempotent by id. */
  app.post('/instructions', authorised, (req, res) => {
    const { id, kind, accountNo, amountFen, date } = req.body ?? {};
    if (
      typeof id !== 'string' ||
      !['release', 'refund'].includes(kind) ||
      typeof accountNo !== 'string' ||
      !Number.isSafeInteger(amountFen) ||
      amountFen <= 0
    ) {
      return res
        .status(400)
        .json({ error: 'id, kind, accountNo and a positive integer amountFen are required' });
    }
    let done = instructions.get(id);
    if (!done) {
      done = { bankReference: `BANK-${id}` };
      instructions.set(id, done);
      book(accountNo, {
        date: typeof date === 'string' && DATE.test(date) ? date : beijingDate(now()),
        reference: id,
        amountFen: -amountFen,
      });
    }
    return res.json({ ...done, status: 'confirmed' });
  });

  /** The bank's record of an incoming payment by its reference, asked before fee supervision books it. */
  app.get('/payments/:reference', authorised, (req, res) => {
    const record = payments.get(String(req.params.reference));
    return record ? res.json(record) : res.status(404).json({ error: 'no such payment' });
  });

  /** The daily statement: the day's lines and the closing balance at its end. */
  app.get('/statements/:accountNo', authorised, (req, res) => {
    const date = String(req.query.date ?? '');
    if (!DATE.test(date)) return res.status(400).json({ error: 'date=YYYY-MM-DD required' });
    const accountNo = String(req.params.accountNo);
    const all = lines.get(accountNo) ?? [];
    return res.json({
      accountNo,
      date,
      closingBalanceFen: all.filter((l) => l.date <= date).reduce((n, l) => n + l.amountFen, 0),
      lines: all.filter((l) => l.date === date).map(({ reference, amountFen }) => ({ reference, amountFen })),
    });
  });

  return app;
}
