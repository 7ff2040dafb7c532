import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';
import { PublicRating } from '../institution-page/institution-page.query';

/**
 * Where the next page starts (keyset paging): the sort key and id of the last row shown, opaque
 * to the client. The sort key is the name, or the exact distance when searching near a point.
 */
export type Cursor = [key: string | number, id: string];

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor | null {
  try {
    const c: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return Array.isArray(c) &&
      c.length === 2 &&
      (typeof c[0] === 'string' || Number.isFinite(c[0])) &&
      typeof c[1] === 'string'
      ? (c as Cursor)
      : null;
  } catch {
    return null;
  }
}

export const SearchCriteria = z
  .object({
    q: z.string().trim().max(40).optional(),
    district: z.string().max(40).optional(),
    category: Category.optional(),
    scope: Scope.optional(),
    status: z.enum(['active', 'suspended', 'revoked', 'expired', 'closed']).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    /** The `next` of the previous page: continues right after it, however deep (keyset paging). */
    after: z
      .string()
      .max(400)
      .transform((text, ctx) => {
        const cursor = decodeCursor(text);
        if (!cursor) ctx.addIssue({ code: 'custom', message: 'not a cursor this search returned as next' });
        return cursor ?? z.NEVER;
      })
      .optional(),
    /** Near a point: latitude and longitude together, sorted by distance within the radius. */
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().gt(0).max(50).default(5),
  })
  .refine((c) => (c.lat === undefined) === (c.lng === undefined), {
    message: 'lat and lng go together',
    path: ['lng'],
  })
  .refine((c) => !c.after || c.page === 1, {
    message: 'after replaces page: give one of them',
    path: ['after'],
  })
  .refine((c) => !c.after || typeof c.after[0] === (c.lat === undefined ? 'string' : 'number'), {
    message: 'a cursor continues the same search (by name, or near a point)',
    path: ['after'],
  });
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/** One institution found by the public search. */
export const InstitutionSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: Category,
  scopes: z.array(Scope),
  district: z.string(),
  address: z.string(),
  licenseNumber: z.string().nullable(),
  licenseStatus: z
    .enum(['active', 'suspended', 'revoked', 'expired', 'closed'])
    .describe('active 有效, suspended 暂停招生, revoked 吊销, expired 过期, closed 终止办学'),
  validUntil: z.iso.date().nullable(),
  blacklisted: z
    .boolean()
    .describe(
      'On the black list (黑名单) now: shown before its license status, which may still read active.',
    ),
  rating: PublicRating.describe(
    "Families' ratings: the average to one decimal (null before the first) and how many.",
  ),
  distanceM: z
    .number()
    .nonnegative()
    .optional()
    .describe('Metres from the point searched near, when the search was near a point.'),
});
export type InstitutionSummary = z.infer<typeof InstitutionSummary>;

/** A page of the public search: the list envelope, with keyset paging (`next` → `after`). */
export const SearchResult = z.object({
  items: z.array(InstitutionSummary),
  total: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe('Matches of the whole search; null on a keyset page (`after`), which is not counted again.'),
  totalIsCapped: z
    .boolean()
    .describe('True when there are at least `total` matches and counting stopped there.'),
  page: z.number().int(),
  pageSize: z.number().int(),
  next: z.string().nullable().describe('Pass as `after` for the page that follows; null on the last page.'),
});
export type SearchResult = z.infer<typeof SearchResult>;

export class SearchInstitutionsQuery extends Query<SearchResult> {
  constructor(readonly criteria: SearchCriteria) {
    super();
  }
}
