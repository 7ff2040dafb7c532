import { SqlClient, StagedEvents } from '@otr/messaging';
import {
  Account,
  BankPayment,
  FeeRules,
  LedgerTransaction,
  LiveAlert,
  OrderPosition,
  ReserveStanding,
  RiskAlert,
} from '../domain';
import {
  ClosureRecord,
  Course,
  FeeOrder,
  Lesson,
  NewCourse,
  NewFeeOrder,
  NewLesson,
  NewReconciliationRun,
  NewRefundRequest,
  NewSupervisedAccount,
  NewSuspenseItem,
  PendingInstruction,
  ReconciliationRun,
  RefundRequestRecord,
  RiskAlertRecord,
  SignInCode,
  SupervisedAccount,
  SuspenseItem,
} from './records';

export * from './records';

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
  refund?: RefundRequestRecord;
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

declare const unitOfWork: unique symbol;

/**
 * A transaction opened by the UnitOfWork (or the inbox, for an event's handler): opaque to the use
 * cases, handed back to the stores so that what they write commits or rolls back together, with
 * the outbox rows of the events it announces.
 */
export type Tx = SqlClient & { readonly [unitOfWork]: true };

export const UNIT_OF_WORK = Symbol('UnitOfWork');

/** "These writes and their outbox rows in one transaction": the stores below take its Tx. */
export interface UnitOfWork {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The store outside any transaction: for reads of the ledger that need no lock. */
  readonly db: SqlClient;
}

export const ACCOUNTS = Symbol('SupervisedAccounts');

/** The supervised accounts and the standing of their institutions (kept from registration's and inspection's facts). */
export interface SupervisedAccounts {
  /** The account of an institution; null when none was opened (db: a transaction's, else outside one). */
  find(institutionId: string, db?: SqlClient): Promise<SupervisedAccount | null>;
  byBankAccountNo(accountNo: string): Promise<SupervisedAccount | null>;
  all(): Promise<SupervisedAccount[]>;
  /** Every account but those of the given institutions. */
  allExcept(institutionIds: string[]): Promise<SupervisedAccount[]>;
  byLicense(tx: Tx, licenseId: string): Promise<SupervisedAccount | null>;
  findWhere(
    tx: Tx,
    where: { licenseId: string } | { institutionId: string },
  ): Promise<SupervisedAccount | null>;
  open(tx: Tx, account: NewSupervisedAccount): Promise<SupervisedAccount>;
  /** The risk reserve's standing last published (ReserveStandingChanged), null before the first. */
  reserveStanding(tx: Tx, institutionId: string): Promise<ReserveStanding | null>;
  setReserveStanding(tx: Tx, institutionId: string, standing: ReserveStanding): Promise<void>;
  /** Sets the standing: license, a stop on enrolment, the black list. */
  update(
    tx: Tx,
    institutionId: string,
    change: Partial<Pick<SupervisedAccount, 'license' | 'enrollingStopped' | 'blacklisted'>>,
  ): Promise<void>;
  /** Files (or refiles) a course and recounts the institution's approved seats (核定学位) from its courses. */
  fileCourse(tx: Tx, course: NewCourse): Promise<void>;
  /** Approved capacity in seats, as the filed courses' class sizes add up. */
  refreshCapacity(tx: Tx, institutionId: string): Promise<void>;
}

export const ORDERS = Symbol('OrderRepository');

/** Orders (一次收费), the courses they are placed for and the families who place them. */
export interface OrderRepository {
  course(courseId: string): Promise<Course | null>;
  /** The family of a phone number, registered on first sight (in tx when given). */
  familyOfPhone(phone: string, tx?: Tx): Promise<{ id: string }>;
  /** Holds, until tx ends, the one lock of a family's charges in a subject with an institution. */
  lockCharges(tx: Tx, key: string): Promise<void>;
  /** The family's orders in the subject that are awaiting payment or paid. */
  awaitingOrPaid(
    tx: Tx,
    of: { institutionId: string; familyId: string; studentName: string; subject: string },
  ): Promise<FeeOrder[]>;
  place(tx: Tx, order: NewFeeOrder): Promise<void>;
  ofInstitution(tx: Tx, institutionId: string): Promise<FeeOrder[]>;
  byIds(tx: Tx, ids: string[]): Promise<FeeOrder[]>;
  /** Closes the institution's orders still awaiting payment (the closure playbook). */
  closeAwaitingPayment(tx: Tx, institutionId: string): Promise<void>;
  /** Stores (or replaces) a family's rating of its order. */
  rate(
    tx: Tx,
    rating: { orderId: string; familyId: string; institutionId: string; stars: number; ratedAt: Date },
  ): Promise<void>;
}

