import { Query } from '@nestjs/cqrs';
import { z } from 'zod';

export type PublicList = 'white' | 'revoked' | 'black';

export const ListExport = z.object({
  asOf: z.iso
    .datetime()
    .nullable()
    .describe('The time of the last event applied to the list: how current it is.'),
  columns: z.array(z.string()).describe('The columns of every row, in download order.'),
  rows: z.array(z.record(z.string(), z.string().nullable())),
});
export type ListExport = z.infer<typeof ListExport>;

/** The white list (licensed and active), the revoked licenses, or the black list, for download. */
export class ListExportQuery extends Query<ListExport> {
  constructor(readonly list: PublicList) {
    super();
  }
}
