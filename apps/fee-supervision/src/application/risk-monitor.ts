import { Inject, Injectable } from '@nestjs/common';
import { EventOrigin, ReserveStandingChanged, RiskAlertRaised } from '@otr/contracts';
import { addDays, Money, newId } from '@otr/kernel';
import {
  alertKey,
  balances,
  decideAlerts,
  decideReserveStanding,
  totalHours,
  DEFAULT_EVALUATORS,
  evaluateRisk,
  FeeRecordNotFound,
  InvalidRefundState,
  LicenseStanding,
  prepaidLargeForCapacity,
  RiskAlert,
  RiskAlertCode,
  RiskFacts,
  Severity,
} from '../domain';
import { SqlClient } from '@otr/messaging';
import { FeesContext } from './fees-context';
import {
  ACCOUNTS,
  LESSONS,
  LessonRepository,
  ORDERS,
  OrderRepository,
  REFUNDS,
  RefundRepository,
  RISK_ALERTS,
  RISK_INPUTS,
  RiskAlertStore,
  RiskInputsSource,
  SupervisedAccount,
  SupervisedAccounts,
  Tx,
} from './ports';

const SEVERITY: Record<Severity, 'low' | 'medium' | 'high'> = {
  info: 'low',
  warning: 'medium',
  critical: 'high',
};

/** Days of ledger history each evaluation looks at for per-transaction rules. */
const WINDOW_DAYS = 31;

/** The rules the evaluators apply; reconciliation and suspense raise their own alerts, once per fact. */
const EVALUATED: readonly string[] = RiskAlertCode.options.filter(
  (c) => c !== 'reconciliation-mismatch' && c !== 'payment-in-suspense',
);

/**
 * Risk alerts (风险预警): the configurable rules of the domain run over an institution's ledger and
 * facts; a new condition is stored with its state and raised as an event inspection can act on, a
 * condition still there refreshes its alert (decideAlerts). The same evaluation publishes the risk
 * reserve's standing when it changed.
 */
@Injectable()
export class RiskMonitor {
  /** institutionId → the day and inputs of its last evaluation by evaluateChanged (this process). */
  private readonly lastEvaluated = new Map<string, string>();

  constructor(
    private readonly fees: FeesContext,
    @Inject(RISK_INPUTS) private readonly inputs: RiskInputsSource,
    @Inject(RISK_ALERTS) private readonly alerts: RiskAlertStore,
    @Inject(LESSONS) private readonly lessons: LessonRepository,
    @Inject(ORDERS) private readonly orders: OrderRepository,
    @Inject(REFUNDS) private readonly refunds: RefundRepository,
    @Inject(ACCOUNTS) private readonly accounts: SupervisedAccounts,
  ) {}

  /**
   * The risk rules over every account whose inputs changed since its last evaluation, or all of
   * them on a new day (the rules count days and key their alerts per day): with nothing changed an
   * evaluation would raise nothing new, and reading every ledger again took seconds. A restarted
   * process evaluates every account once. Returns the alerts raised.
   */
  async evaluateChanged(origin: EventOrigin): Promise<number> {
    const today = this.fees.today();
    let alerts = 0;
    for (const { institutionId, fingerprint } of await this.inputs.all()) {
      // Read before the evaluation: a change while it runs is seen by the next sweep.
      const inputs = `${today}|${fingerprint}`;
      if (this.lastEvaluated.get(institutionId) === inputs) continue;
      alerts += (await this.evaluate(institutionId, origin)).length;
      this.lastEvaluated.set(institutionId, inputs);
    }
    return alerts;
  }

  async evaluate(institutionId: string, origin: EventOrigin): Promise<RiskAlert[]> {
    return this.fees.transaction(async (tx) => {
      const account = await this.fees.account(tx, institutionId);
      const today = this.fees.today();
      const facts = await this.facts(tx, account, today);
      // Capacity unknown (no filed course yet): the capacity rule has nothing to compare with.
      const evaluators =
        account.capacitySeats > 0
          ? DEFAULT_EVALUATORS
          : DEFAULT_EVALUATORS.filter((e) => e !== prepaidLargeForCapacity);
      const rules = this.fees.rulesFor(account, today);
      const found = evaluateRisk(facts, rules, evaluators);
      const codes = EVALUATED.filter((c) => account.capacitySeats > 0 || c !== 'prepaid-large-for-capacity');
      const decided = decideAlerts(await this.alerts.live(tx, institutionId, codes), found);
      const now = this.fees.clock.now();
      for (const { id, alert } of decided.refresh) await this.alerts.refresh(tx, id, alert, now);
      await this.alerts.clear(tx, decided.clear, now);
      const raised: RiskAlert[] = [];
      for (const alert of decided.raise) {
        if (await this.raise(tx, account, alert, alertKey(alert), origin)) raised.push(alert);
      }
      await this.publishReserveStanding(tx, account, facts, rules.riskReserve?.value, origin);
      return raised;
    });
  }