export const LESSONS = Symbol('LessonRepository');

export interface LessonRepository {
  record(tx: Tx, lesson: NewLesson): Promise<void>;
  /** Pending lessons whose confirmation window ended before `today` (ids, at most 1000). */
  dueForDeemedConfirmation(today: string): Promise<string[]>;
  released(tx: Tx, institutionId: string): Promise<Lesson[]>;
}

export const REFUNDS = Symbol('RefundRepository');

export interface RefundRepository {
  /** The order's request still under way (awaiting the institution, or agreed), if any. */
  underWay(tx: Tx, orderId: string): Promise<RefundRequestRecord | null>;
  create(tx: Tx, request: NewRefundRequest): Promise<void>;
  createMany(tx: Tx, requests: NewRefundRequest[]): Promise<void>;
  /** Requests left unanswered past their deadline, before `today` (ids, at most 1000). */
  unansweredBefore(today: string): Promise<string[]>;
  /** Agreed requests of families (not the closure playbook's) not paid yet (ids, at most 1000). */
  agreedUnpaid(): Promise<string[]>;
  /** The closure playbook's agreed, unpaid claims, oldest first (at most 500). */
  closureClaimsDue(institutionId?: string): Promise<RefundRequestRecord[]>;
  closureClaimsNotPaid(institutionId: string): Promise<number>;
  /** The institution's closure claims, by family and order. */
  closureClaims(institutionId: string): Promise<RefundRequestRecord[]>;
  /** Families' requests (not the closure playbook's) made on or after `since`. */
  requestedSince(tx: Tx, institutionId: string, since: string): Promise<{ id: string; requestedOn: Date }[]>;
  find(refundId: string): Promise<RefundRequestRecord | null>;
}

export const CLOSURES = Symbol('ClosureStore');

export interface ClosureStore {
  find(institutionId: string, tx?: Tx): Promise<ClosureRecord | null>;
  start(tx: Tx, closure: { institutionId: string; reason: string }): Promise<void>;
  /** Marks a refunding closure completed. */
  complete(institutionId: string, at: Date): Promise<void>;
  families(ids: string[]): Promise<{ id: string; phone: string }[]>;
}

/** A suspense item as read under its row lock. */
export interface LockedSuspenseItem {
  id: string;
  institutionId: string;
  bankReference: string;
  namedOrderId: string;
  amountFen: bigint;
  status: string;
}

export const SUSPENSE = Symbol('SuspenseLedger');

/** The suspense items (待查明款项); their money is on the ledger's suspense account. */
export interface SuspenseStore {
  /** Holds the item unless one with the bank's reference exists: false then. */
  hold(tx: Tx, item: NewSuspenseItem): Promise<boolean>;
  byReference(tx: Tx, bankReference: string): Promise<SuspenseItem>;
  list(institutionIds: string[], status?: string): Promise<SuspenseItem[]>;
  find(id: string): Promise<SuspenseItem | null>;
  /** Locks the item until the transaction ends (db: a Tx or a money move's connection). */
  lock(db: SqlClient, id: string): Promise<LockedSuspenseItem | null>;
  refunded(tx: Tx, id: string, by: { by: string; at: Date; note: string }): Promise<SuspenseItem>;
  matched(
    db: SqlClient,
    id: string,
    orderId: string,
    by: { by: string; at: Date; note: string },
  ): Promise<void>;
}

export const RISK_ALERTS = Symbol('RiskAlertStore');

export interface RiskAlertStore {
  /** Stores the institution's alert under its key, raised (and seen) at `at`; false when a live alert with that key exists. */
  add(
    db: SqlClient,
    stored: { id: string; institutionId: string; alert: RiskAlert; key: string; at: Date },
  ): Promise<boolean>;
  /** The institution's live alerts of these rules (not closed-and-cleared), locked until the transaction ends. */
  live(db: SqlClient, institutionId: string, codes: readonly string[]): Promise<LiveAlert[]>;
  /** The condition is still there: the alert takes the evaluation's figures and time, and is no longer cleared. */
  refresh(db: SqlClient, id: string, alert: RiskAlert, at: Date): Promise<void>;
  /** The evaluation no longer found these alerts' conditions. */
  clear(db: SqlClient, ids: readonly string[], at: Date): Promise<void>;
  /** Moves an alert in one of the `from` states; false when none was. */
  transition(id: string, from: string[], change: Record<string, unknown>): Promise<boolean>;
  find(id: string): Promise<RiskAlertRecord | null>;
}

