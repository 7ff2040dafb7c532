import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { raw } from 'express';
import { PrincipalGuard } from '@otr/auth';
import { contracts, Topics } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { defaultRulebook } from '@otr/rules';
import { addProblemTexts, ServiceDefinition, ServiceEvents, ServiceInfra } from '@otr/runtime';
import { BankOperations } from './application/bank';
import { ClosurePlaybook } from './application/closure';
import { FAMILY_TOKEN_SECRET, FamilySignIn } from './application/family-sign-in';
import { FEES_LOG, FEES_OUTBOX, FeesContext } from './application/fees-context';
import { Lessons } from './application/lessons';
import { LicenseEventHandlers } from './application/license-events';
import { MoneyMovements } from './application/money-movements';
import { OpenOrders, PlaceOrderHandler } from './application/orders';
import { PaymentWebhooks } from './application/payments';
import {
  ACCOUNTS,
  BANK,
  BANK_RECORDS,
  BankRecords,
  CLOCK_TOKEN,
  CLOSURES,
  CODE_SENDER,
  CustodianBank,
  FEE_ROWS,
  FEE_RULES,
  LEDGER,
  LESSONS,
  ORDERS,
  READ_MODEL,
  REFUNDS,
  RISK_ALERTS,
  RISK_INPUTS,
  SIGN_IN_CODES,
  SUSPENSE,
  Tx,
  UNIT_OF_WORK,
} from './application/ports';
import { SuspenseAccount } from './application/suspense';
import { FeesQueries } from './application/queries';
import { Ratings } from './application/ratings';
import { Refunds } from './application/refunds';
import { RiskMonitor } from './application/risk-monitor';
import { RiskReserve } from './application/risk-reserve';
import { FeesScheduler, SCHEDULER_SETTINGS, schedulerSettings } from './application/scheduler';
import { HttpCodeSender, LoggingCodeSender } from './infrastructure/code-senders';
import {
  createFeesPrisma,
  FEES_PRISMA,
  FEES_SCHEMA,
  FeesPrisma,
  PrismaUnitOfWork,
} from './infrastructure/fees-prisma';
import { PrismaFeesReadModel } from './infrastructure/fees-read-model';
import { PrismaSupervisedAccounts } from './infrastructure/prisma-accounts';
import { PrismaBankRecords } from './infrastructure/prisma-bank-records';
import { PrismaClosureStore } from './infrastructure/prisma-closures';
import { PrismaLessonRepository } from './infrastructure/prisma-lessons';
import { PrismaOrderRepository } from './infrastructure/prisma-orders';
import { PrismaRefundRepository } from './infrastructure/prisma-refunds';
import { PrismaRiskAlertStore } from './infrastructure/prisma-risk-alerts';
import { PrismaSignInCodes } from './infrastructure/prisma-sign-in-codes';
import { PrismaSuspenseStore } from './infrastructure/prisma-suspense';
import { PgFeeRows } from './infrastructure/fees-rows';
import { HttpCustodianBank } from './infrastructure/http-custodian-bank';
import { LedgerRepository } from './infrastructure/ledger.repository';
import { SqlRiskInputs } from './infrastructure/risk-inputs';
import { RulebookFeeRules } from './infrastructure/rulebook-fee-rules';
import { secret } from '@otr/config';
import {
  BANK_CALLBACK,
  BankCallbackListener,
  BankWebhookController,
} from './interface/bank-webhook.controller';
import { FamilyController, FamilySignInController } from './interface/family.controller';
import { FamilyGuard } from './interface/http';
import { LessonsController, OrdersController, RefundsController } from './interface/operations.controller';
import {
  AccountsController,
  AlertsController,
  ClosuresController,
  DeadlinesController,
  ReconciliationController,
  StatsController,
  SuspenseController,
} from './interface/supervision.controller';
import { feeErrorTexts } from './domain/errors.zh-CN';

/** The environment the service reads; its secrets are validated (@otr/config), with no defaults. */
export const feeSupervisionEnv = (env = process.env) => ({
  bankWebhookSecret: secret('FEES_BANK_WEBHOOK_SECRET', env),
  familyTokenSecret: secret('FEES_FAMILY_TOKEN_SECRET', env),
  bankUrl: env.FEES_BANK_URL,
  bankApiKey: secret('FEES_BANK_API_KEY', env),
  /** An SMS gateway for sign-in codes; without it the development sender logs them. */
  smsUrl: env.FEES_SMS_URL,
  /**
   * Where only the custodian bank connects: its payment callback gets a listener of its own and the
   * service's port (the gateway's upstream) serves no /bank route. Unset: the service's port serves it.
   */
  bankCallback: env.FEES_BANK_CALLBACK_PORT
    ? { port: Number(env.FEES_BANK_CALLBACK_PORT), host: env.FEES_BANK_CALLBACK_HOST ?? '127.0.0.1' }
    : null,
});

