import {
  createEvent,
  Envelope,
  EventOrigin,
  LicenseExpired,
  LicenseReinstated,
  LicenseRenewed,
  LicenseRevoked,
  LicenseSuspended,
} from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { InvalidApplicationState } from '../domain/errors';
import { LicenseEvent, LicenseState, LicenseStatus } from '../domain/license';
import { LicenseNotFound } from '../domain/errors';
import { LicenseRepository } from '../application/ports';
import { RegistrationPrisma } from './registration-prisma';

const toEnvelope = (s: LicenseState, e: LicenseEvent, origin: EventOrigin): Envelope => {
  const base = { aggregateId: s.id, institutionId: s.institutionId, ...origin };
  const change = { licenseId: s.id, licenseNumber: s.number };
  switch (e.type) {
    case 'LicenseSuspended':
      return createEvent(LicenseSuspended, {
        ...base,
        payload: { ...change, reason: e.reason, decision: e.decision },
      });
    case 'LicenseReinstated':
      return createEvent(LicenseReinstated, {
        ...base,
        payload: { ...change, reason: e.reason, decision: e.decision },
      });
    case 'LicenseRevoked':
      return createEvent(LicenseRevoked, {
        ...base,
        payload: { ...change, reason: e.reason, decision: e.decision },
      });
    case 'LicenseExpired':
      return createEvent(LicenseExpired, { ...base, payload: { ...change, validUntil: e.validUntil } });
    case 'LicenseRenewed':
      return createEvent(LicenseRenewed, { ...base, payload: { ...change, validUntil: e.validUntil } });
  }
};

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
      validUntil: row.validUntil.toISOString().slice(0, 10),
      district: application.district,
      competentDepartment: application.competentDepartment,
      version: row.version,
    };
  }

  async save(state: LicenseState, events: LicenseEvent[], origin: EventOrigin): Promise<void> {
    if (events.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      const updated = await tx.license.updateMany({
        where: { id: state.id, version: state.version },
        data: { status: state.status, validUntil: new Date(state.validUntil), version: state.version + 1 },
      });
      if (updated.count === 0) throw new InvalidApplicationState('change', 'being changed by someone else');
      await this.outbox.append(
        tx,
        events.map((e) => toEnvelope(state, e, origin)),
      );
    });
  }

  async dueToExpire(today: string): Promise<string[]> {
    const rows = await this.prisma.license.findMany({
      where: { status: { in: ['active', 'suspended'] }, validUntil: { lt: new Date(today) } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
}
