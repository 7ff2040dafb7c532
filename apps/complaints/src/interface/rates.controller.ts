import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { Returns, ZodPipe } from '@otr/runtime';
import { RatesReport } from './answers';
import { HANDLER_ROLES } from '../application/actor';
import { ComplaintRatesQuery, RatesFilter } from '../application/rates/complaint-rates';

type RatesInput = RatesFilter;

/**
 * GET /rates?by=department|district&from&to: response, resolution and satisfaction rates over the
 * caller's jurisdiction, for those who work complaints and the viewers who oversee them.
 */
@Controller('rates')
export class RatesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Returns(RatesReport)
  @Roles(...HANDLER_ROLES, 'viewer')
  rates(@Query(new ZodPipe(RatesFilter)) filter: RatesInput, @CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ComplaintRatesQuery(filter, p));
  }
}
