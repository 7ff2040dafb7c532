import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { addDays } from '@otr/kernel';
import { Refuses, Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { BankOperations } from '../application/bank';
import { ClosurePlaybook } from '../application/closure';
import { FeesContext } from '../application/fees-context';
import { LicenseEventHandlers } from '../application/license-events';
import { FeesQueries, plain, scopeOf } from '../application/queries';
import {
  AccountListItem,
  AccountView,
  ClosureProgress,
  EscrowDay,
  FeeStats,
  Fen,
  KeysetListOf,
  ListOf,
  ReconciliationRunRow,
  RiskAlertRow,
  SuspenseItemRow,
} from '../application/read-models';
import { RiskMonitor } from '../application/risk-monitor';
import { FeesScheduler } from '../application/scheduler';
import { SuspenseAccount } from '../application/suspense';
import { NotYours, RiskAlert, RiskAlertCode, Severity } from '../domain';
import { originOf, Paging } from './http';

const AccountFilter = z.object({ q: z.string().trim().max(100).optional(), ...Paging });
/** A day of the escrow chart: this century's (year 1's range reached year 0, which PostgreSQL has not: a 500). */
const ChartDay = IsoDate.refine((d) => d >= '2000-01-01', 'a day from 2000-01-01 on');
const Range = z
  .object({ from: ChartDay.optional(), to: ChartDay.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'on or before `to`', path: ['from'] });
const AlertFilter = z.object({
  institutionId: z.uuid().optional(),
  district: z
    .string()
    .regex(/^CN(-[A-Z0-9]+)*$/)
    .optional()
    .describe('The institutions of this district and those under it (e.g. CN-ZJ-HZ-SC).'),
  state: z.enum(['open', 'acknowledged', 'closed']).optional(),
  rule: RiskAlertCode.optional(),
  severity: Severity.optional(),
  ...Paging,
  after: z
    .uuid()
    .optional()
    .describe(
      "Keyset paging: a previous page's nextCursor; the alerts after it in rank (critical first, then the longest open; offset is ignored).",
    ),
});
const ReconFilter = z.object({
  institutionId: z.uuid().optional(),
  result: z.enum(['matched', 'mismatch']).optional(),
  ...Paging,
});
const Note = z.object({ note: z.string().trim().min(2).max(2000) });
const AlertIds = z.object({ ids: z.array(z.uuid()).min(1).max(500) });
type AlertIdsInput = z.infer<typeof AlertIds>;
const BulkAcknowledged = z.object({
  acknowledged: z.array(z.uuid()).describe('Alerts that were open and are now acknowledged.'),
  skipped: z.array(z.uuid()).describe('Alerts left as they were: already acknowledged or closed.'),
});
const Evaluate = z.object({ institutionId: z.uuid() });
const Reconcile = z.object({ date: IsoDate, institutionId: z.uuid().optional() });
const SuspenseFilter = z.object({
  institutionId: z.uuid().optional(),
  status: z.enum(['open', 'refunded', 'matched']).optional(),
});
const MatchSuspense = z.object({ orderId: z.uuid(), note: z.string().trim().min(2).max(2000) });
type SuspenseFilterInput = z.infer<typeof SuspenseFilter>;
type MatchSuspenseInput = z.infer<typeof MatchSuspense>;
const StartClosure = z.object({ institutionId: z.uuid(), reason: z.string().trim().min(2).max(1000) }).meta({
  examples: [
    {
      institutionId: '5f1c2a9e-3b7d-4c1a-8e2f-7a6b9c0d1e23',
      reason: '西湖区某培训机构停止经营、负责人失联（跑路），启动停办预案并退还预收费',
    },
  ],
});
/** The deadlines swept: deemed confirmations and agreements, then the risk rules. */
const SweepResult = z.object({
  lessons: z.object({
    confirmed: z.number().int().describe('Lessons deemed confirmed (视为确认).'),
    releasedFen: Fen('Released to institutions for them'),
  }),
  refunds: z.object({
    agreed: z.number().int().describe('Refunds deemed agreed.'),
    paid: z.number().int(),
  }),
  alerts: z.number().int().describe('Risk alerts raised.'),
});
type AccountFilterInput = z.infer<typeof AccountFilter>;
type RangeInput = z.infer<typeof Range>;
type AlertFilterInput = z.infer<typeof AlertFilter>;
type ReconFilterInput = z.infer<typeof ReconFilter>;
type NoteInput = z.infer<typeof Note>;
type EvaluateInput = z.infer<typeof Evaluate>;
type ReconcileInput = z.infer<typeof Reconcile>;
type StartClosureInput = z.infer<typeof StartClosure>;

/**
 * Supervised accounts (监管账户) with ledger balances, and their escrow over time for the console's
 * chart. Here and below, the viewer (read-only oversight) reads what the fund supervisor reads,
 * within its jurisdiction (the creditor list too, phones masked), and acts on nothing.
 */
@Controller('accounts')
@Roles('fund-supervisor')
export class AccountsController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly fees: FeesContext,
  ) {}

  @Get()
  @Roles('fund-supervisor', 'viewer')
  @Returns(ListOf(AccountListItem))
  list(@Query(new ZodPipe(AccountFilter)) f: AccountFilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.accounts(p, f);
  }

  @Get(':institutionId')
  @Roles('fund-supervisor', 'institution-operator', 'viewer')
  @Returns(AccountView)
  get(@Param('institutionId', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.account(scopeOf(p), id);
  }

  @Get(':institutionId/balances')
  @Roles('fund-supervisor', 'institution-operator', 'viewer')
  @Returns(z.array(EscrowDay).describe('One entry per day with movements in [from, to], oldest first.'))
  balances(
    @Param('institutionId', new UuidPipe()) id: string,
    @Query(new ZodPipe(Range)) r: RangeInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const to = r.to ?? this.fees.today();
    return this.queries.balancesOverTime(scopeOf(p), id, r.from ?? addDays(to, -90), to);
  }
}

