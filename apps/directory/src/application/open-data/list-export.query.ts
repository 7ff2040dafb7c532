import { Query } from '@nestjs/cqrs';

export interface ListExport {
  /** The time of the last event applied to any entry: how current the list is. */
  asOf: string | null;
  rows: {
    name: string;
    licenseNumber: string | null;
    category: string;
    district: string;
    address: string;
    licenseStatus: string;
    validUntil: string | null;
  }[];
}

/** The white list (licensed and active) or the list of revoked licenses, for download. */
export class ListExportQuery extends Query<ListExport> {
  constructor(readonly list: 'white' | 'revoked') {
    super();
  }
}
