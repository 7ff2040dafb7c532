import fc from 'fast-check';
import { addDays, loadChinaCalendar, Money } from '@otr/kernel';
import { assertMoneyTime, BankPayment, decidePayment, differencesFromBankRecord } from './bank-payments';
import { InsufficientEscrow, InvalidMoneyTime, LessonDateRefused, LessonNotConfirmed } from './errors';
import { nationalRules } from './fee-rules.fixture';
import {
  balanced,
  balances,
  checkInvariant,
  escrowOf,
  LedgerTransaction,
  lessonRelease,
  paymentReceived,
  post,
  refundPaid,
  suspenseReceived,
} from './ledger';
import { assertLessonDate, LessonRecord, positionOf, releaseAmount, releaseLesson } from './lesson-release';
import { refundAmount } from './refunds';

const ORDERS = ['o-0', 'o-1', 'o-2'];

type Command =
  | { type: 'pay'; order: number; fen: number }
  | { type: 'release'; order: number; hours: number }
  | { type: 'refund'; order: number; heldBack: number }
  | { type: 'replay'; pick: number }
  /** A raw refund of any amount, as a faulty or hostile caller might post: the ledger must refuse overdrafts. */
  | { type: 'grab'; order: number; fen: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    type: fc.constant('pay' as const),
    order: fc.nat(2),
    fen: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    type: fc.constant('release' as const),
    order: fc.nat(2),
    hours: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ type: fc.constant('refund' as const), order: fc.nat(2), heldBack: fc.nat(3) }),
  fc.record({ type: fc.constant('replay' as const), pick: fc.nat() }),
  fc.record({
    type: fc.constant('grab' as const),
    order: fc.nat(2),
    fen: fc.integer({ min: 1, max: 2_000_000 }),
  }),
);

