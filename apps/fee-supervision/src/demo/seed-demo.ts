import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@otr/contracts';
import { addDays, newId } from '@otr/kernel';
import type { Logger } from 'pino';
import { FeesContext } from '../application/fees-context';
import { Lessons } from '../application/lessons';
import { LicenseEventHandlers } from '../application/license-events';
import { PlaceOrderCommand } from '../application/orders';
import { PaymentWebhooks } from '../application/payments';
import { Ratings } from '../application/ratings';
import { Refunds } from '../application/refunds';
import { RiskMonitor } from '../application/risk-monitor';
import { RiskReserve } from '../application/risk-reserve';
import { feeSupervisionEnv } from '../fee-supervision.module';
import { FEES_PRISMA, FeesPrisma } from '../infrastructure/fees-prisma';
import { SupervisedAccount } from '../infrastructure/prisma/generated/client';

const origin = { actor: { ...SYSTEM_ACTOR, userId: 'demo-seed' }, correlationId: 'fees-demo-seed' };
const OPENED_TIMEOUT_MS = 30_000;

/** Demo course per category, priced within the Hangzhou guided price (subject) or the 5,000-yuan cap. */
const demoCourse = (a: SupervisedAccount) =>
  a.category === 'subject'
    ? {
        name: '初中数学同步提升班',
        subject: '数学',
        mode: 'offline',
        totalHours: 40,
        lessonMinutes: 45,
        maxClassSize: 20,
        priceFen: 40 * 5_500,
      }
    : {
        name: '少儿创意美术',
        subject: '美术',
        mode: 'offline',
        totalHours: 24,
        lessonMinutes: 60,
        maxClassSize: 12,
        priceFen: 240_000,
      };

/**
 * The fee-supervision demo, through the service's own use cases: orders for a few families with
 * signed bank payments, lessons taught and confirmed (one ending too late, which inspection hears
 * of), a rating of each institution by one family, a burst of refund requests at one institution
 * that raises an open alert. Risk reserves (风险保证金) start as a district would find them: most
 * paid in full, a handful partly or not at all (seedReserves). Payments go through the custodian
 * bank (FEES_BANK_URL). Runs once.
 */
