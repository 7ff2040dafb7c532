import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { InstitutionPage, InstitutionPageQuery } from './institution-page.query';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

@QueryHandler(InstitutionPageQuery)
export class InstitutionPageHandler implements IQueryHandler<InstitutionPageQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ id }: InstitutionPageQuery): Promise<InstitutionPage> {
    const r = await this.prisma.institution.findUnique({ where: { id } });
    if (!r) throw new NotFoundException(`institution ${id} not found`);
    return {
      id: r.id,
      name: r.name,
      category: r.category,
      scopes: r.scopes,
      district: r.district,
      address: r.address,
      location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
      license: {
        number: r.licenseNumber,
        status: r.licenseStatus,
        validFrom: day(r.validFrom),
        validUntil: day(r.validUntil),
      },
      updatedAt: r.lastEventAt.toISOString(),
    };
  }
}
