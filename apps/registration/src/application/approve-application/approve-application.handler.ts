import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { approve } from '../../domain/license-application';
import { DecideOnApplication } from '../decide-on-application';
import { APPLICATIONS, ApplicationRepository, LICENSING_RULES, LicensingRulesSource } from '../ports';
import { CLOCK_TOKEN } from '../tokens';
import { ApproveApplicationCommand } from './approve-application.command';

@CommandHandler(ApproveApplicationCommand)
export class ApproveApplicationHandler implements ICommandHandler<ApproveApplicationCommand> {
  constructor(
    private readonly decide: DecideOnApplication,
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
    @Inject(LICENSING_RULES) private readonly rules: LicensingRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ applicationId, origin, by }: ApproveApplicationCommand) {
    const now = this.clock.now();
    const license = { licenseId: newId(), licenseNumber: '', today: chinaDate(now), newId };
    await this.decide.run(applicationId, origin, async (state) => {
      license.licenseNumber = await this.applications.nextLicenseNumber(
        state.form.district,
        Number(license.today.slice(0, 4)),
      );
      return approve(state, license, this.rules.forDistrict(state.form.district, now), by);
    });
    return { licenseId: license.licenseId, licenseNumber: license.licenseNumber };
  }
}
