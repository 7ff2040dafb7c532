import { Money } from '@otr/kernel';
import { InsufficientEscrow, UnbalancedTransaction } from './errors';

/**
 * The accounts of one institution's supervised funds. Signs: a posting's amount is a debit when
 * positive and a credit when negative, so every transaction sums to zero. Escrow, settlement and
 * the risk reserve are assets of the supervised account (debit balance); family-clearing carries
 * the families' side (credit balance = paid in net of refunds).
 */
export type Account =
  /** 家长付款清算: where families' payments come from and refunds go back to (原支付账户). */
  | 'family-clearing'
  /** 监管账户: prepaid fees held by the custodian bank until a lesson is consumed or refunded. */
  | 'escrow'
  /** 机构结算: released to the institution's own account, lesson by lesson (一课一消). */
  | 'settlement'
  /** Refunds agreed but not yet paid out; the standard refund below posts straight from escrow. */
  | 'refunds-payable'
  /** 风险保证金: the institution's own money set aside instead of full escrow; may not be pledged. */
  | 'risk-reserve'
  /**
   * 待查明款项: a payment the bank confirms but the platform cannot book to an order (a second
   * payment, a wrong amount, an unknown order, a training loan). It is in the supervised account,
   * in no order's escrow, until the fund supervisor returns it to the payer or matches it to an order.
   */
  | 'suspense';

export const ACCOUNTS: readonly Account[] = [
  'family-clearing',
  'escrow',
  'settlement',
  'refunds-payable',
  'risk-reserve',
  'suspense',
];

export type TransactionKind =
  | 'payment'
  | 'release'
  | 'refund'
  | 'reserve-deposit'
  /** A bank-confirmed payment the platform refused lands in suspense, owed to the payer of the order it named. */
  | 'suspense-receipt'
  /** Suspense paid back to the payer through the bank (退回原支付账户). */
  | 'suspense-refund'
  /** Suspense matched to an order by the fund supervisor: it becomes that order's escrow, as a payment would. */
  | 'suspense-match';

export interface Posting {
  account: Account;
  /** Required on escrow and family-clearing postings: families' money is always traced to an order. */
  orderId?: string;
  /** Debit positive, credit negative. */
  amount: Money;
}

export interface LedgerTransaction {
  id: string;
  kind: TransactionKind;
  /** The same key twice is the same business act (a retried webhook, a double click): applied once. */
  idempotencyKey: string;
  /** 'YYYY-MM-DD' (Beijing) the money moved. */
  on: string;
  postings: Posting[];
  /** Class hours the transaction settles: consumed (release) or cancelled (refund). */
  hours?: number;
  /** The lesson or refund request behind it, so outflows can be matched to consumption. */
  ref?: string;
}

/** The expected debit and credit account of each standard kind: anything else breaks the invariant. */
const SHAPE: Record<TransactionKind, { debit: Account; credit: Account }> = {
  payment: { debit: 'escrow', credit: 'family-clearing' },
  release: { debit: 'settlement', credit: 'escrow' },
  refund: { debit: 'family-clearing', credit: 'escrow' },
  'reserve-deposit': { debit: 'risk-reserve', credit: 'settlement' },
  'suspense-receipt': { debit: 'suspense', credit: 'family-clearing' },
  'suspense-refund': { debit: 'family-clearing', credit: 'suspense' },
  'suspense-match': { debit: 'escrow', credit: 'suspense' },
};

const ORDER_ACCOUNTS: readonly Account[] = ['escrow', 'family-clearing'];

/** Throws unless the postings sum to zero, no posting is zero, and families' money names its order. */
export function assertBalanced(tx: LedgerTransaction): void {
  const fail = (why: string) => {
    throw new UnbalancedTransaction(`transaction ${tx.id}: ${why}`, {
      field: 'postings',
      rule: 'double entry: debits equal credits',
    });
  };
  if (tx.postings.length < 2) fail('needs at least two postings');
  if (tx.postings.some((p) => p.amount.isZero())) fail('a posting of zero');
  if (tx.postings.some((p) => ORDER_ACCOUNTS.includes(p.account) && !p.orderId)) {
    fail('a posting to escrow or family-clearing without an order');
  }
  const sum = Money.sum(tx.postings.map((p) => p.amount));
  if (!sum.isZero()) fail(`postings sum to ${sum.toYuanString()}, not zero`);
}

/** Whether the transaction is balanced; see assertBalanced for why not. */
export function balanced(tx: LedgerTransaction): boolean {
  try {
    assertBalanced(tx);
    return true;
  } catch {
    return false;
  }
}

export interface TransactionMeta {
  id: string;
  idempotencyKey: string;
  on: string;
  ref?: string;
}

