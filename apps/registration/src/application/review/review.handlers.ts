import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import {
  giveOpinion,
  reject,
  requestOpinion,
  resubmit,
  returnForCorrection,
} from '../../domain/license-application';
import { DecideOnApplication } from '../decide-on-application';
import { APPLICANT_RECORDS, ApplicantRecords, LICENSING_RULES, LicensingRulesSource } from '../ports';
import { CLOCK_TOKEN } from '../tokens';
import {
  GiveOpinionCommand,
  RejectApplicationCommand,
  RequestOpinionCommand,
  ResubmitApplicationCommand,
  ReturnApplicationCommand,
} from './review.commands';

@CommandHandler(ReturnApplicationCommand)
export class ReturnApplicationHandler implements ICommandHandler<ReturnApplicationCommand> {
  constructor(private readonly decide: DecideOnApplication) {}
  execute(c: ReturnApplicationCommand) {
    return this.decide.run(c.applicationId, c.origin, (s) => returnForCorrection(s, c.items, c.by));
  }
}

@CommandHandler(ResubmitApplicationCommand)
export class ResubmitApplicationHandler implements ICommandHandler<ResubmitApplicationCommand> {
  constructor(
    private readonly decide: DecideOnApplication,
    @Inject(LICENSING_RULES) private readonly rules: LicensingRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(APPLICANT_RECORDS) private readonly records: ApplicantRecords,
  ) {}
  async execute(c: ResubmitApplicationCommand) {
    const now = this.clock.now();
    const record = await this.records.recordFor(c.form, chinaDate(now));
    return this.decide.run(c.applicationId, c.origin, (s) =>
      resubmit(s, c.form, this.rules.forDistrict(c.form.district, now), record, c.applicant),
    );
  }
}

@CommandHandler(RequestOpinionCommand)
export class RequestOpinionHandler implements ICommandHandler<RequestOpinionCommand> {
  constructor(
    private readonly decide: DecideOnApplication,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}
  execute(c: RequestOpinionCommand) {
    return this.decide.run(c.applicationId, c.origin, (s) => {
      const now = this.clock.now();
      const days = defaultRulebook().get('licensing.review.opinionWorkingDays', {
        jurisdiction: s.form.district,
        on: now,
      });
      return requestOpinion(s, c.department, loadChinaCalendar().addWorkingDays(now, days), c.by);
    });
  }
}

@CommandHandler(GiveOpinionCommand)
export class GiveOpinionHandler implements ICommandHandler<GiveOpinionCommand> {
  constructor(private readonly decide: DecideOnApplication) {}
  execute(c: GiveOpinionCommand) {
    return this.decide.run(c.applicationId, c.origin, (s) => giveOpinion(s, c.opinion, c.by));
  }
}

@CommandHandler(RejectApplicationCommand)
export class RejectApplicationHandler implements ICommandHandler<RejectApplicationCommand> {
  constructor(private readonly decide: DecideOnApplication) {}
  execute(c: RejectApplicationCommand) {
    return this.decide.run(c.applicationId, c.origin, (s) => reject(s, c.reasons, c.by));
  }
}

export const reviewHandlers = [
  ReturnApplicationHandler,
  ResubmitApplicationHandler,
  RequestOpinionHandler,
  GiveOpinionHandler,
  RejectApplicationHandler,
];
