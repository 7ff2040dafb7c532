import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';

export const SearchCriteria = z.object({
  q: z.string().trim().max(40).optional(),
  district: z.string().max(40).optional(),
  category: Category.optional(),
  scope: Scope.optional(),
  status: z.enum(['active', 'suspended', 'revoked', 'expired', 'closed']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
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
