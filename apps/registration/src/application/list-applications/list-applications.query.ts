import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Principal } from '@otr/auth';

export const ApplicationFilter = z.object({
  status: z.enum(['submitted', 'returned', 'approved', 'rejected']).optional(),
  district: z.string().max(40).optional(),
  category: z.enum(['subject', 'sports', 'arts', 'science-tech']).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ApplicationFilter = z.infer<typeof ApplicationFilter>;

export interface ApplicationListItem {
  id: string;
  institutionId: string;
  institutionName: string;
  category: string;
  district: string;
  status: string;
  competentDepartment: string;
  submittedAt: string | null;
  /** Review steps reported overdue ('decision', 'opinion:fire'). */
  overdueSteps: string[];
  /** Departments asked for an opinion that have not answered. */
  pendingOpinions: string[];
}

/** The approver's work queue: applications in the caller's jurisdiction, oldest submission first. */
export class ListApplicationsQuery extends Query<{ items: ApplicationListItem[]; total: number }> {
  constructor(
    readonly filter: ApplicationFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}
