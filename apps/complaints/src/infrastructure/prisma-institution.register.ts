import { InstitutionRecord, InstitutionRegister } from '../application/ports';
import { ComplaintsPrisma } from './complaints-prisma';

export class PrismaInstitutionRegister implements InstitutionRegister {
  constructor(private readonly prisma: ComplaintsPrisma) {}

  async byLicense(licenseId: string): Promise<InstitutionRecord | undefined> {
    const row = await this.prisma.institution.findUnique({ where: { licenseId } });
    return row ?? undefined;
  }

  async byInstitution(institutionId: string): Promise<InstitutionRecord | undefined> {
    const row = await this.prisma.institution.findUnique({ where: { institutionId } });
    return row ?? undefined;
  }

  count(): Promise<number> {
    return this.prisma.institution.count();
  }
}
