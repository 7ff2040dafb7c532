import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { ZodPipe } from '@otr/runtime';
import { InstitutionTimelineQuery, TimelineCriteria } from '../application/timeline/institution-timeline.query';

/** The unified institution timeline (officials and the institution's own operator). */
@Controller('timeline')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('approver', 'inspector', 'task-force-officer', 'fund-supervisor', 'spot-check-planner', 'viewer', 'administrator', 'institution-operator')
  list(@Query(new ZodPipe(TimelineCriteria)) criteria: TimelineCriteria, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new InstitutionTimelineQuery(criteria, principal));
  }
}
