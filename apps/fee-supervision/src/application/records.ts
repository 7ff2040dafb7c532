/**
 * The records fee supervision keeps, as its stores (ports.ts) hand them to the use cases: plain
 * TypeScript, whatever database is behind them. Money is in fen (BIGINT as bigint where the column
 * is stored whole), a DATE is a UTC-midnight Date, an instant a Date.
 */

/** An institution's supervised account (资金监管账户) at the custodian bank, and its standing. */
export interface SupervisedAccount {
  institutionId: string;
  licenseId: string;
  licenseNumber: string;
  institutionName: string;
  district: string;
  /** subject | non-subject */
  category: string;
  /** bank-escrow | risk-reserve */
  mode: string;
  /** The account number at the custodian bank that families pay into. */
  bankAccountNo: string;
  /** active | suspended | expired | revoked | closed (the license as fee supervision knows it) */
  license: string;
  /** A penalty ordered enrolment to stop (责令停止招生). */
  enrollingStopped: boolean;
  /** On inspection's black list (黑名单). */
  blacklisted: boolean;
  capacitySeats: number;
  openedAt: Date;
  updatedAt: Date;
}

export type NewSupervisedAccount = Pick<
  SupervisedAccount,
  | 'institutionId'
  | 'licenseId'
  | 'licenseNumber'
  | 'institutionName'
  | 'district'
  | 'category'
  | 'mode'
  | 'bankAccountNo'
>;

/** A course filed with registration (or seeded for the demo), as orders are placed for it. */
export interface Course {
  id: string;
  institutionId: string;
  licenseId: string;
  name: string;
  category: string;
  subject: string;
  /** online | offline */
  mode: string;
  totalHours: number;
  lessonMinutes: number;
  maxClassSize: number;
  priceFen: bigint;
  /** filed | demo */
  origin: string;
}

export type NewCourse = Course;

/** A charge (一次收费) a family was asked to pay. */
export interface FeeOrder {
  id: string;
  institutionId: string;
  familyId: string;
  studentName: string;
  courseId: string;
  subject: string;
  category: string;
  mode: string;
  classSize: number;
  hours: number | null;
  giftHours: number;
  months: number | null;
  lessonMinutes: number;
  amountFen: bigint;
  courseStartsOn: Date;
  placedOn: Date;
  /** awaiting-payment | paid | refunded | closed */
  status: string;
  createdAt: Date;
}

export type NewFeeOrder = Omit<FeeOrder, 'createdAt'>;

/** A lesson taught on an order, and the family's answer to it. */
export interface Lesson {
  id: string;
  orderId: string;
  institutionId: string;
  date: Date;
  /** 'HH:mm', Beijing */
  start: string;
  durationMinutes: number;
  mode: string;
  hours: number;
  students: number;
  /** confirmed | disputed */
  answer: string | null;
  answeredOn: Date | null;
  disputeReason: string | null;
  /** pending | disputed | released */
  status: string;
  /** After this day silence counts as confirmation. */
  confirmBy: Date;
  recordedAt: Date;
}

export type NewLesson = Omit<Lesson, 'answer' | 'answeredOn' | 'disputeReason' | 'status'>;

/** A refund request (退费申请), a family's or the closure playbook's. */
export interface RefundRequestRecord {
  id: string;
  orderId: string;
  institutionId: string;
  familyId: string;
  requestedOn: Date;
  reason: string;
  /** awaiting-institution | agreed | disputed | paid */
  status: string;
  answerOn: Date | null;
  answerReason: string | null;
  deemed: boolean;
  answerBy: Date;
  payBy: Date | null;
  paidOn: Date | null;
  amountFen: bigint | null;
  /** The closure playbook's bulk refund, not a family's request. */
  closure: boolean;
  createdAt: Date;
}

export type NewRefundRequest = Pick<
  RefundRequestRecord,
  'id' | 'orderId' | 'institutionId' | 'familyId' | 'requestedOn' | 'reason' | 'status' | 'answerBy'
> &
  Partial<Pick<RefundRequestRecord, 'answerOn' | 'payBy' | 'amountFen' | 'closure'>>;

/** A payment held in suspense (待查明款项) until it is returned or matched. */
export interface SuspenseItem {
  id: string;
  institutionId: string;
  bankReference: string;
  namedOrderId: string;
  amountFen: bigint;
  paidAt: Date;
  payerAccount: string;
  reason: string;
  /** open | refunded | matched */
  status: string;
  matchedOrderId: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  note: string | null;
  createdAt: Date;
}

export type NewSuspenseItem = Pick<
  SuspenseItem,
  'id' | 'institutionId' | 'bankReference' | 'namedOrderId' | 'paidAt' | 'payerAccount' | 'reason'
> & { amountFen: number };

/** A stored risk alert (风险预警) and what was done with it. */
export interface RiskAlertRecord {
  id: string;
  institutionId: string;
  code: string;
  severity: string;
  facts: unknown;
  source: string | null;
  dedupeKey: string;
  /** open | acknowledged | closed */
  state: string;
  note: string | null;
  raisedAt: Date;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  /** The last evaluation that found the condition. */
  lastSeenAt: Date;
  /** When an evaluation first no longer found it; null while it holds. */
  clearedAt: Date | null;
}

/** One day's statement of one account compared with the ledger (对账). */
export interface ReconciliationRun {
  id: string;
  institutionId: string;
  statementDate: Date;
  bankBalanceFen: bigint;
  ledgerBalanceFen: bigint;
  /** matched | mismatch */
  result: string;
  differences: unknown;
  ranAt: Date;
}

export type NewReconciliationRun = Omit<ReconciliationRun, 'ranAt' | 'differences'> & {
  differences: object;
};

/** An institution under the closure playbook (停办/吊销). */
export interface ClosureRecord {
  institutionId: string;
  reason: string;
  /** refunding | completed */
  status: string;
  startedAt: Date;
  completedAt: Date | null;
}

/** A release or refund instruction not yet confirmed by the bank. */
export interface PendingInstruction {
  id: string;
  institutionId: string;
  transactionId: string;
  kind: string;
  amountFen: bigint;
}

/** A family's one-time sign-in code, stored hashed. */
export interface SignInCode {
  id: string;
  phone: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}
