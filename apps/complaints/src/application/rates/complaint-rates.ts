import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { addDays, Clock } from '@otr/kernel';
import { z } from 'zod';
import { ComplaintState } from '../../domain/complaint';
import { Rates, ratesBy, ratesOf, tallyOf } from '../../domain/rates';
import { ComplaintRepository, ComplaintRulesSource } from '../ports';
import { CLOCK_TOKEN, COMPLAINT_RULES, COMPLAINTS } from '../tokens';

/** A Beijing date the database can hold once turned into an instant (it has no year 0); none are older than 1970. */
const Day = IsoDate.refine((d) => d >= '1970-01-01', 'a date from 1970-01-01 on');

/** Grouped by the lead department or by district, over complaints filed in a period (Beijing dates). */
export const RatesFilter = z
  .object({
    by: z.enum(['department', 'district']).default('department'),
    from: Day.optional(),
    to: Day.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from is not after to', path: ['to'] });
export type RatesFilter = z.infer<typeof RatesFilter>;

export interface RatesReport extends RatesFilter {
  total: Rates;
  groups: ({ key: string } & Rates)[];
}

/** The response, resolution and satisfaction rates over the caller's jurisdiction (domain/rates.ts). */
export class ComplaintRatesQuery extends Query<RatesReport> {
  constructor(
    readonly filter: RatesFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}

const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

@QueryHandler(ComplaintRatesQuery)
export class ComplaintRatesHandler implements IQueryHandler<ComplaintRatesQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ filter, principal }: ComplaintRatesQuery): Promise<RatesReport> {
    const now = this.clock.now();
    const filed = await this.complaints.filedIn(
      { jurisdiction: principal.jurisdiction },
      {
        ...(filter.from ? { from: beijingMidnight(filter.from) } : {}),
        ...(filter.to ? { to: beijingMidnight(addDays(filter.to, 1)) } : {}),
      },
    );
    // Each sign deadline as the clock of the complaint's district set it when it was routed.
    const tallied = filed
      .filter((c) => c.responsibility)
      .map((c) => ({
        c,
        tally: tallyOf(c, now, (at) => this.rules.forDistrict(c.subject.district, at).clock.signDeadline(at)),
      }));
    const keyOf = ({ c }: { c: ComplaintState }) =>
      filter.by === 'department' ? c.responsibility!.lead.department : c.subject.district;
    return {
      ...filter,
      total: ratesOf(tallied.map((t) => t.tally)),
      groups: ratesBy(tallied, keyOf, (t) => t.tally),
    };
  }
}