/** Risk alerts (风险预警): open → acknowledged → closed with a note. */
@Controller('alerts')
@Roles('fund-supervisor')
export class AlertsController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly risk: RiskMonitor,
  ) {}

  @Get()
  @Roles('fund-supervisor', 'viewer')
  @Returns(KeysetListOf(RiskAlertRow))
  list(@Query(new ZodPipe(AlertFilter)) f: AlertFilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.alerts(scopeOf(p), f);
  }

  @Post('evaluate')
  @HttpCode(200)
  @Returns(
    z
      .array(RiskAlert)
      .describe('The alerts this evaluation raised (those already open are not raised again).'),
  )
  @Refuses(404)
  async evaluate(@Body(new ZodPipe(Evaluate)) body: EvaluateInput, @CurrentPrincipal() p: Principal) {
    await this.queries.visible(scopeOf(p), body.institutionId);
    return this.risk.evaluate(body.institutionId, originOf(p));
  }

  /** The console's bulk action: every alert must be in the caller's scope, else nothing moves (403, 404). */
  @Post('acknowledge')
  @HttpCode(200)
  @Returns(BulkAcknowledged)
  @Refuses(403, 404)
  async acknowledgeMany(@Body(new ZodPipe(AlertIds)) body: AlertIdsInput, @CurrentPrincipal() p: Principal) {
    for (const id of body.ids) await this.queries.alertInScope(scopeOf(p), id);
    return this.risk.acknowledgeMany(body.ids, p.userId);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Returns(RiskAlertRow)
  async acknowledge(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    await this.queries.alertInScope(scopeOf(p), id);
    return this.risk.acknowledge(id, p.userId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Returns(RiskAlertRow)
  async close(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Note)) body: NoteInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.queries.alertInScope(scopeOf(p), id);
    return this.risk.close(id, p.userId, body.note);
  }
}

/** GET /stats: the console dashboards' fund-alert panel, for the roles whose dashboard shows it. */
@Controller('stats')
@Roles('fund-supervisor', 'viewer')
export class StatsController {
  constructor(private readonly queries: FeesQueries) {}

  @Get()
  @Returns(FeeStats)
  stats(@CurrentPrincipal() p: Principal) {
    return this.queries.stats(p.jurisdiction);
  }
}

/** Daily statement reconciliation (对账) against the ledger. */
@Controller('reconciliation')
@Roles('fund-supervisor')
export class ReconciliationController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly bank: BankOperations,
  ) {}

  @Get('runs')
  @Roles('fund-supervisor', 'viewer')
  @Returns(ListOf(ReconciliationRunRow))
  list(@Query(new ZodPipe(ReconFilter)) f: ReconFilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.reconciliations(scopeOf(p), f);
  }

  @Post('runs')
  @Returns(z.array(ReconciliationRunRow).describe('The runs made, one per account reconciled.'))
  async run(@Body(new ZodPipe(Reconcile)) body: ReconcileInput, @CurrentPrincipal() p: Principal) {
    const ids = await this.queries.institutionIds(scopeOf(p), body.institutionId);
    const runs = [];
    for (const id of ids) runs.push(...(await this.bank.reconcile(body.date, originOf(p), id)));
    // As the list answers them: fen as integers, the statement day as 'YYYY-MM-DD'.
    return runs.map(plain);
  }
}

