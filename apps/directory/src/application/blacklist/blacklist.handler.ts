import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { BLACKLIST_COLUMNS } from '../institution-page/institution-page.handler';
import { BLACKLISTED } from '../projections/sanction-projection';
import { DIRECTORY_PRISMA } from '../tokens';
import { BlacklistPage, BlacklistQuery } from './blacklist.query';

/** The black list is short (hundreds, not hundreds of thousands): a plain scan with a name filter. */
@QueryHandler(BlacklistQuery)
export class BlacklistHandler implements IQueryHandler<BlacklistQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ criteria: c }: BlacklistQuery): Promise<BlacklistPage> {
    const args: unknown[] = [];
    const filter = c.q ? `AND strpos(subject_name, $${args.push(c.q)}) > 0` : '';
    const [items, [{ n }]] = await Promise.all([
      this.prisma.$queryRawUnsafe<BlacklistPage['items']>(
        `SELECT institution_id AS "institutionId", ${BLACKLIST_COLUMNS} FROM directory.blacklist_entry
         WHERE ${BLACKLISTED} ${filter} ORDER BY listed_on DESC, id
         LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
        ...args,
        c.pageSize,
        (c.page - 1) * c.pageSize,
      ),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM directory.blacklist_entry WHERE ${BLACKLISTED} ${filter}`,
        ...args,
      ),
    ]);
    return { total: n, page: c.page, pageSize: c.pageSize, items };
  }
}