export async function seedFeeSupervisionDemo(app: INestApplication, opts: { log: Logger }): Promise<void> {
  const fees = app.get(FeesContext);
  const prisma = app.get<FeesPrisma>(FEES_PRISMA);
  // Once: any order means the demo (or real use) has begun. Demo courses are no marker, since an
  // institution with a filed course gets none, and a seed run on every start capped out the third.
  if ((await prisma.feeOrder.count()) > 0) return;
  const accounts = await waitForAccounts(prisma, opts.log);
  // The Hangzhou demo jurisdiction is where the rulebook has guided prices and a reserve.
  const hangzhou = accounts.filter((a) => a.district.startsWith('CN-ZJ-HZ') && a.license === 'active');
  const chosen = [
    ...hangzhou.filter((a) => a.category === 'subject').slice(0, 2),
    ...hangzhou.filter((a) => a.category === 'non-subject').slice(0, 2),
  ];
  if (!chosen.length) {
    opts.log.warn('fee-supervision demo: no licensed Hangzhou institution to seed');
    return;
  }
  await seedReserves(app, accounts, new Set(chosen.map((a) => a.institutionId)));
  const today = fees.today();
  const startsOn = addDays(today, -21);
  const courses = new Map<string, string>();
  for (const a of chosen) {
    let course = await prisma.course.findFirst({ where: { institutionId: a.institutionId } });
    if (!course) {
      // Demo licenses file no courses yet (no registration.CourseFiled arrives): file one here.
      course = await prisma.course.create({
        data: {
          id: newId(),
          institutionId: a.institutionId,
          licenseId: a.licenseId,
          category: a.category,
          origin: 'demo',
          ...demoCourse(a),
          priceFen: BigInt(demoCourse(a).priceFen),
        },
      });
      await fees.transaction((tx) => app.get(LicenseEventHandlers).refreshCapacity(tx, a.institutionId));
    }
    courses.set(a.institutionId, course.id);
  }

  const commands = app.get(CommandBus);
  const webhooks = app.get(PaymentWebhooks);
  const bankUrl = feeSupervisionEnv().bankUrl;
  if (!bankUrl) {
    opts.log.warn('fee-supervision demo: no custodian bank (FEES_BANK_URL) to take the demo payments');
    return;
  }
  // Families pay at the bank (its simulator), which books the payment and hands back the signed
  // notification; the service books it only because the bank's record agrees.
  const pay = async (a: SupervisedAccount, orderId: string, amountFen: number) => {
    const res = await fetch(`${bankUrl}/sim/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountNo: a.bankAccountNo,
        orderId,
        amountFen,
        payerAccount: '6222020000000000',
        at: fees.clock.now().toISOString(),
        deliver: false,
      }),
    });
    const paid = (await res.json()) as {
      idempotencyKey: string;
      rawBody: string;
      headers: Record<string, string>;
    };
    await webhooks.receive({
      rawBody: paid.rawBody,
      timestamp: paid.headers['x-bank-timestamp'],
      signature: paid.headers['x-bank-signature'],
      idempotencyKey: paid.idempotencyKey,
    });
  };
  const order = async (a: SupervisedAccount, family: number, hours: number) => {
    const course = await prisma.course.findUniqueOrThrow({
      where: { id: courses.get(a.institutionId)! },
    });
    const amountFen = Math.round((Number(course.priceFen) * hours) / course.totalHours);
    const { orderId } = await commands.execute(
      new PlaceOrderCommand(
        a.institutionId,
        {
          courseId: course.id,
          familyPhone: `1380571${String(family).padStart(4, '0')}`,
          studentName: `学生${family}`,
          hours,
          amountFen,
          courseStartsOn: startsOn,
          payment: { into: 'supervised-account', method: 'direct' },
        },
        origin,
      ),
    );
    await pay(a, orderId, amountFen);
    return prisma.feeOrder.findUniqueOrThrow({ where: { id: orderId } });
  };

  const lessons = app.get(Lessons);
  // Lessons are recorded once taught, on orders placed today: four of today's lessons each.
  const starts = ['08:30', '10:00', '13:30', '16:30'];
  const ratings = app.get(Ratings);
  let family = 1;
  for (const a of chosen) {
    for (let f = 0; f < 2; f++) {
      const o = await order(a, family++, 20);
      // The first family of each institution rates it (4 or 5 stars), for the directory's average.
      if (f === 0) await ratings.rate(o.familyId, o.id, 4 + (family % 2), origin);
      for (const [i, start] of starts.entries()) {
        const { lessonId } = await lessons.record(
          a.institutionId,
          {
            orderId: o.id,
            date: today,
            start,
            durationMinutes: o.lessonMinutes,
            mode: 'offline',
            hours: 1,
            students: 12,
          },
          origin,
        );
        if (i < 3) await lessons.answer(o.familyId, lessonId, { kind: 'confirmed' }, origin);
      }
    }
  }
  // A subject-type lesson ending after 20:30: recorded, and reported to inspection.
  const subject = chosen.find((a) => a.category === 'subject');
  if (subject) {
    const o = await order(subject, family++, 10);
    await lessons.record(
      subject.institutionId,
      {
        orderId: o.id,
        date: today,
        start: '20:00',
        durationMinutes: 45,
        mode: 'offline',
        hours: 1,
        students: 15,
      },
      origin,
    );
  }
  // A burst of refund requests at one institution: pending refunds, and the alert they raise.
  const burst = chosen[chosen.length - 1];
  const refunds = app.get(Refunds);
  for (let i = 0; i < fees.rulesFor(burst).alertRefundBurst.value.count; i++) {
    const o = await order(burst, family++, 10);
    await refunds.request(o.familyId, o.id, '孩子课业安排变化，申请退费', origin);
  }
  await app.get(RiskMonitor).evaluate(burst.institutionId, origin);
  opts.log.info({ institutions: chosen.length, families: family - 1 }, 'fee-supervision demo seeded');
}

/** One in this many risk-reserve institutions is left short: unfunded, or (offset by half) partly funded. */
const SHORT_EVERY = 50;

/**
 * Reserve deposits as the bank would confirm them: every risk-reserve institution's reserve paid in
 * full but for one in SHORT_EVERY left empty and one in SHORT_EVERY half paid — a handful of
 * shortfall alerts, not one per institution burying everything else. The demo's own institutions
 * (`keep`) are funded.
 */
async function seedReserves(app: INestApplication, accounts: SupervisedAccount[], keep: Set<string>) {
  const fees = app.get(FeesContext);
  const reserve = app.get(RiskReserve);
  let n = 0;
  for (const a of accounts) {
    const required = fees.rulesFor(a).riskReserve?.value;
    if (a.mode !== 'risk-reserve' || required === undefined) continue;
    const slot = keep.has(a.institutionId) ? -1 : n++ % SHORT_EVERY;
    if (slot === 0) continue;
    const amountFen = slot === SHORT_EVERY / 2 ? Math.round(required / 2) : required;
    await reserve.deposit(
      a.institutionId,
      { amountFen, bankReference: `demo-reserve-${a.institutionId}` },
      origin,
    );
  }
}

/** Accounts open as registration's LicenseIssued events arrive: wait until there are some and their number settles. */
async function waitForAccounts(prisma: FeesPrisma, log: Logger): Promise<SupervisedAccount[]> {
  const deadline = Date.now() + OPENED_TIMEOUT_MS;
  let last = -1;
  for (;;) {
    const count = await prisma.supervisedAccount.count();
    if ((count > 0 && count === last) || Date.now() > deadline) break;
    last = count;
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (last <= 0) log.warn('fee-supervision demo: no supervised account opened within 30 s');
  return prisma.supervisedAccount.findMany({ orderBy: { institutionName: 'asc' } });
}
