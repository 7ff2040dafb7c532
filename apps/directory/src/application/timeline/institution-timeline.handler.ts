import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { coversJurisdiction } from '@otr/auth';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { InstitutionTimelineQuery } from './institution-timeline.query';

/** One institution's whole history, oldest first, for officials of its jurisdiction or its operator. */
@QueryHandler(InstitutionTimelineQuery)
export class InstitutionTimelineHandler implements IQueryHandler<InstitutionTimelineQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ criteria: c, principal }: InstitutionTimelineQuery) {
    const institution = await this.prisma.institution.findUnique({ where: { id: c.institutionId } });
    const allowed = principal.institutionId
      ? principal.institutionId === c.institutionId
      : !institution || coversJurisdiction(principal, institution.district);
    if (!allowed) throw new ForbiddenException('institution outside your jurisdiction');
    const where = {
      institutionId: c.institutionId,
      ...(c.service ? { service: c.service } : {}),
      ...(c.type ? { type: c.type } : {}),
      ...(c.from || c.to
        ? {
            occurredAt: {
              ...(c.from ? { gte: new Date(c.from) } : {}),
              ...(c.to ? { lte: new Date(c.to) } : {}),
            },
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.timelineEvent.findMany({
        where,
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        skip: (c.page - 1) * c.pageSize,
        take: c.pageSize,
      }),
      this.prisma.timelineEvent.count({ where }),
    ]);
    return { items: rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })), total };
  }
}
