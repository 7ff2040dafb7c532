import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '@otr/contracts';
import { createGatewayPrisma, seedDemoUsers } from '@otr/gateway';
import { createPool, RunningService } from '@otr/runtime';
import {
  ApproveApplicationCommand,
  competentDepartment,
  CountApplicationsQuery,
  RequestOpinionCommand,
  SubmitApplicationCommand,
} from '@otr/registration';
import { demoDistricts } from './districts';
import { demoApplications } from './demo-institutions';

/**
 * Demo data through the real command path: applications are submitted and approved by the
 * registration service, and the directory learns of them only from the events. Runs once.
 */
export async function seedDemoData(
  services: Record<string, RunningService>,
  opts: { institutions: number; databaseUrl: string; log: Logger },
): Promise<void> {
  const registration = services.registration.app;
  if ((await registration.get(QueryBus).execute(new CountApplicationsQuery())) > 0) return;
  const commands = registration.get(CommandBus);
  const origin = { actor: { ...SYSTEM_ACTOR, userId: 'demo-seed' }, correlationId: 'demo-seed' };
  let firstInstitution: string | undefined;
  for (const form of demoApplications(opts.institutions, demoDistricts())) {
    const { applicationId, institutionId } = await commands.execute(
      new SubmitApplicationCommand(form, origin),
    );
    const by = { department: competentDepartment(form.category), jurisdiction: 'CN-ZJ-HZ' };
    await commands.execute(
      new ApproveApplicationCommand(
        applicationId,
        { ...origin, actor: { ...origin.actor, department: by.department } },
        by,
      ),
    );
    firstInstitution ??= institutionId;
  }
  // Work waiting in 西湖区: applications to decide, two of them with the fire department's opinion pending.
  const xihu = demoDistricts().filter((d) => d.code === 'CN-ZJ-HZ-XH');
  for (const [i, form] of demoApplications(12, xihu, 20261123).entries()) {
    const { applicationId } = await commands.execute(new SubmitApplicationCommand(form, origin));
    if (i < 2) {
      const by = { department: competentDepartment(form.category), jurisdiction: 'CN-ZJ-HZ-XH' };
      await commands.execute(
        new RequestOpinionCommand(
          applicationId,
          'fire',
          { ...origin, actor: { ...origin.actor, department: by.department } },
          by,
        ),
      );
    }
  }
  const pool = createPool(opts.databaseUrl, 2);
  try {
    await seedDemoUsers(createGatewayPrisma(pool), firstInstitution);
  } finally {
    await pool.end();
  }
  opts.log.info({ institutions: opts.institutions }, 'demo data seeded');
}
