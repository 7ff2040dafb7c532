import { EventOrigin } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { ApplicationForm } from '../domain/application-form';
import { withoutIdNumberHashes } from '../domain/filings';
import { ApplicationNotFound, InvalidApplicationState } from '../domain/errors';
import { ApplicationEvent, ApplicationState, ApplicationStatus } from '../domain/license-application';
import { toIntegrationEvents } from '../application/integration-events';
import { ApplicationRepository } from '../application/ports';
import {
  ApplicationFilter,
  ApplicationListItem,
} from '../application/list-applications/list-applications.query';
import { insertCourse, insertStaff } from './filing-rows';
import { RegistrationPrisma } from './registration-prisma';

/** District code CN-ZJ-HZ-XH → XH, the local part printed in license numbers. */
const districtPart = (district: string) => district.split('-').pop() ?? district;

/**
 * The stored form, read under today's rules when it meets them; a form accepted under looser ones
 * (before names, bounds and districts were checked) is still read as stored rather than failing.
 */
const storedForm = (details: unknown): ApplicationForm => {
  const parsed = ApplicationForm.safeParse(details);
  return parsed.success ? parsed.data : (details as ApplicationForm);
};

export class PrismaApplicationRepository implements ApplicationRepository {
  constructor(
    private readonly prisma: RegistrationPrisma,
    private readonly outbox: Outbox,
  ) {}

  async load(id: string): Promise<ApplicationState> {
    const row = await this.prisma.application.findUnique({ where: { id } });
    if (!row) throw new ApplicationNotFound(id);
    // Who filed it (and who resubmitted it): 职责分离 keeps them from deciding it.
    const filings = await this.prisma.applicationAction.findMany({
      where: { applicationId: id, type: 'ApplicationSubmitted' },
      select: { actorId: true },
    });
    return {
      id: row.id,
      institutionId: row.institutionId,
      status: row.status as ApplicationStatus,
      form: storedForm(row.details),
      competentDepartment: row.competentDepartment,
      opinions: row.opinions as unknown as ApplicationState['opinions'],
      documents: row.documents as unknown as ApplicationState['documents'],
      siteVisits: row.siteVisits as unknown as ApplicationState['siteVisits'],
      corrections: row.corrections as unknown as ApplicationState['corrections'],
      filedBy: [...new Set(filings.map((f) => f.actorId))],
      version: row.version,
    };
  }

  async save(state: ApplicationState, events: ApplicationEvent[], origin: EventOrigin): Promise<void> {
    const f = state.form;
    const columns = {
      institutionId: state.institutionId,
      status: state.status,
      institutionName: f.institutionName,
      category: f.category,
      legalForm: f.legalForm,
      scopes: f.scopes,
      district: f.district,
      address: f.address,
      competentDepartment: state.competentDepartment,
      details: f,
      opinions: state.opinions as object,
      documents: state.documents as object[],
      siteVisits: state.siteVisits as object[],
      corrections: state.corrections as object[],
      version: state.version + 1,
      ...(events.some((e) => e.type === 'ApplicationSubmitted') ? { submittedAt: new Date() } : {}),
      ...(state.status === 'approved' || state.status === 'rejected' ? { decidedAt: new Date() } : {}),
    };
    await this.prisma.$transaction(async (tx) => {
      if (state.version === 0) {
        await tx.application.create({ data: { id: state.id, ...columns } });
      } else {
        // Optimistic concurrency: a concurrent decision on the same application loses here.
        const updated = await tx.application.updateMany({
          where: { id: state.id, version: state.version },
          data: columns,
        });
        if (updated.count === 0) throw new InvalidApplicationState('change', 'being changed by someone else');
      }
      await tx.applicationAction.createMany({
        data: events.map((e) => ({
          applicationId: state.id,
          type: e.type,
          actorId: origin.actor.userId,
          // the action log is shown with the application: no identity-number HMAC in it
          data: withoutIdNumberHashes(e) as object,
        })),
      });
      for (const e of events) {
        if (e.type === 'LicenseIssued') {
          await tx.license.create({
            data: {
              id: e.licenseId,
              number: e.licenseNumber,
              institutionId: state.institutionId,
              applicationId: state.id,
              status: 'active',
              scopes: f.scopes,
              validFrom: new Date(e.validFrom),
              validUntil: new Date(e.validUntil),
              profile: {
                institutionName: f.institutionName,
                address: f.address,
                legalRepresentative: f.legalRepresentative,
                scopes: f.scopes,
                category: f.category,
                maxClassSize: f.venue.maxClassSize,
              },
              version: 1,
            },
          });
        }
        if (e.type === 'CourseFiled') await insertCourse(tx, e);
        if (e.type === 'StaffFiled') await insertStaff(tx, e);
      }
      await this.outbox.append(tx, toIntegrationEvents(state, events, origin));
    });
  }

  async list(filter: ApplicationFilter, scope: { jurisdiction: string } | { institutionId: string }) {
    const where = {
      ...('institutionId' in scope
        ? { institutionId: scope.institutionId }
        : { OR: [{ district: scope.jurisdiction }, { district: { startsWith: `${scope.jurisdiction}-` } }] }),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.district ? { district: filter.district } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.q ? { institutionName: { contains: filter.q } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.application.findMany({
        where,
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
      this.prisma.application.count({ where }),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        institutionId: r.institutionId,
        institutionName: r.institutionName,
        category: r.category as ApplicationListItem['category'],
        district: r.district,
        status: r.status as ApplicationStatus,
        competentDepartment: r.competentDepartment,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        overdueSteps: r.overdueReported,
        pendingOpinions: Object.entries(r.opinions as Record<string, { agrees?: boolean }>)
          .filter(([, o]) => o.agrees === undefined)
          .map(([department]) => department),
      })),
    };
  }

  count(): Promise<number> {
    return this.prisma.application.count();
  }

  async nextLicenseNumber(district: string, year: number): Promise<string> {
    const [row] = await this.prisma.$queryRawUnsafe<{ last: number }[]>(
      `INSERT INTO registration.license_counter (district, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (district, year) DO UPDATE SET last = license_counter.last + 1 RETURNING last`,
      district,
      year,
    );
    // 教民 + district + year + serial, the shape printed on 民办学校办学许可证.
    return `教民${districtPart(district)}${year}${String(row.last).padStart(5, '0')}号`;
  }
}
