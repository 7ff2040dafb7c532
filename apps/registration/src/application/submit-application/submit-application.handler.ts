import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { evolve, submit } from '../../domain/license-application';
import {
  APPLICANT_RECORDS,
  ApplicantRecords,
  APPLICATIONS,
  ApplicationRepository,
  LICENSING_RULES,
  LicensingRulesSource,
} from '../ports';
import { CLOCK_TOKEN } from '../tokens';
import { SubmitApplicationCommand } from './submit-application.command';

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
    @Inject(LICENSING_RULES) private readonly rules: LicensingRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(APPLICANT_RECORDS) private readonly records: ApplicantRecords,
  ) {}

  async execute({ form, origin, institutionId }: SubmitApplicationCommand) {
    const now = this.clock.now();
    const record = await this.records.recordFor(form, chinaDate(now));
    const events = submit(form, this.rules.forDistrict(form.district, now), record);
    const initial = {
      id: newId(),
      institutionId: institutionId ?? newId(),
      status: 'submitted' as const,
      form,
      competentDepartment: '',
      opinions: {},
      documents: [],
      siteVisits: [],
      corrections: [],
      version: 0,
    };
    await this.applications.save(events.reduce(evolve, initial), events, origin);
    return { applicationId: initial.id, institutionId: initial.institutionId };
  }
}
