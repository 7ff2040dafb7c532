import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { createEvent, RepeatComplaintsFlagged } from '@otr/contracts';
import { chinaDate, Clock, newId } from '@otr/kernel';
import type { Logger } from 'pino';
import { breachDeadline } from '../../domain/complaint';
import { repeatFlagDue } from '../../domain/patterns';
import { Actor } from '../../domain/vocabulary';
import { systemOrigin } from '../actor';
import { ComplaintRepository, ComplaintRulesSource } from '../ports';
import { CLOCK_TOKEN, COMPLAINT_RULES, COMPLAINTS } from '../tokens';

export const SWEEP_OPTIONS = Symbol('SlaSweepOptions');
export interface SweepOptions {
  /** Milliseconds between sweeps; 0 runs none on its own (tests call run()). */
  intervalMs: number;
  log: Logger;
}

const SYSTEM: Actor = { kind: 'system' };
/** How far back repeat detection looks; each district's own window then applies. */
const LOOKBACK_DAYS = 366;

/**
 * The periodic SLA sweep: each missed deadline is recorded and escalated once (SlaBreached,
 * ComplaintEscalated), and an institution reaching the rulebook's repeat count is flagged for
 * inspection once per run of complaints (RepeatComplaintsFlagged). Safe to run as often as
 * wanted and from several instances: the domain and the version check make repeats no-ops.
 */
@Injectable()
export class SlaSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(SWEEP_OPTIONS) private readonly opts: SweepOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.opts.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.run()
        .catch((err) => this.opts.log.error({ err }, 'SLA sweep failed'))
        .finally(() => (this.running = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async run(): Promise<{ breached: number; flagged: number }> {
    const now = this.clock.now();
    let breached = 0;
    for (const id of await this.complaints.overdue(chinaDate(now))) {
      const { state, version } = await this.complaints.load(id);
      const { clock } = this.rules.forDistrict(state.subject.district, now);
      const events = breachDeadline(state, { at: now, by: SYSTEM }, clock);
      if (events.length === 0) continue;
      try {
        await this.complaints.save([{ before: state, version, events }], systemOrigin());
        breached++;
      } catch (err) {
        // Someone acted on it meanwhile; the next sweep sees the new state.
        this.opts.log.warn({ err, complaintId: id }, 'SLA sweep skipped a complaint');
      }
    }
    return { breached, flagged: await this.flagRepeats(now) };
  }

  private async flagRepeats(now: Date): Promise<number> {
    let flagged = 0;
    const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
    for (const c of await this.complaints.repeatCandidates(since)) {
      const rule = this.rules.forDistrict(c.district, now).rules.repeatFlag.value;
      const ids = repeatFlagDue(c.complaints, rule, now);
      if (!ids) continue;
      const event = createEvent(RepeatComplaintsFlagged, {
        aggregateId: c.institutionId,
        institutionId: c.institutionId,
        occurredAt: now,
        ...systemOrigin(),
        payload: {
          subjectName: c.subjectName,
          licenseId: c.licenseId,
          district: c.district,
          count: ids.length,
          withinDays: rule.withinDays,
          complaintIds: ids,
        },
      });
      await this.complaints.flagRepeat(
        { id: newId(), institutionId: c.institutionId, complaintIds: ids, at: now },
        event,
      );
      flagged++;
    }
    return flagged;
  }
}
