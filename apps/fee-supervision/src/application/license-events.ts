import { Inject, Injectable } from '@nestjs/common';
import {
  BlacklistEntryAdded,
  CourseFiled,
  Envelope,
  EventOrigin,
  InstitutionClosed,
  LicenseExpired,
  LicenseIssued,
  LicenseReinstated,
  LicenseRenewed,
  LicenseRevoked,
  LicenseSuspended,
  PayloadOf,
  PenaltyDecided,
  ReserveStandingChanged,
  SupervisedAccountOpened,
} from '@otr/contracts';
import { Money } from '@otr/kernel';
import { EventHandler } from '@otr/messaging';
import { decideReserveStanding } from '../domain';
import { ClosurePlaybook } from './closure';
import { FeesContext, systemOrigin } from './fees-context';
import { ACCOUNTS, SupervisedAccounts, Tx } from './ports';

type Standing = 'active' | 'suspended' | 'expired' | 'revoked' | 'closed';

const origin = (event: Envelope): EventOrigin => ({
  ...systemOrigin('licenses', event.id),
  correlationId: event.correlationId,
});

/** Which supervision a newly licensed institution gets: subject-type full bank escrow, others a risk reserve. */
export const supervisionModeOf = (category: string): 'bank-escrow' | 'risk-reserve' =>
  category === 'subject' ? 'bank-escrow' : 'risk-reserve';

/**
 * What fee supervision does with the licensing and enforcement facts of other contexts: opens the
 * supervised account, files courses, freezes and unfreezes new orders, and starts the closure
 * playbook on revocation or closure. Every handler runs in the inbox transaction, so a redelivery
 * changes nothing.
 */
@Injectable()
export class LicenseEventHandlers {
  constructor(
    private readonly fees: FeesContext,
    private readonly closure: ClosurePlaybook,
    @Inject(ACCOUNTS) private readonly accounts: SupervisedAccounts,
  ) {}

  /** Each runs in the inbox's transaction, which is a Tx of the service's unit of work. */
  readonly handlers: Record<string, EventHandler<Tx>> = {
    [LicenseIssued.type]: (e, tx) => this.opened(e, tx),
    [CourseFiled.type]: (e, tx) => this.courseFiled(e, tx),
    [LicenseSuspended.type]: (e, tx) => this.standing(e, tx, 'suspended'),
    [LicenseExpired.type]: (e, tx) => this.standing(e, tx, 'expired'),
    [LicenseReinstated.type]: (e, tx) => this.standing(e, tx, 'active', 'suspended'),
    [LicenseRenewed.type]: (e, tx) => this.standing(e, tx, 'active', 'expired'),
    [LicenseRevoked.type]: (e, tx) => this.standing(e, tx, 'revoked'),
    [InstitutionClosed.type]: (e, tx) => this.standing(e, tx, 'closed'),
    [PenaltyDecided.type]: (e, tx) => this.penalty(e, tx),
    [BlacklistEntryAdded.type]: (e, tx) => this.blacklisted(e, tx),
  };

  private async opened(event: Envelope, tx: Tx): Promise<void> {
    const p = event.payload as PayloadOf<typeof LicenseIssued>;
    if (await this.accounts.find(event.institutionId, tx)) return;
    const category = p.category === 'subject' ? 'subject' : 'non-subject';
    // The reserve is a local amount; where no jurisdiction has set one, full bank escrow is the safe mode.
    const reserve = this.reserveFor(p.district);
    const mode = reserve === undefined ? 'bank-escrow' : supervisionModeOf(p.category);
    const account = await this.accounts.open(tx, {
      institutionId: event.institutionId,
      licenseId: p.licenseId,
      licenseNumber: p.licenseNumber,
      institutionName: p.institutionName,
      district: p.district,
      category,
      mode,
      // Until the bank assigns one: readable by license number, unique by license id.
      bankAccountNo: `OTR-ESC-${p.licenseNumber}-${p.licenseId.slice(0, 8)}`,
    });
    await this.fees.emit(
      tx,
      SupervisedAccountOpened,
      account,
      account.institutionId,
      {
        licenseId: p.licenseId,
        mode,
        bankAccountNo: account.bankAccountNo,
        ...(mode === 'risk-reserve' && reserve !== undefined ? { requiredReserveFen: reserve } : {}),
      },
      origin(event),
    );
    // A new reserve holds nothing yet: say so from the start rather than leave families to assume it is paid.
    const standing =
      mode === 'risk-reserve' &&
      reserve !== undefined &&
      decideReserveStanding(null, Money.fen(reserve), Money.zero());
    if (standing) {
      await this.accounts.setReserveStanding(tx, account.institutionId, standing.standing);
      await this.fees.emit(
        tx,
        ReserveStandingChanged,
        account,
        account.institutionId,
        { licenseId: p.licenseId, ...standing },
        origin(event),
      );
    }
  }

