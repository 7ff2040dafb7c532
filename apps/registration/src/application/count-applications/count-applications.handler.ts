import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APPLICATIONS, ApplicationRepository } from '../ports';
import { CountApplicationsQuery } from './count-applications.query';

@QueryHandler(CountApplicationsQuery)
export class CountApplicationsHandler implements IQueryHandler<CountApplicationsQuery> {
  constructor(@Inject(APPLICATIONS) private readonly applications: ApplicationRepository) {}

  execute(): Promise<number> {
    return this.applications.count();
  }
}
