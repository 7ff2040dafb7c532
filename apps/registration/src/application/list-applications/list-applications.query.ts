import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Principal } from '@otr/auth';
import { Category } from '@otr/contracts';
import { ApplicationStatus } from '../../domain/license-application';

export const ApplicationFilter = z.object({
  status: z.enum(['submitted', 'returned', 'approved', 'rejected']).optional(),
  district: z.string().max(40).optional(),
  category: z.enum(['subject', 'sports', 'arts', 'science-tech']).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ApplicationFilter = z.infer<typeof ApplicationFilter>;

/** One row of the approver's work queue (待审申请). */
export const ApplicationListItem = z.object({
  id: z.uuid(),
  institutionId: z.string(),
  institutionName: z.string(),
  category: Category,
  district: z.string(),
  status: ApplicationStatus,
  competentDepartment: z.string(),
  submittedAt: z.iso.datetime().nullable().describe('When it was (last) submitted; null before.'),
  /** Review steps reported overdue ('decision', 'opinion:fire'). */
  overdueSteps: z
    .array(z.string())
    .describe("Review steps reported overdue: 'decision', 'opinion:fire' (超期)."),
  /** Departments asked for an opinion that have not answered. */
  pendingOpinions: z.array(z.string()).describe('Departments asked for an opinion that have not answered.'),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

/** A page of the work queue and how many applications match in all. */
export const ApplicationPage = z.object({
  items: z.array(ApplicationListItem),
  total: z.number().int().nonnegative(),
});

/** The approver's work queue: applications in the caller's jurisdiction, oldest submission first. */
export class ListApplicationsQuery extends Query<{ items: ApplicationListItem[]; total: number }> {
  constructor(
    readonly filter: ApplicationFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}
