import {
  createEvent,
  Envelope,
  EventOrigin,
  InstitutionChanged,
  InstitutionClosed,
  LicenseExpired,
  LicenseExpiryReminderDue,
  LicenseReinstated,
  LicenseRenewed,
  LicenseRevoked,
  LicenseSuspended,
} from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { InvalidApplicationState, LicenseNotFound } from '../domain/errors';
import { LicenseEvent, LicenseProfile, LicenseState, LicenseStatus } from '../domain/license';
import { LicenseRepository } from '../application/ports';
import { RegistrationPrisma, RegistrationTx } from './registration-prisma';

const toEnvelope = (s: LicenseState, e: LicenseEvent, origin: EventOrigin): Envelope => {
  const base = { aggregateId: s.id, institutionId: s.institutionId, ...origin };
  const license = { licenseId: s.id, licenseNumber: s.number };
  switch (e.type) {
    case 'LicenseSuspended':
    case 'LicenseReinstated':
    case 'LicenseRevoked': {
      const def = { LicenseSuspended, LicenseReinstated, LicenseRevoked }[e.type];
      return createEvent(def, { ...base, payload: { ...license, reason: e.reason, decision: e.decision } });
    }
    case 'LicenseExpired':
      return createEvent(LicenseExpired, { ...base, payload: { ...license, validUntil: e.validUntil } });
    case 'LicenseRenewed':
      return createEvent(LicenseRenewed, { ...base, payload: { ...license, validUntil: e.validUntil } });
    case 'LicenseExpiryReminderDue':
      return createEvent(LicenseExpiryReminderDue, {
        ...base,
        payload: { ...license, validUntil: s.validUntil, daysBefore: e.daysBefore },
      });
    case 'InstitutionChanged':
      return createEvent(InstitutionChanged, { ...base, payload: { ...license, changes: e.changes } });
    case 'InstitutionClosed':
      return createEvent(InstitutionClosed, {
        ...base,
        payload: { ...license, closedOn: e.closedOn, reason: e.reason },
      });
  }
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export class PrismaLicenseRepository implements LicenseRepository {
  constructor(
    private readonly prisma: RegistrationPrisma,
    private readonly outbox: Outbox,
  ) {}

  async load(id: string): Promise<LicenseState> {
    const row = await this.prisma.license.findUnique({ where: { id } });
    if (!row) throw new LicenseNotFound(id);
    const application = await this.prisma.application.findUniqueOrThrow({ where: { id: row.applicationId } });
    return {
      id: row.id,
      institutionId: row.institutionId,
      number: row.number,
      status: row.status as LicenseStatus,
      validUntil: isoDate(row.validUntil),
      district: application.district,
      competentDepartment: application.competentDepartment,
      profile: row.profile as unknown as LicenseProfile,
      remindersSent: row.remindersSent,
      version: row.version,
    };
  }

  async save(state: LicenseState, events: LicenseEvent[], origin: EventOrigin): Promise<void> {
    if (events.length === 0) return;
    await this.prisma.$transaction((tx) => this.saveIn(tx, state, events, origin));
  }

  /** Saves within a caller's transaction, so a request and the license it changes commit together. */
  async saveIn(tx: RegistrationTx, state: LicenseState, events: LicenseEvent[], origin: EventOrigin) {
    if (events.length === 0) return;
    const updated = await tx.license.updateMany({
      where: { id: state.id, version: state.version },
      data: {
        status: state.status,
        validUntil: new Date(state.validUntil),
        profile: state.profile as object,
        scopes: state.profile.scopes,
        remindersSent: state.remindersSent,
        version: state.version + 1,
      },
    });
    if (updated.count === 0) throw new InvalidApplicationState('change', 'being changed by someone else');
    await tx.licenseAction.createMany({
      data: events.map((e) => ({ licenseId: state.id, type: e.type, actorId: origin.actor.userId, data: e })),
    });
    await this.outbox.append(
      tx,
      events.map((e) => toEnvelope(state, e, origin)),
    );
  }

  async dueToExpire(today: string): Promise<string[]> {
    const rows = await this.prisma.license.findMany({
      where: { status: { in: ['active', 'suspended'] }, validUntil: { lt: new Date(today) } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async endingBy(lastDay: string): Promise<string[]> {
    const rows = await this.prisma.license.findMany({
      where: { status: { in: ['active', 'suspended'] }, validUntil: { lte: new Date(lastDay) } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
}
