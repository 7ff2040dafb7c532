import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { readScopeOf } from '@otr/auth';
import { APPLICATIONS, ApplicationRepository } from '../ports';
import { ListApplicationsQuery } from './list-applications.query';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(@Inject(APPLICATIONS) private readonly applications: ApplicationRepository) {}

  execute({ filter, principal }: ListApplicationsQuery) {
    // Operators see their own institution's applications; officials their jurisdiction's.
    return this.applications.list(filter, readScopeOf(principal));
  }
}
