import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Public } from '@otr/auth';
import { z } from 'zod';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import {
  SearchCriteria,
  SearchInstitutionsQuery,
  SearchResult,
} from '../application/search-institutions/search-institutions.query';
import {
  InstitutionPage,
  InstitutionPageQuery,
} from '../application/institution-page/institution-page.query';
import { PUBLIC_MAX_AGE_S } from '../application/search-institutions/search-institutions.handler';

const PUBLIC_CACHE = `public, max-age=${PUBLIC_MAX_AGE_S}`;

/** A type-only name for the request, so decorator metadata does not point at the zod schema value. */
type SearchInput = SearchCriteria;

/** The public directory: anyone may search certified institutions (资质信息全面公开). */
@Controller('public')
@Public()
export class PublicInstitutionsController {
  constructor(private readonly queries: QueryBus) {}

  /** Express adds a weak ETag to every answer, so a repeated search costs the client a 304. */
  @Get('institutions')
  @Returns(SearchResult)
  @Header('Cache-Control', PUBLIC_CACHE)
  search(@Query(new ZodPipe(SearchCriteria)) criteria: SearchInput) {
    return this.queries.execute(new SearchInstitutionsQuery(criteria));
  }

  @Get('institutions/:id')
  @Returns(InstitutionPage)
  @Header('Cache-Control', PUBLIC_CACHE)
  page(@Param('id', new UuidPipe()) id: string) {
    return this.queries.execute(new InstitutionPageQuery(id));
  }

  /** A trivial endpoint behind the same stack, the baseline of the search benchmark. */
  @Get('ping')
  @Returns(z.object({ ok: z.literal(true) }))
  ping() {
    return { ok: true };
  }
}
