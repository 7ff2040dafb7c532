import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, newId } from '@otr/kernel';
import { approve, evolve } from '../../domain/license-application';
import { APPLICATIONS, ApplicationRepository, LICENSING_RULES, LicensingRulesSource } from '../ports';
import { CLOCK_TOKEN } from '../tokens';
import { ApproveApplicationCommand } from './approve-application.command';

@CommandHandler(ApproveApplicationCommand)
export class ApproveApplicationHandler implements ICommandHandler<ApproveApplicationCommand> {
  constructor(
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
    @Inject(LICENSING_RULES) private readonly rules: LicensingRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ applicationId, origin, by }: ApproveApplicationCommand) {
    const state = await this.applications.load(applicationId);
    const now = this.clock.now();
    const licenseNumber = await this.applications.nextLicenseNumber(state.form.district, now.getFullYear());
    const license = { licenseId: newId(), licenseNumber, today: shanghaiDate(now) };
    const events = approve(state, license, this.rules.forDistrict(state.form.district, now), by);
    await this.applications.save(events.reduce(evolve, state), events, origin);
    return { licenseId: license.licenseId, licenseNumber };
  }
}

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
