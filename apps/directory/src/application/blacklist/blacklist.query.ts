import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { PublicBlacklistEntry } from '../institution-page/institution-page.query';

export const BlacklistCriteria = z.object({
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type BlacklistCriteria = z.infer<typeof BlacklistCriteria>;

export const BlacklistPage = z.object({
  items: z.array(PublicBlacklistEntry.extend({ institutionId: z.string() })),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BlacklistPage = z.infer<typeof BlacklistPage>;

/** The public black list (黑名单), newest listing first. */
export class BlacklistQuery extends Query<BlacklistPage> {
  constructor(readonly criteria: BlacklistCriteria) {
    super();
  }
}
