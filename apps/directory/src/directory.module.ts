import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { ALL_TOPICS, contracts, LicenseIssued, Topics } from '@otr/contracts';
import { ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import {
  licenseChangeTypes,
  onLicenseChanged,
  onLicenseIssued,
} from './application/projections/license-projection';
import { InstitutionTimelineHandler } from './application/timeline/institution-timeline.handler';
import { recordTimelineEvent } from './application/timeline/record-timeline-event';
import { SearchInstitutionsHandler } from './application/search-institutions/search-institutions.handler';
import { DIRECTORY_PRISMA } from './application/tokens';
import { createDirectoryPrisma, DirectoryPrisma, DirectoryTx } from './infrastructure/directory-prisma';
import { PublicInstitutionsController } from './interface/public-institutions.controller';
import { TimelineController } from './interface/timeline.controller';
import { OpenDataController } from './interface/open-data.controller';
import { InstitutionPageHandler } from './application/institution-page/institution-page.handler';
import { ListExportHandler } from './application/open-data/list-export.handler';

/** The timeline records every known event type, whatever service published it. */
const everyType = () => Object.fromEntries(contracts.all().map((d) => [d.type, recordTimelineEvent]));

@Module({})
export class DirectoryModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [CqrsModule.forRoot()],
      controllers: [PublicInstitutionsController, OpenDataController, TimelineController],
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
                handlers: {
                  [LicenseIssued.type]: onLicenseIssued,
                  ...Object.fromEntries(licenseChangeTypes.map((t) => [t, onLicenseChanged])),
                },
              },
              {
                name: 'directory.timeline',
                topics: ALL_TOPICS.filter((t) => t !== Topics.directory),
                handlers: everyType(),
              },
            ]),
        },
        SearchInstitutionsHandler,
        InstitutionTimelineHandler,
        InstitutionPageHandler,
        ListExportHandler,
      ],
    };
  }
}

export const directoryService: ServiceDefinition = {
  name: 'directory',
  defaultPort: 3002,
  module: (infra) => DirectoryModule.register(infra),
};
