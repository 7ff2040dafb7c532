import { EventOrigin } from '@otr/contracts';
import { LicenseRequestRepository } from '../application/ports';
import { InvalidApplicationState, LicenseNotFound } from '../domain/errors';
import { LicenseEvent, LicenseState } from '../domain/license';
import { LicenseRequestEvent, LicenseRequestKind, LicenseRequestState } from '../domain/license-request';
import { PrismaLicenseRepository } from './prisma-license.repository';
import { RegistrationPrisma } from './registration-prisma';

export class PrismaLicenseRequestRepository implements LicenseRequestRepository {
  constructor(
    private readonly prisma: RegistrationPrisma,
    private readonly licenses: PrismaLicenseRepository,
  ) {}

  async load(id: string): Promise<LicenseRequestState> {
    const row = await this.prisma.licenseRequest.findUnique({ where: { id } });
    if (!row) throw new LicenseNotFound(`request ${id}`);
    // The filer, from the license's action log: 职责分离 keeps them from deciding it.
    const filed = await this.prisma.licenseAction.findFirst({
      where: { licenseId: row.licenseId, type: 'RequestFiled', data: { path: ['requestId'], equals: id } },
      select: { actorId: true },
    });
    return {
      id: row.id,
      licenseId: row.licenseId,
      request: row.request as unknown as LicenseRequestKind,
      status: row.status as LicenseRequestState['status'],
      ...(filed ? { filedBy: filed.actorId } : {}),
      version: row.version,
    };
  }

  async save(
    request: LicenseRequestState,
    events: LicenseRequestEvent[],
    origin: EventOrigin,
    license?: { state: LicenseState; events: LicenseEvent[] },
  ): Promise<void> {
    const rejected = events.find((e) => e.type === 'RequestRejected');
    const columns = {
      licenseId: request.licenseId,
      kind: request.request.kind,
      request: request.request as object,
      status: request.status,
      version: request.version + 1,
      ...(request.status !== 'pending' ? { decidedAt: new Date() } : {}),
      ...(rejected ? { reasons: rejected.reasons } : {}),
    };
    await this.prisma.$transaction(async (tx) => {
      if (request.version === 0) {
        await tx.licenseRequest.create({ data: { id: request.id, ...columns } });
      } else {
        const updated = await tx.licenseRequest.updateMany({
          where: { id: request.id, version: request.version },
          data: columns,
        });
        if (updated.count === 0) throw new InvalidApplicationState('decide', 'being decided by someone else');
      }
      await tx.licenseAction.createMany({
        data: events.map((e) => ({
          licenseId: request.licenseId,
          type: e.type,
          actorId: origin.actor.userId,
          data: { requestId: request.id, ...e },
        })),
      });
      if (license) await this.licenses.saveIn(tx, license.state, license.events, origin);
    });
  }
}