@Module({})
export class FeeSupervisionModule {
  static register(infra: ServiceInfra): DynamicModule {
    const env = feeSupervisionEnv();
    return {
      module: FeeSupervisionModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        FamilySignInController,
        FamilyController,
        ...(env.bankCallback ? [] : [BankWebhookController]),
        OrdersController,
        LessonsController,
        RefundsController,
        AccountsController,
        AlertsController,
        ReconciliationController,
        ClosuresController,
        DeadlinesController,
        StatsController,
        SuspenseController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PrincipalGuard },
        { provide: CLOCK_TOKEN, useValue: infra.clock },
        { provide: FEES_PRISMA, useFactory: () => createFeesPrisma(infra.pool) },
        // The application's ports, each bound to its Prisma adapter on the service's client.
        ...(
          [
            [UNIT_OF_WORK, PrismaUnitOfWork],
            [ACCOUNTS, PrismaSupervisedAccounts],
            [ORDERS, PrismaOrderRepository],
            [LESSONS, PrismaLessonRepository],
            [REFUNDS, PrismaRefundRepository],
            [CLOSURES, PrismaClosureStore],
            [SUSPENSE, PrismaSuspenseStore],
            [RISK_ALERTS, PrismaRiskAlertStore],
            [BANK_RECORDS, PrismaBankRecords],
            [SIGN_IN_CODES, PrismaSignInCodes],
            [READ_MODEL, PrismaFeesReadModel],
          ] as const
        ).map(([provide, Adapter]) => ({
          provide,
          inject: [FEES_PRISMA],
          useFactory: (prisma: FeesPrisma) => new Adapter(prisma),
        })),
        { provide: FEES_OUTBOX, useFactory: () => new Outbox(FEES_SCHEMA, contracts) },
        { provide: FEES_LOG, useValue: infra.log },
        { provide: FEE_RULES, useFactory: () => new RulebookFeeRules(defaultRulebook()) },
        {
          provide: BANK,
          useFactory: () => (env.bankUrl ? new HttpCustodianBank(env.bankUrl, env.bankApiKey) : null),
        },
        {
          provide: CODE_SENDER,
          useFactory: () => (env.smsUrl ? new HttpCodeSender(env.smsUrl) : new LoggingCodeSender(infra.log)),
        },
        { provide: FAMILY_TOKEN_SECRET, useValue: env.familyTokenSecret },
        { provide: SCHEDULER_SETTINGS, useFactory: () => schedulerSettings() },
        {
          // The service is 'fee-supervision'; its schema (outbox, inbox) is 'fees'.
          provide: ServiceEvents,
          inject: [FEES_PRISMA, LicenseEventHandlers],
          // The inbox's transaction is the Tx its handlers write in through the application's stores.
          useFactory: (prisma: FeesPrisma, licenses: LicenseEventHandlers) =>
            new ServiceEvents<Tx>(
              { ...infra, name: FEES_SCHEMA },
              (fn) => prisma.$transaction((tx) => fn(tx as unknown as Tx)),
              [
                {
                  name: 'fee-supervision.licenses',
                  topics: [Topics.registration, Topics.inspection],
                  handlers: licenses.handlers,
                },
              ],
            ),
        },
        {
          provide: PaymentWebhooks,
          inject: [FeesContext, BANK, SuspenseAccount, BANK_RECORDS],
          useFactory: (
            fees: FeesContext,
            bank: CustodianBank | null,
            suspense: SuspenseAccount,
            records: BankRecords,
          ) => new PaymentWebhooks(fees, infra.log, env.bankWebhookSecret, bank, suspense, records),
        },
        LedgerRepository,
        { provide: LEDGER, useExisting: LedgerRepository },
        {
          // Money moves run on bare connections of the pool (see PgFeeRows.onOrder).
          provide: FEE_ROWS,
          inject: [LedgerRepository],
          useFactory: (ledger: LedgerRepository) => new PgFeeRows(infra.pool, ledger),
        },
        {
          provide: RISK_INPUTS,
          inject: [FEES_PRISMA],
          useFactory: (prisma: FeesPrisma) => new SqlRiskInputs(prisma),
        },
        FeesContext,
        MoneyMovements,
        ClosurePlaybook,
        LicenseEventHandlers,
        OpenOrders,
        PlaceOrderHandler,
        Lessons,
        Refunds,
        Ratings,
        RiskMonitor,
        RiskReserve,
        SuspenseAccount,
        BankOperations,
        FeesQueries,
        FamilySignIn,
        FamilyGuard,
        FeesScheduler,
        { provide: BANK_CALLBACK, useValue: env.bankCallback },
        BankCallbackListener,
      ],
    };
  }
}

// Its refusals' titles and fixed sentences in zh-CN, for the errors filter (libs/runtime/src/problem.ts).
addProblemTexts(feeErrorTexts);

export const feeSupervisionService: ServiceDefinition = {
  name: 'fee-supervision',
  defaultPort: 3004,
  secrets: ['FEES_BANK_WEBHOOK_SECRET', 'FEES_FAMILY_TOKEN_SECRET', 'FEES_BANK_API_KEY'],
  module: (infra) => FeeSupervisionModule.register(infra),
  // The bank's webhook is verified over its exact bytes: keep them raw for that one path.
  configure: (app) => {
    app.use('/bank/webhooks', raw({ type: '*/*', limit: '64kb' }));
  },
};
