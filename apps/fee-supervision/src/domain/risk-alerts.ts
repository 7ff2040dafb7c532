import { z } from 'zod';
import { addDays, Money } from '@otr/kernel';
import { FeeRules } from './fee-rules';
import { balances, dedupe, LedgerTransaction } from './ledger';

export type RiskRules = Pick<
  FeeRules,
  'riskReserve' | 'alertSinglePaymentAbove' | 'alertRefundBurst' | 'alertPrepaidPerSeatAbove'
>;

export type LicenseStanding = 'active' | 'suspended' | 'revoked' | 'closed';

/** What the monitor knows about one institution: its ledger and the facts around it. */
export interface RiskFacts {
  institutionId: string;
  today: string;
  /** Transactions dated in [from, today] are looked at; balances always use the whole ledger. */
  windowFrom: string;
  ledger: readonly LedgerTransaction[];
  /** Confirmed lessons and the release each justifies (from lesson-release). */
  consumptions: readonly { lessonId: string; orderId: string; amount: Money }[];
  refundRequests: readonly { id: string; requestedOn: string }[];
  license: LicenseStanding;
  /** Bank escrow in full, or a risk reserve (风险保证金) instead. */
  supervisionMode: 'escrow' | 'risk-reserve';
  /** Approved capacity, in seats (核定学位数). */
  capacitySeats: number;
}

export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const RiskAlertCode = z.enum([
  'outflow-without-consumption',
  'reserve-below-required',
  'prepaid-large-for-capacity',
  'refund-burst',
  'funds-while-license-suspended',
  'single-payment-above-threshold',
  /** The bank's daily statement disagrees with the ledger (raised by reconciliation, not an evaluator). */
  'reconciliation-mismatch',
  /** A genuine payment the platform could not book to an order, held in suspense (raised on arrival). */
  'payment-in-suspense',
]);

/** A risk alert (风险预警) a rule raises. */
export const RiskAlert = z.object({
  code: RiskAlertCode,
  severity: Severity,
  institutionId: z.uuid(),
  facts: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe(
      "The facts that triggered it, for the supervisor's screen and the audit trail (fen as integers).",
    ),
  source: z.string().optional().describe('The rule’s legal source.'),
});
export type RiskAlert = z.infer<typeof RiskAlert>;

/** A configurable rule: a pure function of the facts and the rulebook values. */
export type RiskEvaluator = (facts: RiskFacts, rules: RiskRules) => RiskAlert[];

const inWindow = (f: RiskFacts) => dedupe(f.ledger).filter((tx) => f.windowFrom <= tx.on && tx.on <= f.today);
const outOfEscrow = (tx: LedgerTransaction) =>
  Money.sum(
    tx.postings.filter((p) => p.account === 'escrow' && p.amount.isNegative()).map((p) => p.amount),
  ).multiply(-1);

const escrowIn = (tx: LedgerTransaction) =>
  Money.sum(tx.postings.filter((p) => p.account === 'escrow' && !p.amount.isNegative()).map((p) => p.amount));

/** Money released to the institution with no confirmed lesson behind it, or more than the lesson justifies. */
export const outflowWithoutConsumption: RiskEvaluator = (f) => {
  const byLesson = new Map(f.consumptions.map((c) => [c.lessonId, c]));
  return inWindow(f)
    .filter((tx) => tx.kind === 'release')
    .flatMap((tx) => {
      const out = outOfEscrow(tx);
      const c = tx.ref ? byLesson.get(tx.ref) : undefined;
      if (c && out.lessThanOrEqual(c.amount)) return [];
      return [
        {
          code: 'outflow-without-consumption' as const,
          severity: 'critical' as const,
          institutionId: f.institutionId,
          facts: {
            transactionId: tx.id,
            released: out.toYuanString(),
            justified: c ? c.amount.toYuanString() : '0.00',
            lessonId: tx.ref ?? '',
          },
        },
      ];
    });
};

