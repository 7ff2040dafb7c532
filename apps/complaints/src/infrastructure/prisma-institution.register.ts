import { isUuid } from '@otr/kernel';
import { InstitutionRecord, InstitutionRegister } from '../application/ports';
import { ComplaintsPrisma } from './complaints-prisma';

export class PrismaInstitutionRegister implements InstitutionRegister {
  constructor(private readonly prisma: ComplaintsPrisma) {}

  async byLicense(licenseId: string): Promise<InstitutionRecord | undefined> {
    const row = await this.prisma.institution.findUnique({ where: { licenseId } });
    return row ?? undefined;
  }

  async byInstitution(institutionId: string): Promise<InstitutionRecord | undefined> {
    // Institution ids are UUIDs: anything else names no institution (and the column would refuse it).
    if (!isUuid(institutionId)) return undefined;
    const row = await this.prisma.institution.findUnique({ where: { institutionId } });
    return row ?? undefined;
  }

  count(): Promise<number> {
    return this.prisma.institution.count();
  }
}
