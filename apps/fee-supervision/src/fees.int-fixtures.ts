// Shared set-up of the fee-supervision integration tests (real PostgreSQL, the service's own handlers).
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { createBankSimulator } from '@otr/bank-sim';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { CourseFiled, createEvent, Envelope, EventOrigin, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { FixedClock, newId } from '@otr/kernel';
import { InProcessTransport, Transport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { FeesContext } from './application/fees-context';
import { FEES_PRISMA, FeesPrisma } from './infrastructure/fees-prisma';
import { Lessons, RecordLessonInput } from './application/lessons';
import { LicenseEventHandlers } from './application/license-events';
import { PlaceOrderCommand, PlaceOrderInput } from './application/orders';
import { PaymentWebhooks, signWebhook } from './application/payments';
import { feeSupervisionEnv, feeSupervisionService } from './fee-supervision.module';

export const origin: EventOrigin = { actor: { ...SYSTEM_ACTOR, userId: 'test' }, correlationId: 'test' };

/** The fund supervisor of Hangzhou (the city: every district's institutions). */
export const supervisor: Principal = {
  userId: 'sup-1',
  name: '资金监管员',
  roles: ['fund-supervisor'],
  department: 'education',
  jurisdiction: 'CN-ZJ-HZ',
};

export const operatorOf = (institutionId: string): Principal => ({
  userId: `op-${institutionId}`,
  name: '机构经办人',
  roles: ['institution-operator'],
  jurisdiction: 'CN-ZJ-HZ-XH',
  institutionId,
});

export interface FeesHarness {
  /** The custodian bank the service asks (a simulator unless the test brings its own). */
  bankUrl: string;
  db: TestDatabase;
  service: RunningService;
  clock: FixedClock;
  fees: FeesContext;
  /** The service's own Prisma client, for what a test checks in its tables. */
  prisma: FeesPrisma;
  url: string;
  stop(): Promise<void>;
}

/**
 * The service on a fresh database with a fixed clock; the scheduler is off so tests drive the
 * timers. `env` is the service's environment (FEES_*) for its start only.
 */
export async function startFees(
  at: string,
  transport: Transport = new InProcessTransport(),
  env: Record<string, string> = {},
): Promise<FeesHarness> {
  process.env.FEES_SCHEDULER ??= 'off';
  const db = await createTestDatabase('otr_fees');
  const clock = new FixedClock(at);
  const port = await freePort();
  // Payments are booked only on the bank's word: without a bank of the test's own, a simulator.
  let bank: Server | undefined;
  if (!env.FEES_BANK_URL) {
    const bankPort = await freePort();
    const { bankWebhookSecret, bankApiKey } = feeSupervisionEnv();
    bank = createBankSimulator({
      webhookUrl: `http://127.0.0.1:${env.FEES_BANK_CALLBACK_PORT ?? port}/bank/webhooks/payments`,
      webhookSecret: bankWebhookSecret,
      apiKey: bankApiKey,
      now: () => clock.now(),
    }).listen(bankPort, '127.0.0.1');
    await new Promise((r) => bank!.once('listening', r));
    env = { ...env, FEES_BANK_URL: `http://127.0.0.1:${bankPort}` };
  }
  const bankUrl = env.FEES_BANK_URL;
  Object.assign(process.env, env);
  const service = await startService(feeSupervisionService, {
    databaseUrl: db.url,
    transport,
    port,
    clock,
  }).finally(() => {
    for (const name of Object.keys(env)) delete process.env[name];
  });
  return {
    bankUrl,
    db,
    service,
    clock,
    fees: service.app.get(FeesContext),
    prisma: service.app.get<FeesPrisma>(FEES_PRISMA),
    url: `http://127.0.0.1:${service.port}`,
    stop: async () => {
      await service.stop();
      bank?.close();
      await db.drop();
    },
  };
}

/** Applies an event through the service's own inbox handlers, in one transaction, as the consumer would. */
export async function deliver(h: FeesHarness, event: Envelope): Promise<void> {
  const handler = h.service.app.get(LicenseEventHandlers).handlers[event.type];
  await h.fees.transaction((tx) => handler(event, tx));
}

export function licenseIssued(
  opts: { category?: 'subject' | 'arts'; district?: string; institutionId?: string } = {},
) {
  const institutionId = opts.institutionId ?? newId();
  const licenseId = newId();
  const event = createEvent(LicenseIssued, {
    aggregateId: licenseId,
    institutionId,
    actor: SYSTEM_ACTOR,
    correlationId: 'test',
    payload: {
      licenseId,
      licenseNumber: `教民${licenseId.slice(0, 8)}`,
      institutionName: `测试培训学校${licenseId.slice(0, 4)}`,
      legalForm: 'non-profit',
      category: opts.category ?? 'subject',
      scopes: ['offline'],
      district: opts.district ?? 'CN-ZJ-HZ-XH',
      address: '杭州市西湖区文三路1号',
      validFrom: '2026-01-01',
      validUntil: '2029-12-31',
    },
  });
  return { institutionId, licenseId, event };
}

export function courseFiled(
  institutionId: string,
  licenseId: string,
  over: Partial<{ totalHours: number; priceFen: number; category: 'subject' | 'arts'; subject: string }> = {},
) {
  const courseId = newId();
  return {
    courseId,
    event: createEvent(CourseFiled, {
      aggregateId: courseId,
      institutionId,
      actor: SYSTEM_ACTOR,
      correlationId: 'test',
      payload: {
        courseId,
        licenseId,
        name: '初中数学',
        category: over.category ?? 'subject',
        subject: over.subject ?? '数学',
        mode: 'offline',
        gradeLevels: ['junior'],
        totalHours: over.totalHours ?? 40,
        lessonMinutes: 45,
        maxClassSize: 20,
        priceFen: over.priceFen ?? 220_000,
      },
    }),
  };
}

/** An institution with a supervised account and a filed course. */
export async function institutionWithCourse(h: FeesHarness, opts: Parameters<typeof licenseIssued>[0] = {}) {
  const issued = licenseIssued(opts);
  await deliver(h, issued.event);
  const course = courseFiled(issued.institutionId, issued.licenseId, {
    category: opts.category ?? 'subject',
  });
  await deliver(h, course.event);
  const account = await h.fees.account(h.prisma, issued.institutionId);
  return { ...issued, courseId: course.courseId, account };
}

export const placeOrder = (h: FeesHarness, institutionId: string, input: PlaceOrderInput) =>
  h.service.app.get(CommandBus).execute(new PlaceOrderCommand(institutionId, input, origin));

/** The operator's order for the institution's course: 10 hours for 550.00 yuan, starting 2026-09-15. */
export const orderBody = (
  inst: { courseId: string },
  over: Partial<PlaceOrderInput> = {},
): PlaceOrderInput => ({
  courseId: inst.courseId,
  familyPhone: '13700000001',
  studentName: '小华',
  hours: 10,
  amountFen: 55_000,
  courseStartsOn: '2026-09-15',
  payment: { into: 'supervised-account', method: 'direct' },
  ...over,
});

/** The institution records a lesson on the order: one hour, 16:00, 45 minutes, offline, 12 students. */
export const recordLesson = (
  h: FeesHarness,
  institutionId: string,
  orderId: string,
  over: Partial<RecordLessonInput> = {},
) =>
  h.service.app.get(Lessons).record(
    institutionId,
    {
      orderId,
      date: '2026-09-15',
      start: '16:00',
      durationMinutes: 45,
      mode: 'offline',
      hours: 1,
      students: 12,
      ...over,
    },
    origin,
  );

/** An SMS gateway that keeps the last code sent to each phone, standing in for the SMS platform. */
export async function startSmsGateway() {
  const codes = new Map<string, string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { phone, code } = JSON.parse(body);
      codes.set(phone, code);
      res.writeHead(200).end('{}');
    });
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    codes,
    close: () => server.close(),
  };
}

