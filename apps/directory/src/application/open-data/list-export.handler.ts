import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { ListExport, ListExportQuery } from './list-export.query';

@QueryHandler(ListExportQuery)
export class ListExportHandler implements IQueryHandler<ListExportQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ list }: ListExportQuery): Promise<ListExport> {
    const where = { licenseStatus: list === 'white' ? 'active' : 'revoked' };
    const [rows, last] = await Promise.all([
      this.prisma.institution.findMany({ where, orderBy: [{ district: 'asc' }, { name: 'asc' }] }),
      this.prisma.institution.aggregate({ _max: { lastEventAt: true } }),
    ]);
    return {
      asOf: last._max.lastEventAt?.toISOString() ?? null,
      rows: rows.map((r) => ({
        name: r.name,
        licenseNumber: r.licenseNumber,
        category: r.category,
        district: r.district,
        address: r.address,
        licenseStatus: r.licenseStatus,
        validUntil: r.validUntil?.toISOString().slice(0, 10) ?? null,
      })),
    };
  }
}
