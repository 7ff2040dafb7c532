import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { LicenseIssued, Topics } from '@otr/contracts';
import { ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { onLicenseIssued } from './application/projections/license-projection';
import { SearchInstitutionsHandler } from './application/search-institutions/search-institutions.handler';
import { DIRECTORY_PRISMA } from './application/tokens';
import { createDirectoryPrisma, DirectoryPrisma, DirectoryTx } from './infrastructure/directory-prisma';
import { PublicInstitutionsController } from './interface/public-institutions.controller';

@Module({})
export class DirectoryModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [CqrsModule.forRoot()],
      controllers: [PublicInstitutionsController],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: DIRECTORY_PRISMA, useFactory: () => createDirectoryPrisma(infra.pool) },
        {
          provide: ServiceEvents,
          inject: [DIRECTORY_PRISMA],
          useFactory: (prisma: DirectoryPrisma) =>
            new ServiceEvents<DirectoryTx>(infra, (fn) => prisma.$transaction(fn), [
              {
                name: 'directory.institutions',
                topics: [Topics.registration],
                handlers: { [LicenseIssued.type]: onLicenseIssued },
              },
            ]),
        },
        SearchInstitutionsHandler,
      ],
    };
  }
}

export const directoryService: ServiceDefinition = {
  name: 'directory',
  defaultPort: 3002,
  module: (infra) => DirectoryModule.register(infra),
};
