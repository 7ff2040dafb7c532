import { WorkingDayCalendar } from '@otr/kernel';
import { Rulebook } from '@otr/rules';
import { ComplaintContext, ComplaintRulesSource } from '../application/ports';
import { resolveComplaintRules } from '../domain/complaint-rules';
import { DEFAULT_ROUTES, RoutingTable } from '../domain/routing';
import { WorkingDayClock } from '../domain/sla-clock';

/** Resolves the complaint parameters of a district from the jurisdiction rulebook, on the working-day calendar. */
export class RulebookComplaintRules implements ComplaintRulesSource {
  constructor(
    private readonly rulebook: Rulebook,
    private readonly calendar: WorkingDayCalendar,
    private readonly routes: RoutingTable = DEFAULT_ROUTES,
  ) {}

  forDistrict(district: string, on: Date): ComplaintContext {
    const rules = resolveComplaintRules(this.rulebook, district, on);
    return { rules, clock: new WorkingDayClock(this.calendar, rules), routes: this.routes };
  }
}