  /** Announces the risk reserve's standing (风险保证金) when it is not the one last announced. */
  private async publishReserveStanding(
    tx: Tx,
    account: SupervisedAccount,
    facts: RiskFacts,
    requiredFen: number | undefined,
    origin: EventOrigin,
  ) {
    if (account.mode !== 'risk-reserve' || requiredFen === undefined) return;
    const held = balances(facts.ledger).byAccount['risk-reserve'];
    const change = decideReserveStanding(
      await this.accounts.reserveStanding(tx, account.institutionId),
      Money.fen(requiredFen),
      held,
    );
    if (!change) return;
    await this.accounts.setReserveStanding(tx, account.institutionId, change.standing);
    await this.fees.emit(
      tx,
      ReserveStandingChanged,
      account,
      account.institutionId,
      { licenseId: account.licenseId, ...change },
      origin,
    );
  }

  /** Stores the alert and raises its event, unless an alert with the same key exists. */
  async raise(
    tx: SqlClient,
    account: SupervisedAccount,
    alert: RiskAlert,
    key: string,
    origin: EventOrigin,
  ): Promise<boolean> {
    const id = newId();
    const at = this.fees.clock.now();
    if (!(await this.alerts.add(tx, { id, institutionId: account.institutionId, alert, key, at })))
      return false;
    await this.fees.emit(
      tx,
      RiskAlertRaised,
      account,
      id,
      {
        alertId: id,
        licenseId: account.licenseId,
        rule: alert.code,
        detail:
          Object.entries(alert.facts)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || alert.code,
        severity: SEVERITY[alert.severity],
      },
      origin,
    );
    return true;
  }

  async acknowledge(alertId: string, by: string) {
    return this.transition(alertId, ['open'], {
      state: 'acknowledged',
      acknowledgedBy: by,
      acknowledgedAt: this.fees.clock.now(),
    });
  }

  /**
   * Acknowledges several alerts at once (the console's bulk action): each open one moves, one
   * already acknowledged or closed is left as it is and named among the skipped.
   */
  async acknowledgeMany(alertIds: readonly string[], by: string) {
    const at = this.fees.clock.now();
    const acknowledged: string[] = [];
    const skipped: string[] = [];
    for (const id of new Set(alertIds)) {
      const moved = await this.alerts.transition(id, ['open'], {
        state: 'acknowledged',
        acknowledgedBy: by,
        acknowledgedAt: at,
      });
      (moved ? acknowledged : skipped).push(id);
    }
    return { acknowledged, skipped };
  }

  async close(alertId: string, by: string, note: string) {
    return this.transition(alertId, ['open', 'acknowledged'], {
      state: 'closed',
      closedBy: by,
      closedAt: this.fees.clock.now(),
      note,
    });
  }

  private async transition(alertId: string, from: string[], data: Record<string, unknown>) {
    if (!(await this.alerts.transition(alertId, from, data))) {
      const alert = await this.alerts.find(alertId);
      if (!alert) throw new FeeRecordNotFound('alert', alertId);
      throw new InvalidRefundState(`alert ${alertId} is ${alert.state}`, {
        rule: `only a ${from.join(' or ')} alert can move to ${String(data.state)}`,
      });
    }
    const alert = await this.alerts.find(alertId);
    if (!alert) throw new FeeRecordNotFound('alert', alertId);
    return alert;
  }

  private async facts(tx: Tx, account: SupervisedAccount, today: string): Promise<RiskFacts> {
    const ledger = await this.fees.ledger.institutionLedger(tx, account.institutionId);
    const released = await this.lessons.released(tx, account.institutionId);
    const orders = new Map(
      (await this.orders.byIds(tx, [...new Set(released.map((l) => l.orderId))])).map((o) => [o.id, o]),
    );
    const lessonsOf = new Map<string, number>();
    for (const l of released) lessonsOf.set(l.orderId, (lessonsOf.get(l.orderId) ?? 0) + 1);
    // A released lesson justifies its hours' share of what the order was paid, plus the rounding the
    // releases may have carried (at most half a fen per lesson of the order, the last one taking the rest).
    const consumptions = released.map((l) => {
      const o = orders.get(l.orderId)!;
      const share = Money.fen(Number(o.amountFen)).prorate(l.hours, Math.max(totalHours(o), 1));
      return {
        lessonId: l.id,
        orderId: l.orderId,
        amount: share.add(Money.fen(lessonsOf.get(l.orderId) ?? 1)),
      };
    });
    const since = addDays(today, -WINDOW_DAYS);
    const refundRequests = (await this.refunds.requestedSince(tx, account.institutionId, since)).map((r) => ({
      id: r.id,
      requestedOn: r.requestedOn.toISOString().slice(0, 10),
    }));
    return {
      institutionId: account.institutionId,
      today,
      windowFrom: since,
      ledger,
      consumptions,
      refundRequests,
      license: (account.license === 'expired' ? 'suspended' : account.license) as LicenseStanding,
      supervisionMode: account.mode === 'risk-reserve' ? 'risk-reserve' : 'escrow',
      capacitySeats: account.capacitySeats,
    };
  }
}
