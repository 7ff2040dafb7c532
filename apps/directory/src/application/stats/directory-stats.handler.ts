import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DIRECTORY_READ_MODEL, DirectoryReadModel } from '../ports';
import { DirectoryStats, DirectoryStatsQuery } from './directory-stats.query';

/** Exact counts in one pass, where totals from the public search stop at its count cap. */
@QueryHandler(DirectoryStatsQuery)
export class DirectoryStatsHandler implements IQueryHandler<DirectoryStatsQuery> {
  constructor(@Inject(DIRECTORY_READ_MODEL) private readonly readModel: DirectoryReadModel) {}

  async execute({ jurisdiction }: DirectoryStatsQuery): Promise<DirectoryStats> {
    const rows = await this.readModel.activeCounts(jurisdiction);
    const sum = (key: 'district' | 'category') => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r[key], (counts.get(r[key]) ?? 0) + r.n);
      return [...counts].sort(([a], [b]) => a.localeCompare(b));
    };
    return {
      total: rows.reduce((a, r) => a + r.n, 0),
      byDistrict: sum('district').map(([district, count]) => ({ district, count })),
      byCategory: sum('category').map(([category, count]) => ({
        category: category as DirectoryStats['byCategory'][number]['category'],
        count,
      })),
    };
  }
}
