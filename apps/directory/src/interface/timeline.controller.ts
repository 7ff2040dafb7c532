import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles } from '@otr/auth';
import { Returns, ZodPipe } from '@otr/runtime';
import {
  InstitutionTimelineQuery,
  TimelineCriteria,
  TimelinePage,
} from '../application/timeline/institution-timeline.query';

/** A type-only name for the request, so decorator metadata does not point at the zod schema value. */
type TimelineInput = TimelineCriteria;

/** The unified institution timeline (officials and the institution's own operator). */
@Controller('timeline')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Returns(TimelinePage)
  @Roles(...OFFICIAL_ROLES, 'institution-operator')
  list(
    @Query(new ZodPipe(TimelineCriteria)) criteria: TimelineInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.execute(new InstitutionTimelineQuery(criteria, principal));
  }
}
