import { ApplicantRecords } from '../application/ports';
import { BlacklistEntry } from '../domain/blacklist';
import { InServiceTeacher } from '../domain/in-service-roster';
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
    return { inService, blacklist, today };
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
