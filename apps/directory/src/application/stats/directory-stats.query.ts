import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Category } from '@otr/contracts';

/** Licensed, active institutions within a jurisdiction, by district and by category (the console's dashboard). */
export const DirectoryStats = z.object({
  total: z.number().int().nonnegative().describe('Licensed, active institutions (有效许可机构).'),
  byDistrict: z.array(z.object({ district: z.string(), count: z.number().int() })),
  byCategory: z.array(z.object({ category: Category, count: z.number().int() })),
});
export type DirectoryStats = z.infer<typeof DirectoryStats>;

export class DirectoryStatsQuery extends Query<DirectoryStats> {
  constructor(readonly jurisdiction: string) {
    super();
  }
}