function transfer(
  kind: TransactionKind,
  orderId: string | undefined,
  amount: Money,
  meta: TransactionMeta,
  hours?: number,
): LedgerTransaction {
  if (!amount.greaterThan(Money.zero())) {
    throw new UnbalancedTransaction(`a ${kind} of ${amount.toYuanString()} yuan`, {
      field: 'amount',
      rule: 'a transfer moves a positive amount',
    });
  }
  const { debit, credit } = SHAPE[kind];
  const tx: LedgerTransaction = {
    ...meta,
    kind,
    postings: [
      { account: debit, orderId, amount },
      { account: credit, orderId, amount: Money.zero().subtract(amount) },
    ],
  };
  if (hours !== undefined) tx.hours = hours;
  assertBalanced(tx);
  return tx;
}

/** A family's payment lands in escrow (全额进入监管账户). */
export const paymentReceived = (orderId: string, amount: Money, meta: TransactionMeta): LedgerTransaction =>
  transfer('payment', orderId, amount, meta);

/** A consumed lesson's share moves from escrow to the institution (一课一消). */
export const lessonRelease = (
  orderId: string,
  amount: Money,
  hours: number,
  meta: TransactionMeta,
): LedgerTransaction => transfer('release', orderId, amount, meta, hours);

/** A refund goes from escrow back to the family's original payment account. */
export const refundPaid = (
  orderId: string,
  amount: Money,
  hours: number,
  meta: TransactionMeta,
): LedgerTransaction => transfer('refund', orderId, amount, meta, hours);

/** The institution puts its own money up as risk reserve (风险保证金). */
export const reserveDeposited = (amount: Money, meta: TransactionMeta): LedgerTransaction =>
  transfer('reserve-deposit', undefined, amount, meta);

/**
 * A refused but bank-confirmed payment into suspense, keyed by the bank's reference; the family side
 * names the order the payer named (it may not exist), so the money stays traced to its payer.
 */
export const suspenseReceived = (
  namedOrderId: string,
  amount: Money,
  meta: TransactionMeta,
): LedgerTransaction => transfer('suspense-receipt', namedOrderId, amount, meta);

/** Suspense back to the payer it came from. */
export const suspenseRefunded = (
  namedOrderId: string,
  amount: Money,
  meta: TransactionMeta,
): LedgerTransaction => transfer('suspense-refund', namedOrderId, amount, meta);

/**
 * Suspense matched to an order: escrow of `orderId` from suspense. Counted as paid in to that order,
 * so escrow = paid − released − refunded still holds for it.
 */
export function suspenseMatched(orderId: string, amount: Money, meta: TransactionMeta): LedgerTransaction {
  const tx = transfer('suspense-match', orderId, amount, meta);
  tx.postings[1] = { account: 'suspense', amount: tx.postings[1].amount };
  return tx;
}

/** The first transaction of each idempotency key, in order: a replayed key changes nothing. */
export function dedupe(transactions: readonly LedgerTransaction[]): LedgerTransaction[] {
  const seen = new Set<string>();
  return transactions.filter((tx) => !seen.has(tx.idempotencyKey) && !!seen.add(tx.idempotencyKey));
}

export type AccountBalances = Record<Account, Money>;

const emptyBalances = (): AccountBalances =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, Money.zero()])) as AccountBalances;

export interface OrderTotals {
  balances: AccountBalances;
  paidIn: Money;
  released: Money;
  refunded: Money;
  hoursReleased: number;
  hoursRefunded: number;
}

export interface Balances {
  byAccount: AccountBalances;
  byOrder: Map<string, OrderTotals>;
}

/** Balances are derived from the transactions every time, never stored: the ledger is the only truth. */
export function balances(transactions: readonly LedgerTransaction[]): Balances {
  const byAccount = emptyBalances();
  const byOrder = new Map<string, OrderTotals>();
  const orderOf = (id: string): OrderTotals => {
    let totals = byOrder.get(id);
    if (!totals) {
      totals = {
        balances: emptyBalances(),
        paidIn: Money.zero(),
        released: Money.zero(),
        refunded: Money.zero(),
        hoursReleased: 0,
        hoursRefunded: 0,
      };
      byOrder.set(id, totals);
    }
    return totals;
  };
  for (const tx of dedupe(transactions)) {
    for (const p of tx.postings) {
      byAccount[p.account] = byAccount[p.account].add(p.amount);
      if (p.orderId) {
        const o = orderOf(p.orderId);
        o.balances[p.account] = o.balances[p.account].add(p.amount);
      }
    }
    // What each kind moved, read off its counter-account, so checkInvariant can compare it with escrow.
    const orderId = tx.postings.find((p) => p.orderId)?.orderId;
    if (!orderId) continue;
    const o = orderOf(orderId);
    const debitTo = (account: Account) =>
      Money.sum(
        tx.postings.filter((p) => p.account === account && !p.amount.isNegative()).map((p) => p.amount),
      );
    if (tx.kind === 'payment' || tx.kind === 'suspense-match') o.paidIn = o.paidIn.add(debitTo('escrow'));
    if (tx.kind === 'release') {
      o.released = o.released.add(debitTo('settlement'));
      o.hoursReleased += tx.hours ?? 0;
    }
    if (tx.kind === 'refund') {
      o.refunded = o.refunded.add(debitTo('family-clearing'));
      o.hoursRefunded += tx.hours ?? 0;
    }
  }
  return { byAccount, byOrder };
}

