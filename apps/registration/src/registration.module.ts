import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { contracts } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { defaultRulebook } from '@otr/rules';
import { addProblemTexts, ServiceEvents, ServiceInfra, ServiceDefinition } from '@otr/runtime';
import {
  APPLICANT_RECORDS,
  APPLICATION_DEADLINES,
  APPLICATIONS,
  LICENSE_REQUESTS,
  LICENSES,
  LICENSING_RULES,
} from './application/ports';
import { filingHandlers } from './application/filings/filings';
import { BLOB_STORE, materialHandlers } from './application/materials/materials';
import { MaterialsController } from './interface/materials.controller';
import { createBlobStore } from '@otr/storage';
import { licenseRequestHandlers } from './application/license-requests/license-requests';
import { ImportRosterHandler } from './application/roster/import-roster';
import { LicenseUpkeep } from './application/upkeep/license-upkeep';
import { LicenseUpkeepSchedule } from './interface/license-upkeep.schedule';
import { inspectionDecisions } from './interface/inspection-decisions.consumer';
import { LICENSE_READ_MODEL, LicenseFilesController } from './interface/license-files.controller';
import { LicenseReadModel } from './infrastructure/license-read-model';
import { PrismaApplicantRecords } from './infrastructure/prisma-applicant-records';
import { PrismaApplicationDeadlines } from './infrastructure/prisma-application-deadlines';
import { PrismaLicenseRequestRepository } from './infrastructure/prisma-license-request.repository';
import { ChangeLicenseHandler } from './application/license-lifecycle/license-lifecycle';
import { PrismaLicenseRepository } from './infrastructure/prisma-license.repository';
import { LicensesController } from './interface/licenses.controller';
import { CLOCK_TOKEN } from './application/tokens';
import { SubmitApplicationHandler } from './application/submit-application/submit-application.handler';
import { ApproveApplicationHandler } from './application/approve-application/approve-application.handler';
import { CountApplicationsHandler } from './application/count-applications/count-applications.handler';
import { ListApplicationsHandler } from './application/list-applications/list-applications.handler';
import { DecideOnApplication } from './application/decide-on-application';
import { reviewHandlers } from './application/review/review.handlers';
import {
  createRegistrationPrisma,
  RegistrationPrisma,
  RegistrationTx,
} from './infrastructure/registration-prisma';
import { PrismaApplicationRepository } from './infrastructure/prisma-application.repository';
import { RulebookLicensingRules } from './infrastructure/rulebook-licensing-rules';
import { ApplicationsController } from './interface/applications.controller';
import { ReviewController } from './interface/review.controller';
import { registrationErrorTexts } from './domain/errors.zh-CN';

const PRISMA = Symbol('RegistrationPrisma');

@Module({})
export class RegistrationModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        ApplicationsController,
        ReviewController,
        MaterialsController,
        LicensesController,
        LicenseFilesController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: CLOCK_TOKEN, useValue: infra.clock },
        { provide: PRISMA, useFactory: () => createRegistrationPrisma(infra.pool) },
        {
          provide: ServiceEvents,
          inject: [PRISMA],
          useFactory: (prisma: RegistrationPrisma) =>
            new ServiceEvents<RegistrationTx>(infra, (fn) => prisma.$transaction(fn), [
              // The consumer writes through its own outbox handle into the same outbox table.
              inspectionDecisions(new PrismaLicenseRepository(prisma, new Outbox(infra.name, contracts))),
            ]),
        },
        {
          provide: APPLICATIONS,
          inject: [PRISMA, ServiceEvents],
          useFactory: (prisma: RegistrationPrisma, events: ServiceEvents<RegistrationTx>) =>
            new PrismaApplicationRepository(prisma, events.outbox),
        },
        {
          provide: LICENSES,
          inject: [PRISMA, ServiceEvents],
          useFactory: (prisma: RegistrationPrisma, events: ServiceEvents<RegistrationTx>) =>
            new PrismaLicenseRepository(prisma, events.outbox),
        },
        {
          provide: LICENSE_REQUESTS,
          inject: [PRISMA, LICENSES],
          useFactory: (prisma: RegistrationPrisma, licenses: PrismaLicenseRepository) =>
            new PrismaLicenseRequestRepository(prisma, licenses),
        },
        {
          provide: APPLICANT_RECORDS,
          inject: [PRISMA],
          useFactory: (prisma: RegistrationPrisma) => new PrismaApplicantRecords(prisma),
        },
        {
          provide: APPLICATION_DEADLINES,
          inject: [PRISMA, ServiceEvents],
          useFactory: (prisma: RegistrationPrisma, events: ServiceEvents<RegistrationTx>) =>
            new PrismaApplicationDeadlines(prisma, events.outbox),
        },
        {
          provide: LICENSE_READ_MODEL,
          inject: [PRISMA],
          useFactory: (prisma: RegistrationPrisma) => new LicenseReadModel(prisma),
        },
        { provide: BLOB_STORE, useFactory: () => createBlobStore() },
        ...materialHandlers,
        ...filingHandlers,
        ...licenseRequestHandlers,
        ImportRosterHandler,
        LicenseUpkeep,
        LicenseUpkeepSchedule,
        ChangeLicenseHandler,
        { provide: LICENSING_RULES, useFactory: () => new RulebookLicensingRules(defaultRulebook()) },
        SubmitApplicationHandler,
        ApproveApplicationHandler,
        CountApplicationsHandler,
        ListApplicationsHandler,
        DecideOnApplication,
        ...reviewHandlers,
      ],
    };
  }
}

// Its refusals' titles and fixed sentences in zh-CN, for the errors filter (libs/runtime/src/problem.ts).
addProblemTexts(registrationErrorTexts);

export const registrationService: ServiceDefinition = {
  name: 'registration',
  defaultPort: 3001,
  secrets: ['OTR_ID_PEPPER'],
  module: (infra) => RegistrationModule.register(infra),
};