describe('the ledger under any interleaving of payments, releases and refunds', () => {
  it('stays balanced, keeps escrow = paid − released − refunded, and pays no fen twice', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
        (commands, totalHours) => {
          let ledger: readonly LedgerTransaction[] = [];
          const log: LedgerTransaction[] = []; // everything offered, replays included
          commands.forEach((c, i) => {
            const meta = { id: `t-${i}`, idempotencyKey: `k-${i}`, on: '2026-09-10' };
            let tx: LedgerTransaction | undefined;
            if (c.type === 'replay') {
              if (!log.length) return;
              const original = log[c.pick % log.length];
              tx = { ...original, id: `t-${i}` }; // a retry: new id, same key and content
            } else {
              const orderId = ORDERS[c.order];
              const position = positionOf(balances(ledger), orderId, totalHours[c.order]);
              if (c.type === 'grab') tx = refundPaid(orderId, Money.fen(c.fen), 0, meta);
              if (c.type === 'pay') tx = paymentReceived(orderId, Money.fen(c.fen), meta);
              if (c.type === 'release' && c.hours <= position.hoursLeft) {
                const amount = releaseAmount(position, c.hours);
                if (!amount.isZero()) tx = lessonRelease(orderId, amount, c.hours, meta);
              }
              if (c.type === 'refund' && position.hoursLeft > 0) {
                const due = refundAmount(
                  position,
                  { requestedOn: '2026-09-10', courseStartsOn: '2026-09-01' },
                  c.heldBack,
                );
                if (!due.amount.isZero()) tx = refundPaid(orderId, due.amount, due.hours, meta);
              }
            }
            if (!tx) return;
            const before = ledger;
            try {
              ledger = post(ledger, tx);
            } catch (e) {
              if (!(e instanceof InsufficientEscrow)) throw e;
              return;
            }
            log.push(tx); // the stored log keeps replays too
            if (ledger === before || tx.kind === 'payment' || tx.hours === 0) return;
            // The lesson or refund that uses an order's last hours leaves its escrow at exactly zero.
            const after = balances(ledger);
            const orderId = tx.postings[0].orderId!;
            if (positionOf(after, orderId, totalHours[ORDERS.indexOf(orderId)]).hoursLeft === 0) {
              expect(escrowOf(after, orderId).isZero()).toBe(true);
            }
          });

          expect(ledger.every(balanced)).toBe(true);
          expect(checkInvariant(ledger)).toEqual([]);
          expect(new Set(ledger.map((t) => t.idempotencyKey)).size).toBe(ledger.length);

          const b = balances(ledger);
          expect(Money.sum(Object.values(b.byAccount)).isZero()).toBe(true);
          for (const o of b.byOrder.values()) {
            expect(o.balances.escrow.isNegative()).toBe(false);
            expect(o.released.add(o.refunded).lessThanOrEqual(o.paidIn)).toBe(true);
          }
          // A stored log with the replays still in it reads exactly the same: duplicates are ignored.
          const replayed = balances(log);
          for (const [account, amount] of Object.entries(b.byAccount)) {
            expect(replayed.byAccount[account as keyof typeof b.byAccount].equals(amount)).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The bank's word and the family's window: interleavings of genuine, forged, replayed, mismatched
// and late bank messages with lessons recorded on any date (backdated ones included), answered,
// disputed or left to the deemed-confirmation sweep. The model uses the domain's own decisions
// (bank-payments.ts, lesson-release.ts, ledger.ts) as the service does.

const calendar = loadChinaCalendar();
const START = '2026-09-01';
const NOTICE_WINDOW_DAYS = 30;
const PRICE = 55_000;
const HOURS = 10;

type BankCommand =
  | { type: 'bank-pay'; order: number; short: number; method: 'direct' | 'training-loan' }
  | { type: 'deliver'; pick: number }
  | { type: 'forge'; order: number; fen: number }
  | { type: 'tamper'; pick: number; fen: number }
  | { type: 'late'; pick: number; daysBack: number }
  | { type: 'lesson'; order: number; daysBack: number }
  | { type: 'answer'; pick: number; confirm: boolean }
  | { type: 'days-pass'; days: number }
  | { type: 'sweep' };

const bankCommand: fc.Arbitrary<BankCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('bank-pay' as const),
      order: fc.nat(2),
      short: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1)),
      method: fc.oneof(
        fc.constant('direct' as const),
        fc.constant('direct' as const),
        fc.constant('training-loan' as const),
      ),
    }),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('deliver' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('forge' as const),
      order: fc.nat(2),
      fen: fc.integer({ min: 1, max: 10_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('tamper' as const),
      pick: fc.nat(),
      fen: fc.integer({ min: 1, max: 10_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('late' as const),
      pick: fc.nat(),
      daysBack: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('lesson' as const),
      order: fc.nat(2),
      daysBack: fc.integer({ min: -2, max: 40 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('answer' as const), pick: fc.nat(), confirm: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('days-pass' as const), days: fc.integer({ min: 1, max: 12 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'sweep' as const }) },
);

describe('money moves only on the bank’s word and the family’s confirmation', () => {
  it('no fen leaves escrow without a bank-confirmed payment and a confirmation or the full deemed window', () => {
    fc.assert(
      fc.property(fc.array(bankCommand, { minLength: 20, maxLength: 100 }), (commands) => {
        let day = START;
        const now = () => new Date(`${day}T12:00:00+08:00`);
        const orders = ORDERS.map((id) => ({
          id,
          placedOn: START,
          courseStartsOn: START,
          status: 'awaiting-payment',
          accountNo: 'ESC-1',
        }));
        const bank = new Map<string, BankPayment>(); // the bank's own records
        const sent: BankPayment[] = []; // what was ever sent to the service, genuine or not
        const lessons: (LessonRecord & { released?: string })[] = [];
        let ledger: readonly LedgerTransaction[] = [];
        let seq = 0;
        const meta = (key: string) => ({ id: `t-${++seq}`, idempotencyKey: key, on: day });

        /** What PaymentWebhooks does with a notification. */
        const receive = (n: BankPayment) => {
          sent.push(n);
          try {
            assertMoneyTime('paidAt', new Date(n.paidAt), now(), {
              what: 'the notification window',
              at: new Date(now().getTime() - NOTICE_WINDOW_DAYS * 86_400_000),
            });
          } catch (e) {
            if (e instanceof InvalidMoneyTime) return;
            throw e;
          }
          if (
            ledger.some(
              (t) =>
                t.idempotencyKey === `payment:${n.reference}` ||
                t.idempotencyKey === `suspense:${n.reference}`,
            )
          )
            return;
          const record = bank.get(n.reference);
          if (!record || differencesFromBankRecord(n, record).length) return; // forged
          const order = orders.find((o) => o.id === record.orderId) ?? null;
          if (order) {
            try {
              assertMoneyTime('paidAt', new Date(record.paidAt), now(), {
                what: 'the order was placed',
                at: new Date(`${order.placedOn}T00:00:00+08:00`),
              });
            } catch (e) {
              if (e instanceof InvalidMoneyTime) return;
              throw e;
            }
          }
          const decision = decidePayment(record, order && { ...order, amountFen: PRICE });
          if (decision.kind === 'book' && order) {
            ledger = post(
              ledger,
              paymentReceived(order.id, Money.fen(record.amountFen), {
                ...meta(`payment:${record.reference}`),
                ref: record.reference,
              }),
            );
            order.status = 'paid';
          } else {
            ledger = post(
              ledger,
              suspenseReceived(record.orderId, Money.fen(record.amountFen), {
                ...meta(`suspense:${record.reference}`),
                ref: record.reference,
              }),
            );
          }
        };

        /** What the release of a lesson does, now or by the sweep. */
        const release = (l: LessonRecord & { released?: string }) => {
          if (l.released) return;
          const order = orders.find((o) => o.id === l.orderId)!;
          const position = positionOf(balances(ledger), order.id, HOURS);
          try {
            const tx = releaseLesson(position, l, day, nationalRules, calendar, {
              id: `t-${++seq}`,
              on: day,
            });
            if (tx) ledger = post(ledger, tx);
            l.released = day;
          } catch (e) {
            if (!(e instanceof LessonNotConfirmed) && !(e instanceof InsufficientEscrow)) throw e;
          }
        };

        for (const c of commands) {
          const genuine = [...bank.values()];
          if (c.type === 'bank-pay') {
            const reference = `bank-${++seq}`;
            bank.set(reference, {
              reference,
              accountNo: 'ESC-1',
              orderId: ORDERS[c.order],
              amountFen: PRICE - c.short,
              paidAt: now().toISOString(),
              payer: { account: '6222', method: c.method },
            });
          }
          if (c.type === 'deliver' && genuine.length) receive(genuine[c.pick % genuine.length]); // replays too
          if (c.type === 'forge')
            receive({
              reference: `forged-${++seq}`,
              accountNo: 'ESC-1',
              orderId: ORDERS[c.order],
              amountFen: c.fen,
              paidAt: now().toISOString(),
              payer: { account: 'x', method: 'direct' },
            });
          if (c.type === 'tamper' && genuine.length)
            receive({ ...genuine[c.pick % genuine.length], amountFen: c.fen });
          if (c.type === 'late' && genuine.length) {
            const g = genuine[c.pick % genuine.length];
            receive({ ...g, paidAt: new Date(Date.parse(g.paidAt) - c.daysBack * 86_400_000).toISOString() });
          }
          if (c.type === 'lesson') {
            const order = orders[c.order];
            const date = addDays(day, -c.daysBack);
            if (order.status !== 'paid') continue;
            const taught = lessons.filter((l) => l.orderId === order.id).reduce((n, l) => n + l.hours, 0);
            if (taught >= HOURS) continue;
            try {
              assertLessonDate(date, order, day, nationalRules);
            } catch (e) {
              if (e instanceof LessonDateRefused) continue;
              throw e;
            }
            lessons.push({
              id: `l-${++seq}`,
              orderId: order.id,
              date,
              start: '16:00',
              durationMinutes: 45,
              mode: 'offline',
              hours: 1,
              notifiedOn: day,
            });
          }
          if (c.type === 'answer' && lessons.length) {
            const l = lessons[c.pick % lessons.length];
            if (!l.answer && !l.released) {
              l.answer = {
                kind: c.confirm ? 'confirmed' : 'disputed',
                on: day,
                ...(c.confirm ? {} : { reason: '没上课' }),
              };
              if (c.confirm) release(l);
            }
          }
          if (c.type === 'days-pass') day = addDays(day, c.days);
          if (c.type === 'sweep') for (const l of lessons) if (!l.answer) release(l);
        }

        expect(checkInvariant(ledger)).toEqual([]);
        expect(Money.sum(Object.values(balances(ledger).byAccount)).isZero()).toBe(true);
        // Every payment booked is one the bank made, to that order, for that amount, once.
        const booked = ledger.filter((t) => t.kind === 'payment');
        for (const t of booked) {
          const record = bank.get(t.ref!);
          expect(record).toBeDefined();
          expect(record!.orderId).toBe(t.postings[0].orderId);
          expect(record!.amountFen).toBe(t.postings[0].amount.fen);
        }
        expect(new Set(booked.map((t) => t.ref)).size).toBe(booked.length);
        // Money into the ledger (escrow + suspense) is exactly the genuine money delivered, never forged or inflated.
        const intoLedger = ledger
          .filter((t) => t.kind === 'payment' || t.kind === 'suspense-receipt')
          .reduce((n, t) => n + t.postings[0].amount.fen, 0);
        const genuineDelivered = new Set(sent.filter((n) => bank.has(n.reference)).map((n) => n.reference));
        expect(intoLedger).toBeLessThanOrEqual(
          [...genuineDelivered].reduce((n, r) => n + bank.get(r)!.amountFen, 0),
        );
        // Every release is of a lesson the family confirmed in time, or whose full window from the
        // day the family was told had passed, never a disputed one.
        for (const t of ledger.filter((x) => x.kind === 'release')) {
          const l = lessons.find((x) => x.id === t.ref)!;
          const deadline = calendar.addWorkingDays(
            l.notifiedOn!,
            nationalRules.deemedConfirmationWorkingDays.value,
          );
          const confirmed = l.answer?.kind === 'confirmed' && l.answer.on <= deadline;
          expect(l.answer?.kind === 'disputed' && l.answer.on <= deadline).toBe(false);
          expect(confirmed || t.on > deadline).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
