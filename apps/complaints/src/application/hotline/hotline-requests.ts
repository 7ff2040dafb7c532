import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ComplaintState } from '../../domain/complaint';
import { ComplaintRepository, HotlineFilter } from '../ports';
import { COMPLAINTS } from '../tokens';

/** The work orders a hotline system filed: its own, never anyone else's complaints. */
export class HotlineRequestsQuery extends Query<ComplaintState[]> {
  constructor(
    readonly system: string,
    readonly filter: HotlineFilter,
  ) {
    super();
  }
}

@QueryHandler(HotlineRequestsQuery)
export class HotlineRequestsHandler implements IQueryHandler<HotlineRequestsQuery> {
  constructor(@Inject(COMPLAINTS) private readonly complaints: ComplaintRepository) {}

  execute({ system, filter }: HotlineRequestsQuery) {
    return this.complaints.filedBy(system, filter);
  }
}
