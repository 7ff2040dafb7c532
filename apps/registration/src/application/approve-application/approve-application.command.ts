import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { Decider } from '../../domain/license-application';

export class ApproveApplicationCommand extends Command<{ licenseId: string; licenseNumber: string }> {
  constructor(
    readonly applicationId: string,
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}
