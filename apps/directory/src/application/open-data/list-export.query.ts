import { Query } from '@nestjs/cqrs';

export type PublicList = 'white' | 'revoked' | 'black';

export interface ListExport {
  /** The time of the last event applied to the list: how current it is. */
  asOf: string | null;
  /** The columns of every row, in download order. */
  columns: string[];
  rows: Record<string, string | null>[];
}

/** The white list (licensed and active), the revoked licenses, or the black list, for download. */
export class ListExportQuery extends Query<ListExport> {
  constructor(readonly list: PublicList) {
    super();
  }
}