/** The escrow an order still holds (zero for an order the ledger has never seen). */
export const escrowOf = (b: Balances, orderId: string): Money =>
  b.byOrder.get(orderId)?.balances.escrow ?? Money.zero();

export interface InvariantViolation {
  code:
    | 'unbalanced'
    | 'unexpected-accounts'
    | 'escrow-mismatch'
    | 'escrow-negative'
    | 'escrow-unattributed'
    | 'idempotency-key-reused';
  transactionId?: string;
  orderId?: string;
  detail: string;
}

/**
 * The ledger's invariants, as violations rather than exceptions so a monitor can report them all:
 * every transaction balanced and shaped as its kind says; per order, escrow = paid in − released −
 * refunded and never below zero; the escrow account equals the sum of the orders' escrow; and an
 * idempotency key reused for a different act is flagged (it would be silently dropped).
 */
export function checkInvariant(transactions: readonly LedgerTransaction[]): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const firstByKey = new Map<string, LedgerTransaction>();
  for (const tx of transactions) {
    const first = firstByKey.get(tx.idempotencyKey);
    if (first && first.id !== tx.id && !sameAct(first, tx)) {
      violations.push({
        code: 'idempotency-key-reused',
        transactionId: tx.id,
        detail: `key ${tx.idempotencyKey} was first used by ${first.id} for a different act`,
      });
    }
    if (!first) firstByKey.set(tx.idempotencyKey, tx);
  }
  for (const tx of dedupe(transactions)) {
    try {
      assertBalanced(tx);
    } catch (error) {
      violations.push({ code: 'unbalanced', transactionId: tx.id, detail: (error as Error).message });
    }
    const { debit, credit } = SHAPE[tx.kind];
    const unexpected = tx.postings.filter((p) => p.account !== (p.amount.isNegative() ? credit : debit));
    if (unexpected.length) {
      violations.push({
        code: 'unexpected-accounts',
        transactionId: tx.id,
        detail: `a ${tx.kind} debits ${debit} and credits ${credit}, not ${unexpected.map((p) => p.account).join(', ')}`,
      });
    }
  }
  const b = balances(transactions);
  let ordersEscrow = Money.zero();
  for (const [orderId, o] of b.byOrder) {
    const escrow = o.balances.escrow;
    ordersEscrow = ordersEscrow.add(escrow);
    const expected = o.paidIn.subtract(o.released).subtract(o.refunded);
    if (!escrow.equals(expected)) {
      violations.push({
        code: 'escrow-mismatch',
        orderId,
        detail: `escrow ${escrow.toYuanString()} ≠ paid ${o.paidIn.toYuanString()} − released ${o.released.toYuanString()} − refunded ${o.refunded.toYuanString()}`,
      });
    }
    if (escrow.isNegative()) {
      violations.push({ code: 'escrow-negative', orderId, detail: `escrow ${escrow.toYuanString()}` });
    }
  }
  if (!ordersEscrow.equals(b.byAccount.escrow)) {
    violations.push({
      code: 'escrow-unattributed',
      detail: `escrow account ${b.byAccount.escrow.toYuanString()} ≠ sum over orders ${ordersEscrow.toYuanString()}`,
    });
  }
  return violations;
}

const sameAct = (a: LedgerTransaction, b: LedgerTransaction): boolean =>
  a.kind === b.kind &&
  a.postings.length === b.postings.length &&
  a.postings.every(
    (p, i) =>
      p.account === b.postings[i].account &&
      p.orderId === b.postings[i].orderId &&
      p.amount.equals(b.postings[i].amount),
  );

/**
 * decide: append a transaction. A known idempotency key returns the ledger unchanged; an
 * unbalanced transaction, or one that would take an order's escrow below zero (paying a fen twice),
 * is refused.
 */
export function post(
  ledger: readonly LedgerTransaction[],
  tx: LedgerTransaction,
): readonly LedgerTransaction[] {
  if (ledger.some((t) => t.idempotencyKey === tx.idempotencyKey)) return ledger;
  assertBalanced(tx);
  const after = balances([...ledger, tx]);
  for (const p of tx.postings) {
    if (p.account !== 'escrow' || !p.amount.isNegative() || !p.orderId) continue;
    const left = escrowOf(after, p.orderId);
    if (left.isNegative()) {
      throw new InsufficientEscrow(
        `order ${p.orderId} holds ${left.subtract(p.amount).toYuanString()} yuan in escrow, cannot move ${Money.zero().subtract(p.amount).toYuanString()}`,
        { field: 'amount', rule: 'never release or refund more than the order holds in escrow' },
      );
    }
  }
  if (tx.postings.some((p) => p.account === 'suspense' && p.amount.isNegative())) {
    const held = balances([...ledger, tx]).byAccount.suspense;
    if (held.isNegative()) {
      throw new InsufficientEscrow(`suspense would hold ${held.toYuanString()} yuan`, {
        field: 'amount',
        rule: 'suspense pays out or matches only what it holds',
      });
    }
  }
  return [...ledger, tx];
}
