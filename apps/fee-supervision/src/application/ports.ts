import { SqlClient, StagedEvents } from '@otr/messaging';
import { Account, BankPayment, FeeRules, LedgerTransaction, OrderPosition } from '../domain';
import {
  FeeOrder,
  Lesson,
  RefundRequest,
  SupervisedAccount,
} from '../infrastructure/prisma/generated/client';

export const FEE_RULES = Symbol('FeeRulesSource');
export const BANK = Symbol('CustodianBank');
export const CODE_SENDER = Symbol('SignInCodeSender');
/** Injection token for the clock (tests fix time through it). */
export const CLOCK_TOKEN = 'otr.clock';

export interface FeeRulesSource {
  forDistrict(district: string, on: Date | string): FeeRules;
}

/** One line of the custodian bank's daily statement (对账单) of a supervised account. */
export interface StatementLine {
  /** The bank's reference: the payment's idempotency key, or the instruction id it executed. */
  reference: string;
  /** Signed: money in positive, out negative. */
  amountFen: number;
}

export interface BankStatement {
  accountNo: string;
  date: string;
  /** Closing balance of the escrow account at the end of the day. */
  closingBalanceFen: number;
  lines: StatementLine[];
}

/** The custodian bank (托管银行) as fee supervision talks to it; apps/bank-sim is its test mode. */
export interface CustodianBank {
  /** Sends a release or refund instruction; resolves with the bank's reference once the bank confirms it. */
  instruct(instruction: {
    id: string;
    kind: 'release' | 'refund';
    accountNo: string;
    amountFen: number;
    /** The ledger date the bank books it on. */
    date: string;
  }): Promise<{ bankReference: string }>;
  statement(accountNo: string, date: string): Promise<BankStatement>;
  /**
   * The bank's own record of an incoming payment, by its reference; null when the bank has none.
   * A notification is booked only when it agrees with this record (money moves on the bank's word).
   */
  payment(reference: string): Promise<BankPayment | null>;
}

/** Delivers a family's one-time sign-in code (SMS in production; the development sender logs it). */
export interface SignInCodeSender {
  send(phone: string, code: string): Promise<void>;
}

export const LEDGER = Symbol('Ledger');

/**
 * The double-entry ledger. Postings are only ever inserted; balances are sums over them. Writers
 * that move an order's money lock the order row first, so reading the order's ledger and appending
 * to it is serial per order.
 */
export interface Ledger {
  /** What the order still holds, read off the ledger: the decisions of a release or a refund need nothing else. */
  orderPosition(db: SqlClient, orderId: string, totalHours: number): Promise<OrderPosition>;
  /** An institution's transactions dated up to `upTo` (all when absent), oldest first. */
  institutionLedger(db: SqlClient, institutionId: string, upTo?: string): Promise<LedgerTransaction[]>;
  /**
   * Appends a transaction once per idempotency key, with what comes with it (a bank instruction,
   * the lesson it released, staged events); false when the key was already booked.
   */
  append(
    db: SqlClient,
    institutionId: string,
    tx: LedgerTransaction,
    with_?: { instruction?: 'release' | 'refund'; releasedLesson?: string; events?: StagedEvents },
  ): Promise<boolean>;
  balances(db: SqlClient, institutionId: string, asOf?: string): Promise<Record<Account, number>>;
  /** The escrow balance at the end of each day with movements in [from, to], for the console's chart. */
  escrowOverTime(
    db: SqlClient,
    institutionId: string,
    from: string,
    to: string,
  ): Promise<
    { date: string; escrowFen: number; paidInFen: number; releasedFen: number; refundedFen: number }[]
  >;
}

/** What a money move locks the order by: the order itself, or one of its lessons or refund requests. */
export type MoneyTarget = { orderId: string } | { lessonId: string } | { refundId: string };

/** What a money transaction read after taking the order's lock; null where nothing was found. */
export interface LockedRows {
  order: FeeOrder | null;
  account: SupervisedAccount | null;
  /** What the order still holds on the ledger (null without an order). */
  position: OrderPosition | null;
  lesson?: Lesson;
  refund?: RefundRequest;
}

export const FEE_ROWS = Symbol('FeeRows');

/**
 * The rows money moves read and write, the same on any SqlClient (a Prisma transaction or a bare
 * connection's), and the transactions that move one order's money.
 */
export interface FeeRows {
  /**
   * Runs fn in a transaction holding the order's row lock, with what was read after the lock;
   * writers of one order's money go one at a time. Null, with no transaction, when the target's id
   * cannot name a record.
   */
  onOrder<R>(target: MoneyTarget, fn: (tx: SqlClient, rows: LockedRows) => Promise<R>): Promise<R> | null;
  /** Locks the order row until the transaction ends. */
  lockOrder(db: SqlClient, orderId: string): Promise<FeeOrder | null>;
  account(db: SqlClient, institutionId: string): Promise<SupervisedAccount | null>;
  /** Hours taught on the order and not yet released (awaiting confirmation or disputed). */
  hoursTaughtNotReleased(db: SqlClient, orderId: string): Promise<number>;
  /** Sets the given columns of one row; column names are the caller's own, never input. */
  update(
    db: SqlClient,
    table: 'lesson' | 'refund_request' | 'fee_order',
    id: string,
    values: Record<string, string | number | boolean | null>,
  ): Promise<void>;
}

export const RISK_INPUTS = Symbol('RiskInputsSource');

export interface RiskInputs {
  institutionId: string;
  /** Changes whenever anything the risk rules read for the account changes. */
  fingerprint: string;
}

/** What the risk rules of every account depend on, in one cheap read (see RiskMonitor.evaluateChanged). */
export interface RiskInputsSource {
  all(): Promise<RiskInputs[]>;
}
