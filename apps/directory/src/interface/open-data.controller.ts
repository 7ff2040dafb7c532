import { Controller, Get, Header, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { Public } from '@otr/auth';
import { Returns, validationFailed } from '@otr/runtime';
import { ListExport, ListExportQuery, PublicList } from '../application/open-data/list-export.query';
import { openDataCsv } from './open-data-csv';

/** ParseEnumPipe whose 400 names the parameter and its values, where Nest's says "enum string is expected". */
const oneOf = (field: string, values: string[]) =>
  new ParseEnumPipe(values, {
    exceptionFactory: () => validationFailed([{ field, rule: `one of ${values.join(', ')}` }]),
  });

/** Open data: the white, revoked and black lists as CSV or JSON, stamped with how current they are. */
@Controller('public/open-data')
@Public()
export class OpenDataController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':list.:format')
  @Returns({
    schema: ListExport,
    alsoAs: ['text/csv'],
    description:
      'The list (white 白名单, revoked 已吊销, black 黑名单) as JSON, or as UTF-8 CSV for format csv; ' +
      'X-Data-As-Of and Last-Modified say how current it is.',
  })
  @Header('Cache-Control', 'public, max-age=60')
  async download(
    @Param('list', oneOf('list', ['white', 'revoked', 'black'])) list: PublicList,
    @Param('format', oneOf('format', ['csv', 'json'])) format: 'csv' | 'json',
    @Query('download') download: string | undefined,
    @Res() res: Response,
  ) {
    const data = await this.queries.execute(new ListExportQuery(list));
    if (data.asOf) res.setHeader('Last-Modified', new Date(data.asOf).toUTCString());
    res.setHeader('X-Data-As-Of', data.asOf ?? '');
    if (download !== undefined)
      res.setHeader('Content-Disposition', `attachment; filename="${list}-list.${format}"`);
    if (format === 'json') return res.json(data);
    res.type('text/csv; charset=utf-8').send(openDataCsv(data));
  }
}
