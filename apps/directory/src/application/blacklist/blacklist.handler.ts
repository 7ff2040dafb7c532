import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DIRECTORY_READ_MODEL, DirectoryReadModel } from '../ports';
import { BlacklistPage, BlacklistQuery } from './blacklist.query';

/** The black list is short (hundreds, not hundreds of thousands): a plain scan with a name filter. */
@QueryHandler(BlacklistQuery)
export class BlacklistHandler implements IQueryHandler<BlacklistQuery> {
  constructor(@Inject(DIRECTORY_READ_MODEL) private readonly readModel: DirectoryReadModel) {}

  async execute({ criteria: c }: BlacklistQuery): Promise<BlacklistPage> {
    const { total, items } = await this.readModel.blacklist(c);
    return { total, page: c.page, pageSize: c.pageSize, items };
  }
}
