import { Controller, Get, Inject } from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { chinaDate, Clock } from '@otr/kernel';
import { Returns } from '@otr/runtime';
import { InspectionStore, RectificationStats, STORE } from '../application/ports';
import { CLOCK_TOKEN } from '../application/tokens';
import { scopeOf } from './http';

/**
 * The console dashboard's rectification panel (apps/console/src/providers/dashboard-provider.ts):
 * { rectificationsOpen, rectificationsOverdue, byDistrict: [{ district, open, overdue }] } within
 * the caller's jurisdiction, for the roles whose dashboard shows it (panelsFor in permissions.ts).
 */
@Controller('stats')
export class StatsController {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('approver', 'inspector', 'spot-check-planner', 'viewer')
  @Returns(RectificationStats)
  stats(@CurrentPrincipal() p: Principal) {
    return this.store.rectificationStats(scopeOf(p), chinaDate(this.clock.now()));
  }
}
