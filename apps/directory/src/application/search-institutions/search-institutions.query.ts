import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';

export const SearchCriteria = z
  .object({
    q: z.string().trim().max(40).optional(),
    district: z.string().max(40).optional(),
    category: Category.optional(),
    scope: Scope.optional(),
    status: z.enum(['active', 'suspended', 'revoked', 'expired', 'closed']).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    /** Near a point: latitude and longitude together, sorted by distance within the radius. */
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().gt(0).max(50).default(5),
  })
  .refine((c) => (c.lat === undefined) === (c.lng === undefined), {
    message: 'lat and lng go together',
    path: ['lng'],
  });
export type SearchCriteria = z.infer<typeof SearchCriteria>;

export interface InstitutionSummary {
  id: string;
  name: string;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  licenseNumber: string | null;
  licenseStatus: string;
  validUntil: string | null;
  /** Metres from the point searched near, when the search was near a point. */
  distanceM?: number;
}

export interface SearchResult {
  total: number;
  /** True when there are at least `total` matches and counting stopped there. */
  totalIsCapped: boolean;
  page: number;
  pageSize: number;
  items: InstitutionSummary[];
}

export class SearchInstitutionsQuery extends Query<SearchResult> {
  constructor(readonly criteria: SearchCriteria) {
    super();
  }
}
