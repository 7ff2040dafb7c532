import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '@otr/contracts';
import { RunningService } from '@otr/runtime';
import { ApproveApplicationCommand, CountApplicationsQuery, SubmitApplicationCommand } from '@otr/registration';
import { demoDistricts } from './districts';
import { demoApplications } from './demo-institutions';

/**
 * Demo data through the real command path: applications are submitted and approved by the
 * registration service, and the directory learns of them only from the events. Runs once.
 */
export async function seedDemoData(
  services: Record<string, RunningService>,
  opts: { institutions: number; log: Logger },
): Promise<void> {
  const registration = services.registration.app;
  if ((await registration.get(QueryBus).execute(new CountApplicationsQuery())) > 0) return;
  const commands = registration.get(CommandBus);
  const origin = { actor: { ...SYSTEM_ACTOR, userId: 'demo-seed' }, correlationId: 'demo-seed' };
  for (const form of demoApplications(opts.institutions, demoDistricts())) {
    const { applicationId } = await commands.execute(new SubmitApplicationCommand(form, origin));
    await commands.execute(new ApproveApplicationCommand(applicationId, origin));
  }
  opts.log.info({ institutions: opts.institutions }, 'demo data seeded');
}
