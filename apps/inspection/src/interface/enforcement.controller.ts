import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { Fen, IsoDate, LicenseAction } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { Refuses, Returns, UuidPipe, ZodPipe } from '@otr/runtime';
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
import { FineBasis, fineRange, FineRange, illegalIncome } from '../domain/fine';
import { BlacklistEntryState } from '../domain/blacklist';
import { PENALTY_TYPE_KEYS, PENALTY_TYPES, PenaltyState } from '../domain/penalty';
import { RectificationState } from '../domain/rectification';
import { Evidence } from '../domain/violation';
import { assertVisible, ctxOf, READERS, READERS_AND_OPERATOR, RecordReads } from './http';

const Order = z
  .object({
    violationIds: z.array(z.uuid()).min(1).max(50),
    requirements: z.string().trim().min(2).max(4000),
    workingDays: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe('The deadline in working days (工作日); the rulebook’s when absent.'),
  })
  .meta({
    examples: [
      {
        violationIds: ['0b9e3c1e-5d7a-4f7e-9a51-2c4b8f6d1a20'],
        requirements: '限期整改：撤下超前超标培训课程表，退还相关课时费用，并提交整改报告及现场照片',
        workingDays: 15,
      },
    ],
  });
const Report = z
  .object({
    description: z.string().trim().min(2).max(4000),
    evidence: z.array(Evidence).min(1).max(30),
  })
  .meta({
    examples: [
      {
        description: '已撤下违规课程表，并向 12 名学员家长退还课时费用',
        evidence: [
          {
            sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            contentType: 'image/jpeg',
            filename: '整改后教室.jpg',
            takenAt: '2026-03-02T10:15:00+08:00',
            place: { address: '浙江省杭州市西湖区文三路 90 号' },
          },
        ],
      },
    ],
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
  @Returns(RectificationState)
  order(@Body(new ZodPipe(Order)) body: OrderInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(
      new OrderRectificationCommand(body.violationIds, body.requirements, body.workingDays, ctxOf(p)),
    );
  }

  /** Marks orders past their deadline overdue (also run on a timer): black list and training ban follow. */
  @Post('sweep-overdue')
  @HttpCode(200)
  @Roles('approver', 'administrator')
  @Returns(z.object({ overdue: z.array(z.uuid()).describe('The orders this sweep marked overdue.') }))
  sweep() {
    return this.commands.execute(
      new SweepOverdueRectificationsCommand(currentContext()?.correlationId ?? 'sweep'),
    );
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles('institution-operator')
  @Returns(RectificationState)
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
  @Returns(RectificationState)
  verify(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Verification)) body: VerificationInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new VerifyRectificationCommand(id, body.passed, body.note, ctxOf(p)));
  }
}

const Proposal = z
  .object({
    violationIds: z.array(z.uuid()).min(1).max(50),
    type: z.enum(PENALTY_TYPE_KEYS),
    reasons: z.string().trim().min(2).max(4000),
    factsArticle: z.string().trim().max(300).optional(),
    fineFen: Fen.optional().describe('A fine’s amount, in fen (integer; 100 fen = 1 yuan).'),
    fineBasis: FineBasis.optional(),
    declaredIllegalIncomeFen: Fen.optional().describe(
      'Illegal income (违法所得) the inspector established, in fen (integer); the fee ledger’s figure wins.',
    ),
  })
  .meta({
    examples: [
      {
        violationIds: ['0b9e3c1e-5d7a-4f7e-9a51-2c4b8f6d1a20'],
        type: 'fine',
        reasons: '以“思维训练”名义变相开展学科类培训，经责令整改逾期未改正',
        factsArticle: '教育部令第53号 第十八条',
        fineFen: 5_000_000,
        fineBasis: { kind: 'disguised-subject-training', especiallySerious: false },
      },
    ],
  });
const Rejection = z.object({ reason: z.string().trim().min(2).max(2000) });
const FineQuestion = z.object({
  basis: FineBasis,
  licenseId: z.string().optional(),
  declaredIllegalIncomeFen: Fen.optional().describe(
    'Illegal income the inspector established, in fen (integer).',
  ),
});
/** The fine helper's answer: illegal income (when known) and the legal range of the fine. */
const FineAnswer = z.object({
  illegalIncome: z
    .object({
      fen: z
        .number()
        .int()
        .describe('Illegal income (违法所得), in fen (integer): released fees less refunds.'),
      source: z.enum(['fee-ledger', 'declared']),
    })
    .nullable()
    .describe('Null when neither the fee ledger nor the inspector gives a figure.'),
  range: FineRange,
});
/** One penalty type of 教育部令第53号 第五条. */
const PenaltyTypeInfo = z.object({
  type: z.enum(PENALTY_TYPE_KEYS),
  name: z.string(),
  article: z.string(),
  licenseAction: LicenseAction.describe('What a decided penalty of this type does to the license.'),
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
  @Returns(z.array(PenaltyTypeInfo))
  types() {
    return PENALTY_TYPE_KEYS.map((type) => ({ type, ...PENALTY_TYPES[type] }));
  }

  /** The fine helper: illegal income (fee ledger first) and the legal range of a fine. */
  @Post('fine-range')
  @HttpCode(200)
  @Roles('inspector', 'approver')
  @Returns(FineAnswer)
  @Refuses(404)
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
  @Returns(PenaltyState)
  propose(@Body(new ZodPipe(Proposal)) body: ProposalInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new ProposePenaltyCommand(body, ctxOf(p)));
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles('approver')
  @Returns(PenaltyState)
  decide(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new DecidePenaltyCommand(id, { decide: true }, ctxOf(p)));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('approver')
  @Returns(PenaltyState)
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
  @Returns(BlacklistEntryState)
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
  @Returns(BlacklistEntryState)
  remove(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Removal)) body: RemovalInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new RemoveFromBlacklistCommand(id, body.reason, ctxOf(p)));
  }
}