/** Under risk-reserve supervision, the reserve fell below the locally required amount. */
export const reserveBelowRequired: RiskEvaluator = (f, rules) => {
  // Without a local reserve amount there is nothing to fall below.
  if (f.supervisionMode !== 'risk-reserve' || !rules.riskReserve) return [];
  const held = balances(f.ledger).byAccount['risk-reserve'];
  const required = Money.fen(rules.riskReserve.value);
  if (held.greaterThanOrEqual(required)) return [];
  return [
    {
      code: 'reserve-below-required',
      severity: 'critical',
      institutionId: f.institutionId,
      facts: { held: held.toYuanString(), required: required.toYuanString() },
      source: rules.riskReserve.source,
    },
  ];
};

/** More prepaid money held than the institution could plausibly teach: escrow per approved seat. */
export const prepaidLargeForCapacity: RiskEvaluator = (f, rules) => {
  const escrow = balances(f.ledger).byAccount.escrow;
  const limit = Money.fen(rules.alertPrepaidPerSeatAbove.value).multiply(Math.max(f.capacitySeats, 0));
  if (escrow.lessThanOrEqual(limit)) return [];
  return [
    {
      code: 'prepaid-large-for-capacity',
      severity: 'warning',
      institutionId: f.institutionId,
      facts: { escrow: escrow.toYuanString(), capacitySeats: f.capacitySeats, limit: limit.toYuanString() },
      source: rules.alertPrepaidPerSeatAbove.source,
    },
  ];
};

/** At least `count` refund requests within the last `withinDays` days, today included (挤兑 warning). */
export const refundBurst: RiskEvaluator = (f, rules) => {
  const { count, withinDays } = rules.alertRefundBurst.value;
  const since = addDays(f.today, -(withinDays - 1));
  const recent = f.refundRequests.filter((r) => since <= r.requestedOn && r.requestedOn <= f.today);
  if (recent.length < count) return [];
  return [
    {
      code: 'refund-burst',
      severity: 'warning',
      institutionId: f.institutionId,
      facts: { requests: recent.length, since, until: f.today },
      source: rules.alertRefundBurst.source,
    },
  ];
};

/** Prepaid money still held while the license is suspended, revoked or the institution closed. */
export const fundsWhileLicenseSuspended: RiskEvaluator = (f) => {
  const escrow = balances(f.ledger).byAccount.escrow;
  if (f.license === 'active' || !escrow.greaterThan(Money.zero())) return [];
  return [
    {
      code: 'funds-while-license-suspended',
      severity: 'critical',
      institutionId: f.institutionId,
      facts: { license: f.license, escrow: escrow.toYuanString() },
    },
  ];
};

/** Any single payment strictly above the threshold. */
export const singlePaymentAboveThreshold: RiskEvaluator = (f, rules) => {
  const threshold = Money.fen(rules.alertSinglePaymentAbove.value);
  return inWindow(f)
    .filter((tx) => tx.kind === 'payment')
    .map((tx) => ({ tx, amount: escrowIn(tx) }))
    .filter(({ amount }) => amount.greaterThan(threshold))
    .map(({ tx, amount }) => ({
      code: 'single-payment-above-threshold' as const,
      severity: 'info' as const,
      institutionId: f.institutionId,
      facts: { transactionId: tx.id, amount: amount.toYuanString(), threshold: threshold.toYuanString() },
      source: rules.alertSinglePaymentAbove.source,
    }));
};

export const DEFAULT_EVALUATORS: readonly RiskEvaluator[] = [
  outflowWithoutConsumption,
  reserveBelowRequired,
  prepaidLargeForCapacity,
  refundBurst,
  fundsWhileLicenseSuspended,
  singlePaymentAboveThreshold,
];

/** Runs the chosen evaluators (all by default); which rules are on is configuration, not code. */
export const evaluateRisk = (
  facts: RiskFacts,
  rules: RiskRules,
  evaluators: readonly RiskEvaluator[] = DEFAULT_EVALUATORS,
): RiskAlert[] => evaluators.flatMap((evaluate) => evaluate(facts, rules));
