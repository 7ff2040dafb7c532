import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles } from '@otr/auth';
import { Returns } from '@otr/runtime';
import { ComplaintStatsQuery } from '../application/work-queue/work-queue.handler';
import { ComplaintStats } from './answers';

/** GET /stats: the console dashboards' complaint panel (open complaints by SLA colour). */
@Controller('stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Returns(ComplaintStats)
  @Roles(...OFFICIAL_ROLES, 'institution-operator')
  stats(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ComplaintStatsQuery(p));
  }
}