export const BANK_RECORDS = Symbol('BankRecords');

/** What fee supervision keeps of its dealings with the custodian bank. */
export interface BankRecords {
  pendingInstructions(limit: number): Promise<PendingInstruction[]>;
  /** The ledger date of a transaction. */
  transactionDate(transactionId: string): Promise<Date>;
  confirmInstruction(id: string, bankReference: string, at: Date): Promise<void>;
  /** Institutions with a reconciliation run for the statement date. */
  reconciledOn(date: string): Promise<string[]>;
  recordRun(tx: Tx, run: NewReconciliationRun): Promise<ReconciliationRun>;
  /** Whether the bank's payment key is on the ledger already, booked to its order or to suspense. */
  paymentKnown(reference: string, db?: SqlClient): Promise<boolean>;
  /** The receipt log of the bank's webhooks (db: the booking's transaction, else outside one). */
  receipt(
    entry: { key: string | null; outcome: string; reason: string | null; body: string },
    db?: SqlClient,
  ): Promise<void>;
}

export const SIGN_IN_CODES = Symbol('SignInCodes');

export interface SignInCodes {
  countSince(phone: string, since: Date): Promise<number>;
  /** Expires the phone's unused codes still valid at `now`. */
  retire(phone: string, now: Date): Promise<void>;
  add(code: Pick<SignInCode, 'id' | 'phone' | 'codeHash' | 'expiresAt' | 'createdAt'>): Promise<void>;
  latestValid(phone: string, now: Date): Promise<SignInCode | null>;
  /** Counts an attempt (and uses the code when ok) unless another attempt came first: false then. */
  attempt(code: SignInCode, ok: boolean, now: Date): Promise<boolean>;
}

export const READ_MODEL = Symbol('FeesReadModel');

export interface Page {
  limit: number;
  offset: number;
}

/** A page of records and how many there are in all. */
export interface Paged<T> {
  items: T[];
  total: number;
}

/** The read side of the console and the operator: lists over the institutions a caller may see. */
export interface FeesReadModel {
  /** The institutions of a jurisdiction (its district and those under it), optionally just one. */
  institutionsIn(jurisdiction: string, only?: string): Promise<string[]>;
  /** Accounts of a jurisdiction, by name, with their balances summed over the ledger. */
  accounts(
    jurisdiction: string | undefined,
    filter: { q?: string } & Page,
  ): Promise<Paged<Record<string, unknown>>>;
  orders(institutionIds: string[], filter: { status?: string } & Page): Promise<Paged<FeeOrder>>;
  lessons(
    institutionIds: string[],
    filter: { status?: string; orderId?: string } & Page,
  ): Promise<Paged<Lesson>>;
  refunds(institutionIds: string[], filter: { status?: string } & Page): Promise<Paged<RefundRequestRecord>>;
  /**
   * Ranked (critical first, then the longest open); `after` an alert's id (keyset), else offset;
   * one more than the limit when there is more.
   */
  alerts(
    institutionIds: string[],
    filter: { state?: string; rule?: string; severity?: string; after?: string } & Page,
  ): Promise<Paged<RiskAlertRecord>>;
  /** Alerts not closed in a jurisdiction, counted by rule and district. */
  openAlerts(jurisdiction: string): Promise<{ code: string; district: string; n: number }[]>;
  reconciliations(
    institutionIds: string[],
    filter: { result?: string } & Page,
  ): Promise<Paged<ReconciliationRun>>;
  /** Institutions under the closure playbook, most recently started first. */
  closures(institutionIds: string[]): Promise<string[]>;
  courses(institutionIds: string[]): Promise<Course[]>;
  /** A family's orders, newest first, with their lessons (by date), refunds, ratings and institutions. */
  familyOrders(familyId: string): Promise<{
    orders: FeeOrder[];
    lessons: Lesson[];
    refunds: RefundRequestRecord[];
    ratings: { orderId: string; stars: number; ratedAt: Date }[];
    accounts: SupervisedAccount[];
  }>;
  /** What each order holds in escrow, summed over the ledger. */
  escrowByOrder(orderIds: string[]): Promise<Map<string, number>>;
}
