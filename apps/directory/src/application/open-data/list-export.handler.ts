import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DIRECTORY_READ_MODEL, DirectoryReadModel } from '../ports';
import { ListExport, ListExportQuery } from './list-export.query';

const INSTITUTION_COLUMNS = [
  'name',
  'licenseNumber',
  'category',
  'district',
  'address',
  'licenseStatus',
  'validUntil',
];
const BLACKLIST_EXPORT_COLUMNS = ['subjectName', 'reason', 'decisionNumber', 'listedOn', 'removableOn'];

@QueryHandler(ListExportQuery)
export class ListExportHandler implements IQueryHandler<ListExportQuery> {
  constructor(@Inject(DIRECTORY_READ_MODEL) private readonly readModel: DirectoryReadModel) {}

  async execute({ list }: ListExportQuery): Promise<ListExport> {
    const { asOf, rows } = await this.readModel.publicList(list);
    return {
      asOf: asOf?.toISOString() ?? null,
      columns: list === 'black' ? BLACKLIST_EXPORT_COLUMNS : INSTITUTION_COLUMNS,
      rows,
    };
  }
}
