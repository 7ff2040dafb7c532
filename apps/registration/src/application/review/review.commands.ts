import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { ApplicationState, CorrectionItem, Decider, ResubmittedForm } from '../../domain/license-application';

/** Return for correction (补正) with a reason per item. */
export class ReturnApplicationCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly items: CorrectionItem[],
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}

/** The operator corrects a returned application and submits it again. */
export class ResubmitApplicationCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly form: ResubmittedForm,
    readonly origin: EventOrigin,
    /** The operator's institution: only the applicant resubmits. */
    readonly applicant: string | undefined,
  ) {
    super();
  }
}

/** Ask a department for its opinion (联合审查); the deadline comes from the rulebook in working days. */
export class RequestOpinionCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly department: string,
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}

/** A task-force officer answers for their department, within their jurisdiction. */
export class GiveOpinionCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly opinion: { department: string; agrees: boolean; reasons: string },
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}

export class RejectApplicationCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly reasons: string,
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}