/** The closure playbook (停办/吊销): start, progress of the bulk refund, creditor list export. */
@Controller('closures')
@Roles('fund-supervisor')
export class ClosuresController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly closure: ClosurePlaybook,
    private readonly licenses: LicenseEventHandlers,
    private readonly fees: FeesContext,
  ) {}

  @Get()
  @Roles('fund-supervisor', 'viewer')
  @Returns(ListOf(ClosureProgress))
  list(@CurrentPrincipal() p: Principal) {
    return this.queries.closures(scopeOf(p));
  }

  /** The supervisor starts the playbook by hand (e.g. an institution that stopped operating, 跑路). */
  @Post()
  @Returns(ClosureProgress)
  @Refuses(404)
  async start(@Body(new ZodPipe(StartClosure)) body: StartClosureInput, @CurrentPrincipal() p: Principal) {
    await this.queries.visible(scopeOf(p), body.institutionId);
    await this.fees.transaction((tx) =>
      this.licenses.changeStanding(
        tx,
        { institutionId: body.institutionId },
        'closed',
        body.reason,
        originOf(p),
      ),
    );
    return this.closure.progress(body.institutionId);
  }

  @Post(':institutionId/refunds/run')
  @HttpCode(200)
  @Returns(ClosureProgress)
  async runRefunds(@Param('institutionId', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    await this.queries.visible(scopeOf(p), id);
    await this.closure.runBulkRefunds(originOf(p), id);
    return this.closure.progress(id);
  }

  @Get(':institutionId')
  @Roles('fund-supervisor', 'viewer')
  @Returns(ClosureProgress.nullable().describe('null while no closure has started.'))
  async progress(@Param('institutionId', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    await this.queries.visible(scopeOf(p), id);
    return this.closure.progress(id);
  }

  @Get(':institutionId/creditors.csv')
  @Roles('fund-supervisor', 'viewer')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Returns({
    mediaType: 'text/csv',
    description:
      'The creditor list (债权人清单): one line per family and order, phone masked, amount in yuan, paid or outstanding.',
  })
  async creditors(@Param('institutionId', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    await this.queries.visible(scopeOf(p), id);
    return this.closure.creditorCsv(id);
  }
}

/** Deadlines on the working-day calendar, normally swept by the scheduler. */
@Controller('deadlines')
@Roles('fund-supervisor')
export class DeadlinesController {
  constructor(private readonly scheduler: FeesScheduler) {}

  /** Runs every passed deadline now: deemed confirmations and agreements, then the risk rules. */
  @Post('run')
  @HttpCode(200)
  @Returns(SweepResult)
  run() {
    return this.scheduler.sweep();
  }
}

/**
 * Payments in suspense (待查明款项): genuine money the bank confirmed that no order could take. The
 * fund supervisor returns each to its payer through the bank or matches it to its order.
 */
@Controller('suspense')
@Roles('fund-supervisor')
export class SuspenseController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly suspense: SuspenseAccount,
  ) {}

  @Get()
  @Roles('fund-supervisor', 'viewer')
  @Returns(ListOf(SuspenseItemRow))
  async list(@Query(new ZodPipe(SuspenseFilter)) f: SuspenseFilterInput, @CurrentPrincipal() p: Principal) {
    const ids = await this.queries.institutionIds(scopeOf(p), f.institutionId);
    const items = (await this.suspense.list(ids, f.status)).map(plainItem);
    return { items, total: items.length };
  }

  @Post(':id/refund')
  @HttpCode(200)
  @Returns(SuspenseItemRow)
  async refund(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Note)) body: NoteInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.inScope(id, p);
    return plainItem(await this.suspense.refund(id, p.userId, body.note));
  }

  @Post(':id/match')
  @HttpCode(200)
  @Returns(z.object({ id: z.uuid(), status: z.literal('matched'), matchedOrderId: z.uuid() }))
  async match(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(MatchSuspense)) body: MatchSuspenseInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.inScope(id, p);
    return this.suspense.match(id, body.orderId, p.userId, body.note, originOf(p));
  }

  private async inScope(id: string, p: Principal) {
    const item = await this.suspense.item(id);
    await this.queries.institutionIds(scopeOf(p), item.institutionId).then((ids) => {
      if (!ids.includes(item.institutionId)) throw new NotYours('suspense item');
    });
  }
}

const plainItem = (i: { amountFen: bigint }) => ({ ...i, amountFen: Number(i.amountFen) });
