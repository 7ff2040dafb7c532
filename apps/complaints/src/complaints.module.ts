import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { PenaltyDecided, Topics } from '@otr/contracts';
import { loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import { addProblemTexts, ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { createBlobStore, UploadQuota } from '@otr/storage';
import { ActOnComplaintHandler } from './application/act-on-complaint/act-on-complaint.handler';
import { ComplaintDetailsHandler } from './application/complaint-details/complaint-details';
import { EvidenceFileHandler } from './application/complaint-details/evidence-file';
import { RevealComplainantHandler } from './application/complaint-details/reveal-complainant.handler';
import { FileComplaintHandler } from './application/file-complaint/file-complaint.handler';
import { HotlineRequestsHandler } from './application/hotline/hotline-requests';
import { institutionHandlers, onPenaltyDecided } from './infrastructure/prisma-institution-projection';
import { ComplaintRatesHandler } from './application/rates/complaint-rates';
import { SlaSweep, SWEEP_OPTIONS, SweepOptions } from './application/sla-sweep/sla-sweep';
import {
  CLOCK_TOKEN,
  COMPLAINT_RULES,
  COMPLAINTS,
  COMPLAINTS_PRISMA,
  EVIDENCE,
  UPLOAD_QUOTA,
  HOTLINE_SYSTEMS,
  INSTITUTIONS,
  LOG,
  VAULT,
} from './application/tokens';
import { AccessGate } from './application/track-complaint/access-gate';
import { ComplaintStatsHandler, WorkQueueHandler } from './application/work-queue/work-queue.handler';
import { EVIDENCE_LIMITS, PUBLIC_UPLOAD_QUOTA } from './domain/evidence';
import { StatsController } from './interface/stats.controller';
import { ComplaintsPrisma, ComplaintsTx, createComplaintsPrisma } from './infrastructure/complaints-prisma';
import { HotlineKeys } from './infrastructure/hotline-keys';
import { IdentityVault } from './infrastructure/identity-vault';
import { PrismaComplaintRepository } from './infrastructure/prisma-complaint.repository';
import { PrismaInstitutionRegister } from './infrastructure/prisma-institution.register';
import { RulebookComplaintRules } from './infrastructure/rulebook-complaint-rules';
import { ComplaintsController } from './interface/complaints.controller';
import { GeoReportErrors } from './interface/georeport-errors';
import { Open311Controller } from './interface/open311.controller';
import { PublicComplaintsController } from './interface/public-complaints.controller';
import { RatesController } from './interface/rates.controller';
import { watchComplaintSla } from './infrastructure/sla-metrics';
import { complaintErrorTexts } from './domain/errors.zh-CN';

@Module({})
export class ComplaintsModule {
  static register(infra: ServiceInfra): DynamicModule {
    watchComplaintSla(infra);
    return {
      module: ComplaintsModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        PublicComplaintsController,
        Open311Controller,
        ComplaintsController,
        StatsController,
        RatesController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: CLOCK_TOKEN, useValue: infra.clock },
        { provide: LOG, useValue: infra.log },
        { provide: COMPLAINTS_PRISMA, useFactory: () => createComplaintsPrisma(infra.pool) },
        {
          provide: ServiceEvents,
          inject: [COMPLAINTS_PRISMA],
          useFactory: (prisma: ComplaintsPrisma) =>
            new ServiceEvents<ComplaintsTx>(infra, (fn) => prisma.$transaction(fn), [
              {
                name: 'complaints.institutions',
                topics: [Topics.registration],
                handlers: institutionHandlers,
              },
              {
                name: 'complaints.outcomes',
                topics: [Topics.inspection],
                handlers: { [PenaltyDecided.type]: onPenaltyDecided },
              },
            ]),
        },
        {
          provide: COMPLAINTS,
          inject: [COMPLAINTS_PRISMA, ServiceEvents],
          useFactory: (prisma: ComplaintsPrisma, events: ServiceEvents<ComplaintsTx>) =>
            new PrismaComplaintRepository(prisma, events.outbox),
        },
        {
          provide: INSTITUTIONS,
          inject: [COMPLAINTS_PRISMA],
          useFactory: (prisma: ComplaintsPrisma) => new PrismaInstitutionRegister(prisma),
        },
        {
          provide: COMPLAINT_RULES,
          useFactory: () => new RulebookComplaintRules(defaultRulebook(), loadChinaCalendar()),
        },
        { provide: VAULT, useFactory: () => new IdentityVault() },
        {
          provide: EVIDENCE,
          useFactory: () =>
            createBlobStore(process.env, {
              maxBytes: EVIDENCE_LIMITS.maxBytes,
              allowedTypes: [...EVIDENCE_LIMITS.types],
            }),
        },
        { provide: UPLOAD_QUOTA, useFactory: () => new UploadQuota(PUBLIC_UPLOAD_QUOTA) },
        { provide: HOTLINE_SYSTEMS, useFactory: () => new HotlineKeys() },
        GeoReportErrors,
        {
          provide: SWEEP_OPTIONS,
          useValue: {
            intervalMs: Number(process.env.COMPLAINTS_SLA_SWEEP_MS ?? 60_000),
            log: infra.log,
          } satisfies SweepOptions,
        },
        SlaSweep,
        AccessGate,
        FileComplaintHandler,
        ActOnComplaintHandler,
        WorkQueueHandler,
        ComplaintStatsHandler,
        ComplaintDetailsHandler,
        RevealComplainantHandler,
        EvidenceFileHandler,
        HotlineRequestsHandler,
        ComplaintRatesHandler,
      ],
    };
  }
}

// Its refusals' titles and fixed sentences in zh-CN, for the errors filter (libs/runtime/src/problem.ts).
addProblemTexts(complaintErrorTexts);

export const complaintsService: ServiceDefinition = {
  name: 'complaints',
  defaultPort: 3005,
  secrets: ['COMPLAINTS_IDENTITY_KEY', 'COMPLAINTS_HOTLINE_KEYS'],
  module: (infra) => ComplaintsModule.register(infra),
};
