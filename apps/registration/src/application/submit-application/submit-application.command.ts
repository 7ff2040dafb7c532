import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { ApplicationForm } from '../../domain/application-form';

export class SubmitApplicationCommand extends Command<{ applicationId: string; institutionId: string }> {
  constructor(
    readonly form: ApplicationForm,
    readonly origin: EventOrigin,
    /** Set when an operator already has an institution profile. */
    readonly institutionId?: string,
  ) {
    super();
  }
}
