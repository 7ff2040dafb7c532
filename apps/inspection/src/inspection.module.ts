import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { raw } from 'express';
import { PrincipalGuard } from '@otr/auth';
import { FundsReleased, InstitutionChanged, LicenseIssued, RefundPaid, Topics } from '@otr/contracts';
import { loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import { addProblemTexts, ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { createBlobStore } from '@otr/storage';
import { annualReportHandlers } from './application/annual-reports';
import { leadHandlers } from './application/consumers/leads';
import { inspectionHandlers } from './application/inspections';
import { jointCaseHandlers } from './application/joint-cases';
import { OverdueSweeper } from './application/overdue-sweeper';
import { penaltyHandlers } from './application/penalties';
import { EVIDENCE, RULES, STORE } from './application/ports';
import { rectificationHandlers } from './application/rectifications';
import { spotCheckHandlers } from './application/spot-checks';
import { CALENDAR_TOKEN, CLOCK_TOKEN } from './application/tokens';
import { createInspectionPrisma, InspectionPrisma, InspectionTx } from './infrastructure/inspection-prisma';
import { onFundsReleased, onRefundPaid } from './infrastructure/prisma-income-ledger';
import { PrismaInspectionStore } from './infrastructure/prisma-inspection.store';
import { PrismaLeadStore } from './infrastructure/prisma-lead-store';
import {
  licenseStatusTypes,
  onInstitutionChanged,
  onLicenseIssued,
  onLicenseStatusChanged,
} from './infrastructure/prisma-license-pool';
import { RulebookInspectionRules } from './infrastructure/rulebook-inspection-rules';
import { AnnualReportsController } from './interface/annual-reports.controller';
import {
  BlacklistController,
  PenaltiesController,
  RectificationsController,
} from './interface/enforcement.controller';
import { EVIDENCE_TYPES, EvidenceController } from './interface/evidence.controller';
import { InspectionsController, ViolationsController } from './interface/inspections.controller';
import { JointCasesController } from './interface/joint-cases.controller';
import { PoolController, RosterController, SpotChecksController } from './interface/spot-checks.controller';
import { StatsController } from './interface/stats.controller';
import { inspectionErrorTexts } from './domain/errors.zh-CN';

const PRISMA = Symbol('InspectionPrisma');

@Module({})
export class InspectionModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: InspectionModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        AnnualReportsController,
        InspectionsController,
        ViolationsController,
        RectificationsController,
        PenaltiesController,
        BlacklistController,
        SpotChecksController,
        RosterController,
        PoolController,
        JointCasesController,
        EvidenceController,
        StatsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: CLOCK_TOKEN, useValue: infra.clock },
        { provide: CALENDAR_TOKEN, useFactory: () => loadChinaCalendar() },
        { provide: PRISMA, useFactory: () => createInspectionPrisma(infra.pool) },
        {
          provide: ServiceEvents,
          inject: [PRISMA],
          useFactory: (prisma: InspectionPrisma) =>
            new ServiceEvents<InspectionTx>(infra, (fn) => prisma.$transaction(fn), [
              {
                name: 'inspection.license-pool',
                topics: [Topics.registration],
                handlers: {
                  [LicenseIssued.type]: onLicenseIssued,
                  [InstitutionChanged.type]: onInstitutionChanged,
                  ...Object.fromEntries(licenseStatusTypes.map((t) => [t, onLicenseStatusChanged])),
                },
              },
              {
                name: 'inspection.leads',
                topics: [Topics.registration, Topics.fees, Topics.complaints],
                handlers: leadHandlers(new PrismaLeadStore()),
              },
              {
                name: 'inspection.income-ledger',
                topics: [Topics.fees],
                handlers: { [FundsReleased.type]: onFundsReleased, [RefundPaid.type]: onRefundPaid },
              },
            ]),
        },
        {
          provide: STORE,
          inject: [PRISMA, ServiceEvents],
          useFactory: (prisma: InspectionPrisma, events: ServiceEvents<InspectionTx>) =>
            new PrismaInspectionStore(prisma, events.outbox),
        },
        { provide: RULES, useFactory: () => new RulebookInspectionRules(defaultRulebook()) },
        { provide: EVIDENCE, useFactory: () => createBlobStore() },
        OverdueSweeper,
        ...annualReportHandlers,
        ...inspectionHandlers,
        ...rectificationHandlers,
        ...penaltyHandlers,
        ...spotCheckHandlers,
        ...jointCaseHandlers,
      ],
    };
  }
}

// Its refusals' titles and fixed sentences in zh-CN, for the errors filter (libs/runtime/src/problem.ts).
addProblemTexts(inspectionErrorTexts);

export const inspectionService: ServiceDefinition = {
  name: 'inspection',
  defaultPort: 3003,
  module: (infra) => InspectionModule.register(infra),
  configure(app) {
    // Evidence arrives as the raw request body (a phone camera's JPEG), not as JSON.
    app.use('/evidence', raw({ type: EVIDENCE_TYPES, limit: '20mb' }));
  },
};
