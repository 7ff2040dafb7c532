import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PrincipalGuard } from '@otr/auth';
import { PenaltyDecided, Topics } from '@otr/contracts';
import { loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import { ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { ActOnComplaintHandler } from './application/act-on-complaint/act-on-complaint.handler';
import { ComplaintDetailsHandler } from './application/complaint-details/complaint-details';
import { RevealComplainantHandler } from './application/complaint-details/reveal-complainant.handler';
import { FileComplaintHandler } from './application/file-complaint/file-complaint.handler';
import { institutionHandlers, onPenaltyDecided } from './application/projections/institutions';
import { SlaSweep, SWEEP_OPTIONS, SweepOptions } from './application/sla-sweep/sla-sweep';
import {
  CLOCK_TOKEN,
  COMPLAINT_RULES,
  COMPLAINTS,
  COMPLAINTS_PRISMA,
  INSTITUTIONS,
  VAULT,
} from './application/tokens';
import { AccessGate } from './application/track-complaint/access-gate';
import { ComplaintStatsHandler, WorkQueueHandler } from './application/work-queue/work-queue.handler';
import { StatsController } from './interface/stats.controller';
import { ComplaintsPrisma, ComplaintsTx, createComplaintsPrisma } from './infrastructure/complaints-prisma';
import { IdentityVault } from './infrastructure/identity-vault';
import { PrismaComplaintRepository } from './infrastructure/prisma-complaint.repository';
import { PrismaInstitutionRegister } from './infrastructure/prisma-institution.register';
import { RulebookComplaintRules } from './infrastructure/rulebook-complaint-rules';
import { ComplaintsController } from './interface/complaints.controller';
import { PublicComplaintsController } from './interface/public-complaints.controller';

@Module({})
export class ComplaintsModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [CqrsModule.forRoot()],
      controllers: [PublicComplaintsController, ComplaintsController, StatsController],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: CLOCK_TOKEN, useValue: infra.clock },
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
      ],
    };
  }
}

export const complaintsService: ServiceDefinition = {
  name: 'complaints',
  defaultPort: 3005,
  module: (infra) => ComplaintsModule.register(infra),
};
