import { z } from 'zod';
import { RiskAlertCode, Severity } from '../domain/risk-alerts';

/**
 * What the fee-supervision routes answer, as zod schemas: the OpenAPI document states them and the
 * integration tests hold every answer to them (issue #16). Rows go out through plain() (queries.ts):
 * BigInt fen as integers, DATE columns as 'YYYY-MM-DD', timestamps as ISO instants.
 */

/** An amount of money in fen (integer; 100 fen = 1 yuan). */
export const Fen = (what: string) =>
  z.number().int().describe(`${what}, in fen (integer; 100 fen = 1 yuan).`);
const Day = z.iso.date();
const Instant = z.iso.datetime();

/** A list page: { items, total } (the one list convention of the API). */
export const ListOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().describe('Rows matching the filter, over all pages.'),
  });

/** A list page with keyset paging: nextCursor is the `after` of the next page, null on the last. */
export const KeysetListOf = <T extends z.ZodType>(item: T) =>
  ListOf(item).extend({
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `after` for the next page; null when this page is the last.'),
  });

export const OrderStatus = z.enum(['awaiting-payment', 'paid', 'refunded', 'closed']);
export const LessonStatus = z.enum(['pending', 'disputed', 'released']);
export const RefundStatus = z.enum(['awaiting-institution', 'agreed', 'disputed', 'paid']);
export const AlertState = z.enum(['open', 'acknowledged', 'closed']);

/** A family's order (一次收费) of a filed course; its money is on the ledger. */
export const FeeOrderRow = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  familyId: z.uuid(),
  studentName: z.string(),
  courseId: z.string(),
  subject: z.string(),
  category: z.enum(['subject', 'non-subject']),
  mode: z.string(),
  classSize: z.number().int(),
  hours: z.number().int().nullable().describe('Class hours bought; null for an order by months.'),
  giftHours: z.number().int(),
  months: z.number().int().nullable(),
  lessonMinutes: z.number().int(),
  amountFen: Fen('The prepaid fee (预收费)'),
  courseStartsOn: Day,
  placedOn: Day,
  status: OrderStatus,
  createdAt: Instant,
});
export const FeeOrderView = FeeOrderRow.extend({
  escrowFen: Fen('What the escrow account (资金监管账户) still holds of the order'),
});

/** A lesson taught on an order (课消), and the family's answer. */
export const LessonRow = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  institutionId: z.uuid(),
  date: Day,
  start: z.string().describe("'HH:mm', Beijing time."),
  durationMinutes: z.number().int(),
  mode: z.enum(['online', 'offline']),
  hours: z.number().int(),
  students: z.number().int(),
  answer: z.enum(['confirmed', 'disputed']).nullable(),
  answeredOn: Day.nullable(),
  disputeReason: z.string().nullable(),
  status: LessonStatus,
  confirmBy: Day.describe('After this day silence counts as confirmation (视为确认).'),
  recordedAt: Instant,
});

/** A refund request (退费申请) and the institution's answer. */
export const RefundRow = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  institutionId: z.uuid(),
  familyId: z.uuid(),
  requestedOn: Day,
  reason: z.string(),
  status: RefundStatus,
  answerOn: Day.nullable(),
  answerReason: z.string().nullable(),
  deemed: z.boolean().describe('Agreed by silence past the answer deadline.'),
  answerBy: Day,
  payBy: Day.nullable(),
  paidOn: Day.nullable(),
  amountFen: Fen('The refund').nullable(),
  closure: z.boolean().describe("The closure playbook's bulk refund, not a family's request."),
  createdAt: Instant,
});
export const RefundView = RefundRow.extend({
  overdue: z.boolean().describe('Agreed and not paid by its payBy day.'),
});

/** A risk alert (风险预警) and its handling. */
export const RiskAlertRow = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  code: RiskAlertCode,
  severity: Severity,
  facts: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('The figures the rule saw (fen amounts are integers).'),
  source: z.string().nullable().describe('The rule’s legal source.'),
  dedupeKey: z.string(),
  state: AlertState,
  note: z.string().nullable(),
  raisedAt: Instant,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: Instant.nullable(),
  closedBy: z.string().nullable(),
  closedAt: Instant.nullable(),
  lastSeenAt: Instant.describe(
    'The last evaluation that still found the condition; the figures are that evaluation’s (one alert per condition, refreshed, not raised again).',
  ),
  clearedAt: Instant.nullable().describe('When an evaluation first no longer found the condition.'),
});

/** One daily statement (对账单) compared with the ledger. */
export const ReconciliationRunRow = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  statementDate: Day,
  bankBalanceFen: Fen('The closing balance on the bank statement'),
  ledgerBalanceFen: Fen('The escrow balance on the ledger'),
  result: z.enum(['matched', 'mismatch']),
  differences: z
    .array(z.record(z.string(), z.unknown()))
    .describe('Each movement the two sides disagree on.'),
  ranAt: Instant,
});

