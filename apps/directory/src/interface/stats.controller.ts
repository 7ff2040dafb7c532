import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles } from '@otr/auth';
import { Returns } from '@otr/runtime';
import { DirectoryStats, DirectoryStatsQuery } from '../application/stats/directory-stats.query';

/** Counts for officials' dashboards, within the caller's jurisdiction. */
@Controller('stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Returns(DirectoryStats)
  @Roles(...OFFICIAL_ROLES)
  stats(@CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new DirectoryStatsQuery(principal.jurisdiction));
  }
}
