import { Inject, Injectable } from '@nestjs/common';
import { EventOrigin, SYSTEM_ACTOR } from '@otr/contracts';
import { addDays, chinaDate, Clock, loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import { evolveLicense, expire, remindersDue } from '../../domain/license';
import { overdueSteps } from '../../domain/review-deadlines';
import { APPLICATION_DEADLINES, ApplicationDeadlines, LICENSES, LicenseRepository } from '../ports';
import { CLOCK_TOKEN } from '../tokens';

/** Reminders start this long before the end of validity at most; the rulebook's days are within it. */
const REMINDER_HORIZON_DAYS = 366;

/**
 * The daily upkeep the licensing department would otherwise do by hand: expire licenses past
 * their last day, remind operators 90 and 30 days before, and report review steps past deadline.
 * Every step is idempotent, so running it twice, or on two instances, reports nothing twice.
 */
@Injectable()
export class LicenseUpkeep {
  private readonly rulebook = defaultRulebook();
  private readonly calendar = loadChinaCalendar();

  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(APPLICATION_DEADLINES) private readonly deadlines: ApplicationDeadlines,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ expired: number; reminded: number; overdue: number }> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const origin: EventOrigin = { actor: SYSTEM_ACTOR, correlationId: `upkeep-${today}` };
    let expired = 0;
    let reminded = 0;
    let overdue = 0;
    for (const id of await this.licenses.dueToExpire(today)) {
      const license = await this.licenses.load(id);
      const events = expire(license, today);
      await this.licenses.save(events.reduce(evolveLicense, license), events, origin);
      expired += events.length;
    }
    for (const id of await this.licenses.endingBy(addDays(today, REMINDER_HORIZON_DAYS))) {
      const license = await this.licenses.load(id);
      const days = this.rulebook.get('licensing.expiryReminderDays', {
        jurisdiction: license.district,
        on: now,
      });
      const events = remindersDue(license, today, days);
      await this.licenses.save(events.reduce(evolveLicense, license), events, origin);
      reminded += events.length;
    }
    for (const app of await this.deadlines.openSteps()) {
      const decideIn = this.rulebook.get('licensing.review.decideWorkingDays', {
        jurisdiction: app.district,
        on: now,
      });
      const decisionDueBy = this.calendar.addWorkingDays(app.submittedAt, decideIn);
      for (const step of overdueSteps(app, decisionDueBy, today)) {
        await this.deadlines.reportOverdue({ ...app, ...step }, origin);
        overdue += 1;
      }
    }
    return { expired, reminded, overdue };
  }
}
