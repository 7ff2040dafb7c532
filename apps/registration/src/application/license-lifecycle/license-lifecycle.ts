import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { chinaDate, Clock } from '@otr/kernel';
import { evolveLicense, expire, LicenseState, reinstate, renew, revoke, suspend } from '../../domain/license';
import { assertMayDecideOnLicense, Decider } from '../../domain/license-application';
import { LICENSES, LicenseRepository } from '../ports';
import { CLOCK_TOKEN } from '../tokens';

export type LicenseChange =
  | { kind: 'suspend' | 'reinstate' | 'revoke'; reason: string; decision?: string }
  | { kind: 'renew'; validUntil: string }
  | { kind: 'expire' };

/** One change to a license: suspend, reinstate, revoke, renew, or expire when its validity has passed. */
export class ChangeLicenseCommand extends Command<LicenseState> {
  constructor(
    readonly licenseId: string,
    readonly change: LicenseChange,
    readonly origin: EventOrigin,
    /** The deciding official; absent for the system's own expiry run. */
    readonly by?: Decider,
  ) {
    super();
  }
}

@CommandHandler(ChangeLicenseCommand)
export class ChangeLicenseHandler implements ICommandHandler<ChangeLicenseCommand> {
  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ licenseId, change, origin, by }: ChangeLicenseCommand) {
    const state = await this.licenses.load(licenseId);
    if (by) assertMayDecideOnLicense(state, by);
    const events =
      change.kind === 'renew'
        ? renew(state, change.validUntil)
        : change.kind === 'expire'
          ? expire(state, chinaDate(this.clock.now()))
          : { suspend, reinstate, revoke }[change.kind](state, change.reason, change.decision);
    const next = events.reduce(evolveLicense, state);
    await this.licenses.save(next, events, origin);
    return next;
  }
}