/** A course as filed with the licensing department (课程备案), with its fee standard. */
export const CourseRow = z.object({
  id: z.string(),
  institutionId: z.uuid(),
  licenseId: z.string(),
  name: z.string(),
  category: z.string(),
  subject: z.string(),
  mode: z.string(),
  totalHours: z.number().int(),
  lessonMinutes: z.number().int(),
  maxClassSize: z.number().int(),
  priceFen: Fen('The filed price'),
  origin: z.enum(['filed', 'demo']),
});

/** A payment in suspense (待查明款项). */
export const SuspenseItemRow = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  bankReference: z.string(),
  namedOrderId: z.uuid().describe('The order the payer named (it may not exist).'),
  amountFen: Fen('The payment'),
  paidAt: Instant,
  payerAccount: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'refunded', 'matched']),
  matchedOrderId: z.uuid().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  note: z.string().nullable(),
  createdAt: Instant,
});

const AccountFields = {
  institutionId: z.uuid(),
  institutionName: z.string(),
  licenseNumber: z.string(),
  licenseId: z.string(),
  district: z.string(),
  category: z.enum(['subject', 'non-subject']),
  mode: z.enum(['bank-escrow', 'risk-reserve']),
  bankAccountNo: z.string().describe('The supervised account (资金监管账户) families pay into.'),
  license: z.enum(['active', 'suspended', 'revoked', 'closed']),
  enrollingStopped: z.boolean().describe('A penalty ordered enrolment to stop (责令停止招生).'),
  blacklisted: z.boolean().describe('On the black list (黑名单).'),
  capacitySeats: z.number().int(),
};

/** A supervised account in the list, with its balances summed from the ledger. */
export const AccountListItem = z.object({
  ...AccountFields,
  escrowFen: Fen('Prepaid fees held in escrow (预收费监管)'),
  releasedFen: Fen('Released to the institution, lesson by lesson'),
  familiesNetPaidFen: Fen('Paid by families less refunds'),
  riskReserveFen: Fen('The risk reserve (风险保证金)'),
});

/** The closure playbook (停办/吊销) of one institution: the bulk refund's progress. */
export const ClosureProgress = z.object({
  institutionId: z.uuid(),
  status: z.enum(['refunding', 'completed']),
  reason: z.string(),
  startedAt: Instant,
  completedAt: Instant.nullable(),
  families: z.number().int(),
  claims: z.number().int(),
  claimsPaid: z.number().int(),
  totalFen: Fen('What the claims come to'),
  paidFen: Fen('What has been paid'),
  escrowFen: Fen('What escrow still holds'),
});
export type ClosureProgress = z.infer<typeof ClosureProgress>;

/** The balance of each ledger account of an institution (debit positive). */
const LedgerBalances = z
  .object({
    'family-clearing': z.number().int(),
    escrow: z.number().int().describe('Prepaid fees held in the escrow account (资金监管账户).'),
    settlement: z.number().int(),
    'refunds-payable': z.number().int(),
    'risk-reserve': z.number().int(),
    suspense: z.number().int().describe('Payments in suspense (待查明款项).'),
  })
  .describe('The balance of each ledger account, in fen (integer; debit positive).');

/** One supervised account with its ledger balances and, once started, its closure. */
export const AccountView = z.object({
  ...AccountFields,
  openedAt: Instant,
  updatedAt: Instant,
  balances: LedgerBalances,
  requiredReserveFen: Fen(
    'The risk reserve the rules require, for an account in risk-reserve mode',
  ).optional(),
  closure: ClosureProgress.nullable(),
});

/** The escrow balance at the end of each day with movements, for the console's chart. */
export const EscrowDay = z.object({
  date: Day,
  escrowFen: Fen('The escrow balance at the end of the day'),
  paidInFen: Fen('Paid in that day'),
  releasedFen: Fen('Released that day'),
  refundedFen: Fen('Refunded that day'),
});

/** A family's own order, with what escrow holds, its lessons, refunds and the family's rating. */
export const FamilyOrder = FeeOrderView.extend({
  institutionName: z.string(),
  payInto: z.string().describe('The supervised account to pay into.'),
  lessons: z.array(LessonRow),
  refunds: z.array(RefundRow),
  rating: z.object({ stars: z.number().int().min(1).max(5), ratedAt: Instant }).nullable(),
});

export const FeeStats = z.object({
  openAlerts: z.number().int().describe('Alerts not closed yet (未处置).'),
  byRule: z.array(z.object({ rule: z.string(), count: z.number().int() })),
  byDistrict: z.array(z.object({ district: z.string(), openAlerts: z.number().int() })),
});
