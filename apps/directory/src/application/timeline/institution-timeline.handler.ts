import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { coversJurisdiction } from '@otr/auth';
import { DIRECTORY_READ_MODEL, DirectoryReadModel } from '../ports';
import { InstitutionTimelineQuery } from './institution-timeline.query';

/** One institution's whole history, oldest first, for officials of its jurisdiction or its operator. */
@QueryHandler(InstitutionTimelineQuery)
export class InstitutionTimelineHandler implements IQueryHandler<InstitutionTimelineQuery> {
  constructor(@Inject(DIRECTORY_READ_MODEL) private readonly readModel: DirectoryReadModel) {}

  async execute({ criteria: c, principal }: InstitutionTimelineQuery) {
    const district = await this.readModel.districtOf(c.institutionId);
    const allowed = principal.institutionId
      ? principal.institutionId === c.institutionId
      : district === null || coversJurisdiction(principal, district);
    if (!allowed) throw new ForbiddenException('institution outside your jurisdiction');
    return this.readModel.timeline(c);
  }
}
