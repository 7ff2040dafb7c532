import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { Fen, IsoDate } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { UuidPipe, ZodPipe } from '@otr/runtime';
import {
  AddToBlacklistCommand,
  DecidePenaltyCommand,
  ProposePenaltyCommand,
  RemoveFromBlacklistCommand,
} from '../application/penalties';
import { InspectionRulesSource, RULES } from '../application/ports';
import {
  OrderRectificationCommand,
  ReportRectificationCommand,
  SweepOverdueRectificationsCommand,
  VerifyRectificationCommand,
} from '../application/rectifications';
import { NotFound } from '../domain/errors';
import { FineBasis, fineRange, illegalIncome } from '../domain/fine';
import { PENALTY_TYPE_KEYS, PENALTY_TYPES } from '../domain/penalty';
import { Evidence } from '../domain/violation';
import { assertVisible, ctxOf, READERS, READERS_AND_OPERATOR, RecordReads } from './http';

const Order = z.object({
  violationIds: z.array(z.uuid()).min(1).max(50),
  requirements: z.string().trim().min(2).max(4000),
  workingDays: z.number().int().min(1).max(120).optional(),
});
const Report = z.object({
  description: z.string().trim().min(2).max(4000),
  evidence: z.array(Evidence).min(1).max(30),
});
const Verification = z.object({ passed: z.boolean(), note: z.string().trim().max(2000).default('') });
type OrderInput = z.infer<typeof Order>;
type ReportInput = z.infer<typeof Report>;
type VerificationInput = z.infer<typeof Verification>;

/** Rectification orders (责令整改): ordered by inspectors, reported by the institution, verified on site. */
@Controller('rectifications')
export class RectificationsController extends RecordReads('rectification', READERS_AND_OPERATOR) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Roles('inspector')
  order(@Body(new ZodPipe(Order)) body: OrderInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(
      new OrderRectificationCommand(body.violationIds, body.requirements, body.workingDays, ctxOf(p)),
    );
  }

  /** Marks orders past their deadline overdue (also run on a timer): black list and training ban follow. */
  @Post('sweep-overdue')
  @HttpCode(200)
  @Roles('approver', 'administrator')
  sweep() {
    return this.commands.execute(
      new SweepOverdueRectificationsCommand(currentContext()?.correlationId ?? 'sweep'),
    );
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles('institution-operator')
  report(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Report)) body: ReportInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(
      new ReportRectificationCommand(id, body.description, body.evidence, ctxOf(p)),
    );
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('inspector')
  verify(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Verification)) body: VerificationInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new VerifyRectificationCommand(id, body.passed, body.note, ctxOf(p)));
  }
}

const Proposal = z.object({
  violationIds: z.array(z.uuid()).min(1).max(50),
  type: z.enum(PENALTY_TYPE_KEYS),
  reasons: z.string().trim().min(2).max(4000),
  factsArticle: z.string().trim().max(300).optional(),
  fineFen: Fen.optional(),
  fineBasis: FineBasis.optional(),
  declaredIllegalIncomeFen: Fen.optional(),
});
const Rejection = z.object({ reason: z.string().trim().min(2).max(2000) });
const FineQuestion = z.object({
  basis: FineBasis,
  licenseId: z.string().optional(),
  declaredIllegalIncomeFen: Fen.optional(),
});
type ProposalInput = z.infer<typeof Proposal>;
type RejectionInput = z.infer<typeof Rejection>;
type FineQuestionInput = z.infer<typeof FineQuestion>;

/** Penalties under 教育部令第53号: proposed by an inspector, decided by another official. */
@Controller('penalties')
export class PenaltiesController extends RecordReads('penalty', READERS, { history: true }) {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
  ) {
    super();
  }

  /** Penalty types with the article each rests on and what it does to the license. */
  @Get('types')
  @Roles(...READERS)
  types() {
    return PENALTY_TYPE_KEYS.map((type) => ({ type, ...PENALTY_TYPES[type] }));
  }

  /** The fine helper: illegal income (fee ledger first) and the legal range of a fine. */
  @Post('fine-range')
  @HttpCode(200)
  @Roles('inspector', 'approver')
  async fineRange(
    @Body(new ZodPipe(FineQuestion)) body: FineQuestionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    // The ledger is the institution's fee figures: read only over its district, as its penalties are.
    let district = p.jurisdiction;
    if (body.licenseId) {
      const institution = await this.store.institutionByLicense(body.licenseId);
      if (!institution) throw new NotFound('license', body.licenseId);
      assertVisible(p, institution, 'penalty');
      district = institution.district;
    }
    const ledger = body.licenseId ? await this.store.ledger(body.licenseId) : undefined;
    const income = illegalIncome(ledger, body.declaredIllegalIncomeFen);
    return {
      illegalIncome: income ?? null,
      range: fineRange(body.basis, income?.fen, this.rules.forDistrict(district, new Date()).fines),
    };
  }

  @Post()
  @Roles('inspector')
  propose(@Body(new ZodPipe(Proposal)) body: ProposalInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new ProposePenaltyCommand(body, ctxOf(p)));
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles('approver')
  decide(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new DecidePenaltyCommand(id, { decide: true }, ctxOf(p)));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('approver')
  reject(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Rejection)) body: RejectionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(
      new DecidePenaltyCommand(id, { decide: false, reason: body.reason }, ctxOf(p)),
    );
  }
}

const Listing = z
  .object({
    penaltyId: z.uuid().optional(),
    institutionId: z.string().min(1).optional(),
    decisionNumber: z.string().trim().min(2).max(100).optional(),
    reason: z.string().trim().min(2).max(2000),
    removableOn: IsoDate.optional(),
    creditCode: z.string().trim().max(18).optional(),
    legalRepresentative: z.string().trim().max(50).optional(),
    trainingBan: z.boolean().default(true),
  })
  .refine((b) => !!b.penaltyId || (!!b.institutionId && !!b.decisionNumber), {
    message: 'a decided penalty, or an institution with its decision number',
    path: ['penaltyId'],
  });
const Removal = z.object({ reason: z.string().trim().min(2).max(2000) });
type ListingInput = z.infer<typeof Listing>;
type RemovalInput = z.infer<typeof Removal>;

/** The black list (黑名单): entries with reason, decision, publication and removal date (信用修复). */
@Controller('blacklist')
export class BlacklistController extends RecordReads('blacklist', READERS) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Roles('approver')
  add(@Body(new ZodPipe(Listing)) body: ListingInput, @CurrentPrincipal() p: Principal) {
    const { penaltyId, institutionId, decisionNumber, ...rest } = body;
    const basis = penaltyId
      ? { penaltyId }
      : { institutionId: institutionId!, decisionNumber: decisionNumber! };
    return this.commands.execute(new AddToBlacklistCommand({ ...rest, ...basis }, ctxOf(p)));
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Roles('approver')
  remove(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Removal)) body: RemovalInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new RemoveFromBlacklistCommand(id, body.reason, ctxOf(p)));
  }
}
