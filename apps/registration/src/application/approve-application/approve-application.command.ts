import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';

export class ApproveApplicationCommand extends Command<{ licenseId: string; licenseNumber: string }> {
  constructor(
    readonly applicationId: string,
    readonly origin: EventOrigin,
  ) {
    super();
  }
}
