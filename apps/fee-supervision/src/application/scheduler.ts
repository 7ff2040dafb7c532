import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { addDays } from '@otr/kernel';
import { BankOperations } from './bank';
import { ClosurePlaybook } from './closure';
import { FEES_LOG, FeesContext, systemOrigin } from './fees-context';
import { Lessons } from './lessons';
import { Refunds } from './refunds';
import { RiskMonitor } from './risk-monitor';

export interface SchedulerSettings {
  /** Closure refunds and bank instructions, ms; 0 turns the loop off. */
  workerIntervalMs: number;
  /** Deemed confirmations and agreements, and risk evaluation, ms; 0 turns the loop off. */
  sweepIntervalMs: number;
  /** Reconciliation of yesterday's bank statements (对账), ms; each account once a day; 0 turns it off. */
  reconcileIntervalMs: number;
}

export const SCHEDULER_SETTINGS = Symbol('SchedulerSettings');

export const schedulerSettings = (env = process.env): SchedulerSettings =>
  env.FEES_SCHEDULER === 'off'
    ? { workerIntervalMs: 0, sweepIntervalMs: 0, reconcileIntervalMs: 0 }
    : {
        workerIntervalMs: Number(env.FEES_WORKER_INTERVAL_MS ?? 1000),
        sweepIntervalMs: Number(env.FEES_SWEEP_INTERVAL_MS ?? 15 * 60_000),
        reconcileIntervalMs: Number(env.FEES_RECONCILE_INTERVAL_MS ?? 60 * 60_000),
      };

/**
 * The timers of fee supervision: deadlines count working days on the injected clock, so the sweep
 * decides "the 15th working day has passed" the same way whether a timer or a test calls it.
 */
@Injectable()
export class FeesScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly busy = new Set<string>();

  constructor(
    @Inject(FEES_LOG) private readonly log: Logger,
    private readonly fees: FeesContext,
    private readonly lessons: Lessons,
    private readonly refunds: Refunds,
    private readonly closure: ClosurePlaybook,
    private readonly bank: BankOperations,
    private readonly risk: RiskMonitor,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.every('worker', this.settings.workerIntervalMs, () => this.work());
    this.every('sweep', this.settings.sweepIntervalMs, () => this.sweep());
    this.every('reconcile', this.settings.reconcileIntervalMs, () => this.reconcile());
  }

  /**
   * Yesterday's statement of every account not yet reconciled for it: a mismatch raises its alert
   * without anyone asking, so a payment booked without the bank's money cannot go unnoticed.
   */
  async reconcile(): Promise<{ date: string; runs: number; mismatches: number }> {
    const date = addDays(this.fees.today(), -1);
    if (!this.bank.connected) return { date, runs: 0, mismatches: 0 };
    const runs = await this.bank.reconcileDue(date, systemOrigin('reconciliation'));
    return { date, runs: runs.length, mismatches: runs.filter((r) => r.result === 'mismatch').length };
  }

  beforeApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }

  /** Closure refunds and bank instructions still to do. */
  async work(): Promise<{ closureRefunds: number; instructions: number }> {
    const origin = systemOrigin('closure');
    const closureRefunds = await this.closure.runBulkRefunds(origin);
    const instructions = await this.bank.dispatchInstructions();
    return { closureRefunds, instructions };
  }

  /** Every deadline that has passed by today, then the risk rules over every account that changed. */
  async sweep() {
    const origin = systemOrigin('deadlines');
    const lessons = await this.lessons.sweepDeemedConfirmations(origin);
    const refunds = await this.refunds.sweepDeemedAgreements(origin);
    const alerts = await this.risk.evaluateChanged(systemOrigin('risk'));
    return { lessons, refunds, alerts };
  }

  private every(name: string, ms: number, fn: () => Promise<unknown>): void {
    if (!ms) return;
    const timer = setInterval(() => {
      if (this.busy.has(name)) return;
      this.busy.add(name);
      fn()
        .catch((error: Error) =>
          this.log.error({ err: error, loop: name }, 'fee-supervision scheduler run failed'),
        )
        .finally(() => this.busy.delete(name));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
