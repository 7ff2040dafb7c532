import { createEvent, EventOrigin, ReviewStepOverdue } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { ApplicationDeadlines } from '../application/ports';
import { RegistrationPrisma } from './registration-prisma';

export class PrismaApplicationDeadlines implements ApplicationDeadlines {
  constructor(
    private readonly prisma: RegistrationPrisma,
    private readonly outbox: Outbox,
  ) {}

  async openSteps() {
    const rows = await this.prisma.application.findMany({
      where: { status: 'submitted', submittedAt: { not: null } },
      select: {
        id: true,
        institutionId: true,
        district: true,
        competentDepartment: true,
        submittedAt: true,
        opinions: true,
        overdueReported: true,
      },
    });
    return rows.map((r) => ({
      applicationId: r.id,
      institutionId: r.institutionId,
      district: r.district,
      competentDepartment: r.competentDepartment,
      submittedAt: r.submittedAt!,
      opinions: r.opinions as Record<string, { dueBy: string; agrees?: boolean }>,
      overdueReported: r.overdueReported,
    }));
  }

  async reportOverdue(
    s: Parameters<ApplicationDeadlines['reportOverdue']>[0],
    origin: EventOrigin,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // The guarded append is the once-only check: a second sweep finds the key already there.
      const marked = await tx.$executeRaw`
        UPDATE registration.application SET overdue_reported = array_append(overdue_reported, ${s.key})
        WHERE id = ${s.applicationId}::uuid AND NOT (${s.key} = ANY(overdue_reported))`;
      if (marked === 0) return;
      await this.outbox.append(tx, [
        createEvent(ReviewStepOverdue, {
          ...origin,
          aggregateId: s.applicationId,
          institutionId: s.institutionId,
          payload: {
            applicationId: s.applicationId,
            step: s.step,
            department: s.department,
            dueBy: s.dueBy,
            district: s.district,
          },
        }),
      ]);
    });
  }
}
