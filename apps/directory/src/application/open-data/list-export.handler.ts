import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { BLACKLIST_COLUMNS } from '../institution-page/institution-page.handler';
import { BLACKLISTED } from '../projections/sanction-projection';
import { DIRECTORY_PRISMA } from '../tokens';
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

type AsOf = { asOf: Date | null };
const iso = (rows: AsOf[]) => rows[0].asOf?.toISOString() ?? null;

@QueryHandler(ListExportQuery)
export class ListExportHandler implements IQueryHandler<ListExportQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ list }: ListExportQuery): Promise<ListExport> {
    if (list === 'black') {
      const [rows, asOf] = await Promise.all([
        this.prisma.$queryRawUnsafe<Record<string, string | null>[]>(
          `SELECT ${BLACKLIST_COLUMNS} FROM directory.blacklist_entry WHERE ${BLACKLISTED}
           ORDER BY listed_on DESC, id`,
        ),
        this.prisma.$queryRawUnsafe<AsOf[]>(
          `SELECT max(greatest(added_at, removed_at)) AS "asOf" FROM directory.blacklist_entry`,
        ),
      ]);
      return { asOf: iso(asOf), columns: BLACKLIST_EXPORT_COLUMNS, rows };
    }
    const [rows, asOf] = await Promise.all([
      this.prisma.$queryRawUnsafe<Record<string, string | null>[]>(
        `SELECT name, license_number AS "licenseNumber", category, district, address,
                license_status AS "licenseStatus", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil"
         FROM directory.institution WHERE license_status = $1 ORDER BY district, name, id`,
        list === 'white' ? 'active' : 'revoked',
      ),
      this.prisma.$queryRawUnsafe<AsOf[]>(`SELECT max(last_event_at) AS "asOf" FROM directory.institution`),
    ]);
    return { asOf: iso(asOf), columns: INSTITUTION_COLUMNS, rows };
  }
}
