import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { evolveLicense } from '../../domain/license';
import { assertNameFree } from '../../domain/institution-name';
import { Decider } from '../../domain/license-application';
import {
  approveRequest,
  evolveRequest,
  fileRequest,
  LicenseRequestKind,
  rejectRequest,
} from '../../domain/license-request';
import { assertOwnInstitution, Filer } from '../filings/filings';
import {
  APPLICANT_RECORDS,
  ApplicantRecords,
  LICENSE_REQUESTS,
  LicenseRequestRepository,
  LICENSES,
  LicenseRepository,
} from '../ports';
import { CLOCK_TOKEN } from '../tokens';

/** An operator asks for a change (变更) or closure (终止办学) of its license. */
export class FileLicenseRequestCommand extends Command<{ requestId: string }> {
  constructor(
    readonly licenseId: string,
    readonly request: LicenseRequestKind,
    readonly origin: EventOrigin,
    readonly by: Filer,
  ) {
    super();
  }
}

/** The competent department approves or rejects (with reasons) a pending request. */
export class DecideLicenseRequestCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly decision: { approve: true } | { approve: false; reasons: string },
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}

@CommandHandler(FileLicenseRequestCommand)
export class FileLicenseRequestHandler implements ICommandHandler<FileLicenseRequestCommand> {
  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(LICENSE_REQUESTS) private readonly requests: LicenseRequestRepository,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(APPLICANT_RECORDS) private readonly records: ApplicantRecords,
  ) {}

  async execute({ licenseId, request, origin, by }: FileLicenseRequestCommand) {
    const license = await this.licenses.load(licenseId);
    assertOwnInstitution(license, by);
    // A new name is published on the white list: not one another institution holds.
    const name = request.kind === 'change' ? request.changes.institutionName : undefined;
    if (name) assertNameFree(name, await this.records.namesInUse(name), license.institutionId);
    const events = fileRequest(license, request, chinaDate(this.clock.now()));
    const initial = { id: newId(), licenseId, request, status: 'pending' as const, version: 0 };
    await this.requests.save(events.reduce(evolveRequest, initial), events, origin);
    return { requestId: initial.id };
  }
}

@CommandHandler(DecideLicenseRequestCommand)
export class DecideLicenseRequestHandler implements ICommandHandler<DecideLicenseRequestCommand> {
  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(LICENSE_REQUESTS) private readonly requests: LicenseRequestRepository,
  ) {}

  async execute({ requestId, decision, origin, by }: DecideLicenseRequestCommand) {
    const request = await this.requests.load(requestId);
    const license = await this.licenses.load(request.licenseId);
    if (!decision.approve) {
      const events = rejectRequest(request, license, decision.reasons, by);
      return this.requests.save(events.reduce(evolveRequest, request), events, origin);
    }
    const decided = approveRequest(request, license, by);
    await this.requests.save(decided.request.reduce(evolveRequest, request), decided.request, origin, {
      state: decided.license.reduce(evolveLicense, license),
      events: decided.license,
    });
  }
}

export const licenseRequestHandlers = [FileLicenseRequestHandler, DecideLicenseRequestHandler];
