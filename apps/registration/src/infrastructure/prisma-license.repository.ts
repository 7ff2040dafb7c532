import {
  createEvent,
  InServiceTeacherDetected,
  StaffRemoved,
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
import { InvalidApplicationState, LicenseNotFound, LicensingRuleViolated } from '../domain/errors';
import { LicenseEvent, LicenseProfile, LicenseState, LicenseStatus } from '../domain/license';
import { LicenseRepository } from '../application/ports';
import { courseFiledEvent, staffFiledEvent } from '../application/filing-events';
import { FilingEvent, withoutIdNumberHashes } from '../domain/filings';
import { FiledStaff } from '../domain/in-service-roster';
import { insertCourse, insertStaff } from './filing-rows';
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

  async saveFilings(state: LicenseState, events: FilingEvent[], origin: EventOrigin): Promise<void> {
    const base = { institutionId: state.institutionId, ...origin };
    await this.prisma.$transaction(async (tx) => {
      for (const e of events) {
        if (e.type === 'CourseFiled') await insertCourse(tx, e);
        if (e.type === 'StaffFiled') await insertStaff(tx, e);
        if (e.type === 'StaffRemoved')
          await tx.staff.update({ where: { id: e.staffId }, data: { removedAt: new Date() } });
      }
      await tx.licenseAction.createMany({
        data: events.map((e) => ({
          licenseId: state.id,
          type: e.type,
          actorId: origin.actor.userId,
          // the action log is shown with the license: the identity number's HMAC stays in the staff row
          data: withoutIdNumberHashes(e),
        })),
      });
      await this.outbox.append(
        tx,
        events.map((e) =>
          e.type === 'CourseFiled'
            ? courseFiledEvent(base, { ...e, category: state.profile.category })
            : e.type === 'StaffFiled'
              ? staffFiledEvent(base, e)
              : createEvent(StaffRemoved, {
                  ...base,
                  aggregateId: state.id,
                  payload: { staffId: e.staffId, licenseId: e.licenseId, reason: e.reason },
                }),
        ),
      );
    });
  }

  async staffMember(licenseId: string, staffId: string) {
    const row = await this.prisma.staff.findFirst({ where: { id: staffId, licenseId } });
    if (!row)
      throw new LicensingRuleViolated(`no staff member ${staffId} is filed for this license`, {
        field: 'staffId',
        rule: 'only filed staff can be removed',
      });
    return { staffId: row.id, removed: row.removedAt !== null };
  }

  async reportInService(found: { staff: FiledStaff; school: string }[], origin: EventOrigin): Promise<void> {
    for (const { staff, school } of found) {
      await this.prisma.$transaction(async (tx) => {
        // Only the transaction that flips the flag reports, so concurrent imports report once.
        const flipped = await tx.staff.updateMany({
          where: { id: staff.staffId, flaggedInService: false },
          data: { flaggedInService: true },
        });
        if (flipped.count === 0) return;
        const license = await tx.license.findUniqueOrThrow({ where: { id: staff.licenseId } });
        await this.outbox.append(tx, [
          createEvent(InServiceTeacherDetected, {
            ...origin,
            aggregateId: staff.staffId,
            institutionId: license.institutionId,
            payload: {
              staffName: staff.name,
              school,
              licenseId: staff.licenseId,
              detectedAt: 'roster-import',
            },
          }),
        ]);
      });
    }
  }
}
