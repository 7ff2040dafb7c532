import { ApplicantRecords } from '../application/ports';
import { BlacklistEntry } from '../domain/blacklist';
import { InServiceTeacher } from '../domain/in-service-roster';
import { nameKey, NameInUse } from '../domain/institution-name';
import { ResubmittedForm } from '../domain/license-application';
import { RegistrationPrisma } from './registration-prisma';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export class PrismaApplicantRecords implements ApplicantRecords {
  constructor(private readonly prisma: RegistrationPrisma) {}

  async recordFor(form: ResubmittedForm, today: string) {
    const [inService, listed] = await Promise.all([
      // staff kept by mask carry no hash until the domain restores it; the interface restores it first
      this.rosterMatches(form.staff.flatMap((s) => ('idNumberHash' in s ? [s.idNumberHash] : []))),
      this.prisma.blacklistEntry.findMany({
        where: { removed: false, removableOn: { gt: new Date(today) } },
      }),
    ]);
    const blacklist: BlacklistEntry[] = listed.map((e) => ({
      entryId: e.entryId,
      subjectName: e.subjectName,
      legalRepresentative: e.legalRepresentative ?? undefined,
      decisionNumber: e.decisionNumber,
      removableOn: isoDate(e.removableOn),
    }));
    return { inService, blacklist, today, namesInUse: await this.namesInUse(form.institutionName) };
  }

  /** Institutions holding this name, compared as nameKey does (case and blanks aside). */
  async namesInUse(name: string): Promise<NameInUse[]> {
    const key = nameKey(name);
    return this.prisma.$queryRaw<NameInUse[]>`
      SELECT institution_id::text AS "institutionId", institution_name AS name
      FROM registration.application
      WHERE status IN ('submitted', 'returned')
        AND lower(regexp_replace(institution_name, '\\s+', '', 'g')) = ${key}
      UNION
      SELECT institution_id::text, profile->>'institutionName'
      FROM registration.license
      WHERE status IN ('active', 'suspended')
        AND lower(regexp_replace(profile->>'institutionName', '\\s+', '', 'g')) = ${key}`;
  }

  async rosterMatches(idNumberHashes: string[]): Promise<InServiceTeacher[]> {
    if (idNumberHashes.length === 0) return [];
    return this.prisma.inServiceTeacher.findMany({
      where: { idNumberHash: { in: idNumberHashes } },
      select: { idNumberHash: true, name: true, school: true },
    });
  }

  async replaceRoster(teachers: InServiceTeacher[]) {
    await this.prisma.$transaction(async (tx) => {
      await tx.inServiceTeacher.deleteMany({});
      await tx.inServiceTeacher.createMany({ data: teachers, skipDuplicates: true });
    });
    const staff = await this.prisma.staff.findMany({ where: { removedAt: null } });
    return staff.map((s) => ({
      staffId: s.id,
      licenseId: s.licenseId,
      name: s.name,
      idNumberHash: s.idNumberHash,
      flaggedInService: s.flaggedInService,
    }));
  }
}
