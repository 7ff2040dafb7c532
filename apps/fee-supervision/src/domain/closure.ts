import { Money } from '@otr/kernel';
import { LedgerInconsistent } from './errors';
import { balances, checkInvariant, LedgerTransaction, refundPaid } from './ledger';

/** What one order still owes its family: everything the order holds in escrow. */
export interface OrderClaim {
  orderId: string;
  amount: Money;
  hoursLeft: number;
}

/** One line of the creditor list (债权人清单): a family and what each of its orders is owed. */
export interface Creditor {
  familyId: string;
  orders: OrderClaim[];
  total: Money;
}

export interface CreditorList {
  creditors: Creditor[];
  total: Money;
  /** Equal to total, to the fen, or the list is not produced. */
  escrowBalance: Money;
}

/**
 * The closure playbook (停办/吊销): freeze, then list every family's refundable balance per order
 * straight from the ledger. When the license goes, nothing more is taught, so each order is owed
 * all it still holds in escrow; the list adds up to the escrow balance exactly or is refused, so
 * the published list and the bank account cannot disagree. Orders the caller cannot attribute to a
 * family stay on the list under familyId 'unknown' rather than silently drop out.
 */
export function creditorList(
  ledger: readonly LedgerTransaction[],
  orders: readonly { orderId: string; familyId: string; totalHours: number }[],
): CreditorList {
  const violations = checkInvariant(ledger);
  if (violations.length) {
    throw new LedgerInconsistent(
      `the ledger breaks its invariants: ${violations.map((v) => v.detail).join('; ')}`,
      {
        rule: 'escrow = paid in − released − refunded, per order, never negative',
      },
    );
  }
  const b = balances(ledger);
  const known = new Map(orders.map((o) => [o.orderId, o]));
  const byFamily = new Map<string, Creditor>();
  for (const [orderId, o] of [...b.byOrder].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) {
    if (o.balances.escrow.isZero()) continue;
    const info = known.get(orderId);
    const familyId = info?.familyId ?? 'unknown';
    const creditor = byFamily.get(familyId) ?? { familyId, orders: [], total: Money.zero() };
    creditor.orders.push({
      orderId,
      amount: o.balances.escrow,
      hoursLeft: info ? info.totalHours - o.hoursReleased - o.hoursRefunded : 0,
    });
    creditor.total = creditor.total.add(o.balances.escrow);
    byFamily.set(familyId, creditor);
  }
  const creditors = [...byFamily.values()].sort((a, z) => (a.familyId < z.familyId ? -1 : 1));
  const total = Money.sum(creditors.map((c) => c.total));
  if (!total.equals(b.byAccount.escrow)) {
    throw new LedgerInconsistent(
      `creditor list ${total.toYuanString()} ≠ escrow ${b.byAccount.escrow.toYuanString()}`,
      { rule: 'the creditor list adds up to the escrow balance' },
    );
  }
  return { creditors, total, escrowBalance: b.byAccount.escrow };
}

/** The bulk refund (批量退费) of a creditor list: one refund per order, keyed so a rerun pays none twice. */
export const bulkRefunds = (list: CreditorList, on: string): LedgerTransaction[] =>
  list.creditors.flatMap((c) =>
    c.orders.map((o) =>
      refundPaid(o.orderId, o.amount, o.hoursLeft, {
        id: `closure-refund:${o.orderId}`,
        idempotencyKey: `closure-refund:${o.orderId}`,
        on,
      }),
    ),
  );
