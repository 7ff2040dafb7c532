import fc from 'fast-check';
import { Money } from '@otr/kernel';
import { InsufficientEscrow } from './errors';
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
} from './ledger';
import { positionOf, releaseAmount } from './lesson-release';
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
      { numRuns: 300 },
    );
  });
});