  private reserveFor(district: string): number | undefined {
    return this.fees.rulesFor({ district }).riskReserve?.value;
  }

  private async courseFiled(event: Envelope, tx: Tx): Promise<void> {
    const p = event.payload as PayloadOf<typeof CourseFiled>;
    await this.accounts.fileCourse(tx, {
      id: p.courseId,
      institutionId: event.institutionId,
      licenseId: p.licenseId,
      name: p.name,
      category: p.category,
      subject: p.subject,
      mode: p.mode,
      totalHours: p.totalHours,
      lessonMinutes: p.lessonMinutes,
      maxClassSize: p.maxClassSize,
      priceFen: BigInt(p.priceFen),
      origin: 'filed',
    });
  }

  /** Approved capacity in seats, as the filed courses' class sizes add up (核定学位), for the capacity alert. */
  refreshCapacity(tx: Tx, institutionId: string): Promise<void> {
    return this.accounts.refreshCapacity(tx, institutionId);
  }

  private async standing(event: Envelope, tx: Tx, license: Standing, liftsOnly?: Standing): Promise<void> {
    const p = event.payload as { licenseId: string; reason?: string };
    const reason = p.reason ?? event.type;
    await this.changeStanding(tx, { licenseId: p.licenseId }, license, reason, origin(event), liftsOnly);
  }

  private async penalty(event: Envelope, tx: Tx): Promise<void> {
    const p = event.payload as PayloadOf<typeof PenaltyDecided>;
    if (!p.licenseId || p.licenseAction === 'none') return;
    const reason = `${p.decisionNumber}: ${p.reasons}`;
    if (p.licenseAction === 'stop-enrolling') {
      const account = await this.accounts.byLicense(tx, p.licenseId);
      if (!account || account.enrollingStopped) return;
      await this.accounts.update(tx, account.institutionId, { enrollingStopped: true });
      await this.frozen(tx, account, reason, origin(event));
      return;
    }
    await this.changeStanding(
      tx,
      { licenseId: p.licenseId },
      p.licenseAction === 'suspend' ? 'suspended' : 'revoked',
      reason,
      origin(event),
    );
  }

  private async blacklisted(event: Envelope, tx: Tx): Promise<void> {
    const p = event.payload as PayloadOf<typeof BlacklistEntryAdded>;
    if (!p.licenseId) return;
    const account = await this.accounts.byLicense(tx, p.licenseId);
    if (!account || account.blacklisted) return;
    await this.accounts.update(tx, account.institutionId, { blacklisted: true });
    await this.frozen(tx, account, `black list ${p.decisionNumber}: ${p.reason}`, origin(event));
  }

  /**
   * Moves the license standing. Revocation and closure are final and start the closure playbook;
   * reinstatement or renewal only lifts a suspension or an expiry, never a revocation.
   */
  async changeStanding(
    tx: Tx,
    where: { licenseId: string } | { institutionId: string },
    license: Standing,
    reason: string,
    eventOrigin: EventOrigin,
    liftsOnly?: Standing,
  ): Promise<void> {
    const account = await this.accounts.findWhere(tx, where);
    if (!account || account.license === license) return;
    if (account.license === 'revoked' || account.license === 'closed') return;
    if (liftsOnly && account.license !== liftsOnly) return;
    await this.accounts.update(tx, account.institutionId, {
      license,
      // A reinstatement ends the penalty's stop on enrolment too.
      ...(liftsOnly === 'suspended' ? { enrollingStopped: false } : {}),
    });
    if (license === 'active') return;
    const next = { ...account, license };
    if (license === 'revoked' || license === 'closed') {
      await this.closure.start(tx, next, reason, eventOrigin);
    } else {
      await this.frozen(tx, next, reason, eventOrigin);
    }
  }

  private async frozen(
    tx: Tx,
    account: { institutionId: string; licenseId: string },
    reason: string,
    eventOrigin: EventOrigin,
  ): Promise<void> {
    const escrowFen = (await this.fees.ledger.balances(tx, account.institutionId)).escrow;
    await this.closure.frozen(tx, account, reason, escrowFen, false, eventOrigin);
  }
}
