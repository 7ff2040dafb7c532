import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Public } from '@otr/auth';
import { Returns, ZodPipe } from '@otr/runtime';
import { BlacklistCriteria, BlacklistPage, BlacklistQuery } from '../application/blacklist/blacklist.query';

/** A type-only name for the request, so decorator metadata does not point at the zod schema value. */
type BlacklistInput = BlacklistCriteria;

/** The public black list (黑名单): who, why, by which decision, and until when. */
@Controller('public/blacklist')
@Public()
export class PublicBlacklistController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Returns(BlacklistPage)
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query(new ZodPipe(BlacklistCriteria)) criteria: BlacklistInput) {
    return this.queries.execute(new BlacklistQuery(criteria));
  }
}