/** A family signs in on the portal: a one-time code by SMS, then the code for a token. */
export async function signInFamily(
  h: FeesHarness,
  sms: { codes: Map<string, string> },
  phone: string,
): Promise<{ 'x-family-token': string }> {
  await call(h, null, 'POST', '/public/family/sign-in/code', { phone });
  const res = await call(h, null, 'POST', '/public/family/sign-in', { phone, code: sms.codes.get(phone) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return { 'x-family-token': String(res.body.token) };
}

/** A payment the family really makes at the bank: booked there, its signed notification handed back undelivered. */
export async function signedPayment(
  h: FeesHarness,
  p: { accountNo: string; orderId: string; amountFen: number; method?: string; at?: string },
) {
  const res = await fetch(`${h.bankUrl}/sim/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...p, payerAccount: '6222020000000000', deliver: false }),
  });
  if (res.status !== 201) throw new Error(`bank refused the payment: ${res.status}`);
  const paid = (await res.json()) as {
    idempotencyKey: string;
    rawBody: string;
    headers: Record<string, string>;
  };
  return {
    rawBody: paid.rawBody,
    timestamp: paid.headers['x-bank-timestamp'],
    signature: paid.headers['x-bank-signature'],
    idempotencyKey: paid.idempotencyKey,
  };
}

/**
 * A notification the bank never sent, signed with the bank's key (as one who had the key could):
 * the body is what the caller says, so the bank's record of it is missing or different.
 */
export function forgedPayment(
  h: FeesHarness,
  p: { accountNo: string; orderId: string; amountFen: number; key?: string; paidAt?: string },
) {
  const idempotencyKey = p.key ?? `bank-${newId()}`;
  const rawBody = JSON.stringify({
    type: 'payment.received',
    idempotencyKey,
    accountNo: p.accountNo,
    orderId: p.orderId,
    amountFen: p.amountFen,
    paidAt: p.paidAt ?? h.clock.now().toISOString(),
    payer: { account: '6222020000000000', method: 'direct' },
  });
  const timestamp = String(Math.floor(h.clock.now().getTime() / 1000));
  return {
    rawBody,
    timestamp,
    signature: signWebhook(feeSupervisionEnv().bankWebhookSecret, timestamp, rawBody),
    idempotencyKey,
  };
}

/** Places and pays an order of `hours` hours at the course's hourly price. */
export async function paidOrder(
  h: FeesHarness,
  inst: { institutionId: string; courseId: string; account: { bankAccountNo: string } },
  phone: string,
  hours: number,
  over: Partial<PlaceOrderInput> = {},
) {
  const amountFen = hours * 5_500;
  const { orderId } = await placeOrder(h, inst.institutionId, {
    courseId: inst.courseId,
    familyPhone: phone,
    studentName: '小明',
    hours,
    amountFen,
    courseStartsOn: '2026-09-15',
    payment: { into: 'supervised-account', method: 'direct' },
    ...over,
  });
  const outcome = await h.service.app
    .get(PaymentWebhooks)
    .receive(await signedPayment(h, { accountNo: inst.account.bankAccountNo, orderId, amountFen }));
  if (outcome.outcome !== 'applied')
    throw new Error(`payment not applied: ${outcome.outcome} ${outcome.reason}`);
  return h.prisma.feeOrder.findUniqueOrThrow({ where: { id: orderId } });
}

export async function call(
  h: FeesHarness,
  as: Principal | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(as ? { [PRINCIPAL_HEADER]: await signPrincipal(as, 'fee-supervision') } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // CSV and other text answers stay text
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the route answers
  return { status: res.status, body: json as any };
}

/** The ledger invariant straight from SQL: per order escrow = paid − released − refunded, never negative. */
export async function ledgerInvariant(h: FeesHarness, institutionId: string) {
  return h.prisma.$queryRawUnsafe<
    { order_id: string; escrow: string; paid: string; released: string; refunded: string }[]
  >(
    `SELECT p.order_id,
            sum(p.amount_fen) FILTER (WHERE p.account = 'escrow')::text AS escrow,
            coalesce(sum(p.amount_fen) FILTER (WHERE t.kind = 'payment' AND p.account = 'escrow'), 0)::text AS paid,
            coalesce(sum(p.amount_fen) FILTER (WHERE t.kind = 'release' AND p.account = 'settlement'), 0)::text AS released,
            coalesce(sum(p.amount_fen) FILTER (WHERE t.kind = 'refund' AND p.account = 'family-clearing'), 0)::text AS refunded
     FROM fees.posting p JOIN fees.journal_transaction t ON t.id = p.transaction_id
     WHERE p.institution_id = $1::uuid AND p.order_id IS NOT NULL GROUP BY p.order_id`,
    institutionId,
  );
}
