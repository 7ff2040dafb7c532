import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles } from '@otr/auth';
import { ComplaintStatsQuery } from '../application/work-queue/work-queue.handler';

/** GET /stats: the console dashboards' complaint panel (open complaints by SLA colour). */
@Controller('stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...OFFICIAL_ROLES, 'institution-operator')
  stats(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ComplaintStatsQuery(p));
  }
}
