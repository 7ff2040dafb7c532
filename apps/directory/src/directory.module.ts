import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { addProblemTexts, ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { directoryErrorTexts } from './domain/errors.zh-CN';
import { InstitutionTimelineHandler } from './application/timeline/institution-timeline.handler';
import { SearchInstitutionsHandler } from './application/search-institutions/search-institutions.handler';
import { defaultRulebook } from '@otr/rules';
import { DIRECTORY_READ_MODEL, INSTITUTION_SEARCH } from './application/ports';
import { DIRECTORY_CLOCK, DIRECTORY_PRISMA, PENALTY_PUBLICATION } from './application/tokens';
import { RulebookPenaltyPublication } from './infrastructure/rulebook-penalty-publication';
import { createDirectoryPrisma, DirectoryPrisma, DirectoryTx } from './infrastructure/directory-prisma';
import { directoryConsumers } from './infrastructure/directory-projections';
import { PgInstitutionSearch } from './infrastructure/pg-institution-search';
import { PrismaDirectoryReadModel } from './infrastructure/prisma-directory-read-model';
import { PublicInstitutionsController } from './interface/public-institutions.controller';
import { TimelineController } from './interface/timeline.controller';
import { OpenDataController } from './interface/open-data.controller';
import { InstitutionPageHandler } from './application/institution-page/institution-page.handler';
import { ListExportHandler } from './application/open-data/list-export.handler';
import { BlacklistHandler } from './application/blacklist/blacklist.handler';
import { PublicBlacklistController } from './interface/public-blacklist.controller';
import { DirectoryStatsHandler } from './application/stats/directory-stats.handler';
import { StatsController } from './interface/stats.controller';

@Module({})
export class DirectoryModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        PublicInstitutionsController,
        PublicBlacklistController,
        OpenDataController,
        TimelineController,
        StatsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: DIRECTORY_PRISMA, useFactory: () => createDirectoryPrisma(infra.pool) },
        {
          provide: DIRECTORY_READ_MODEL,
          inject: [DIRECTORY_PRISMA],
          useFactory: (prisma: DirectoryPrisma) => new PrismaDirectoryReadModel(prisma),
        },
        // The public search's hot path: plain SQL on the pool, without the ORM's per-call cost.
        { provide: INSTITUTION_SEARCH, useFactory: () => new PgInstitutionSearch(infra.pool) },
        { provide: DIRECTORY_CLOCK, useValue: infra.clock },
        { provide: PENALTY_PUBLICATION, useFactory: () => new RulebookPenaltyPublication(defaultRulebook()) },
        {
          provide: ServiceEvents,
          inject: [DIRECTORY_PRISMA],
          useFactory: (prisma: DirectoryPrisma) =>
            new ServiceEvents<DirectoryTx>(infra, (fn) => prisma.$transaction(fn), directoryConsumers()),
        },
        SearchInstitutionsHandler,
        InstitutionTimelineHandler,
        InstitutionPageHandler,
        ListExportHandler,
        BlacklistHandler,
        DirectoryStatsHandler,
      ],
    };
  }
}

addProblemTexts(directoryErrorTexts);

export const directoryService: ServiceDefinition = {
  name: 'directory',
  defaultPort: 3002,
  module: (infra) => DirectoryModule.register(infra),
};
