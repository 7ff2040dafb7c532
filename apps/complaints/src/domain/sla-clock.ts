import { chinaDate, DateLike, WorkingDayCalendar } from '@otr/kernel';
import { levelOf, parentOf } from '@otr/rules';
import { Cited, ComplaintRules } from './complaint-rules';
import { ComplaintRuleViolated } from './errors';
import { ComplaintKind } from './vocabulary';

/** Green: on time; amber: inside the reminder window (临期); red: overdue (超期). */
export type SlaColour = 'green' | 'amber' | 'red';

/**
 * Deadlines of the 12345 loop in working days on the Chinese calendar (调休 included). A deadline
 * is a Beijing date: the work is on time until that day ends in Beijing, whatever the UTC date.
 * The filing or routing day itself never counts (kernel addWorkingDays).
 */
export class WorkingDayClock {
  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly rules: ComplaintRules,
  ) {}

  /** The rule giving the answer deadline of a kind, with its source for citations. */
  answerRule(kind: ComplaintKind): Cited<number> {
    const byKind = {
      consultation: this.rules.consultationWorkingDays,
      help: this.rules.helpWorkingDays,
      complaint: this.rules.complaintWorkingDays,
    } as const;
    return byKind[kind];
  }

  /** 签收: the routed department signs the work order by this date. */
  signDeadline(routedAt: DateLike): string {
    return this.calendar.addWorkingDays(routedAt, this.rules.signWorkingDays.value);
  }

  /** 答复/办结: the answer is due by this date, counted from acceptance. */
  answerDeadline(kind: ComplaintKind, acceptedAt: DateLike): string {
    return this.calendar.addWorkingDays(acceptedAt, this.answerRule(kind).value);
  }

  /** Working days left until the deadline at an instant; negative once overdue. */
  workingDaysLeft(due: string, at: DateLike): number {
    return this.calendar.workingDaysBetween(chinaDate(at), due);
  }

  isOverdue(due: string, at: DateLike): boolean {
    return chinaDate(at) > chinaDate(due);
  }

  /** The colour at an instant, read as a Beijing date. */
  colourAt(due: string, at: DateLike): SlaColour {
    if (this.isOverdue(due, at)) return 'red';
    return this.workingDaysLeft(due, at) <= this.rules.reminderWorkingDaysBefore.value ? 'amber' : 'green';
  }

  /** A granted extension (延期) moves the deadline by exactly that many working days. */
  extend(due: string, grantedWorkingDays: number): string {
    if (!Number.isSafeInteger(grantedWorkingDays) || grantedWorkingDays < 1) {
      throw new ComplaintRuleViolated(
        `an extension is a whole number of working days ≥ 1: ${grantedWorkingDays}`,
        {
          field: 'grantedWorkingDays',
          rule: 'extension in whole working days',
        },
      );
    }
    return this.calendar.addWorkingDays(due, grantedWorkingDays);
  }

  /**
   * The supervising level above a jurisdiction for escalation (上级督办): district → city →
   * province. Undefined at the province: complaints do not escalate to the national level.
   */
  supervisingLevelAbove(jurisdiction: string): string | undefined {
    const level = levelOf(jurisdiction);
    return level === 'district' || level === 'city' ? parentOf(jurisdiction) : undefined;
  }
}
