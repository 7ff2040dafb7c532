import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import {
  CloseInspectionCommand,
  OpenInspectionCommand,
  RecordChecklistCommand,
  RecordViolationCommand,
  ScheduleInspectionCommand,
  ViolationTarget,
} from '../application/inspections';
import { ChecklistItem, InspectionState } from '../domain/inspection';
import { Evidence, Severity, VIOLATION_CODES, ViolationCode, ViolationState } from '../domain/violation';
import { ctxOf, READERS, READERS_AND_OPERATOR, RecordReads } from './http';

const Opening = z
  .object({ institutionId: z.string().min(1), detail: z.string().trim().min(2).max(1000) })
  .meta({
    examples: [
      {
        institutionId: '5f1c2a9e-3b7d-4c1a-8e2f-7a6b9c0d1e23',
        detail: '西湖区文三路某培训机构：家长反映周末开设初中数学超前培训，需现场核查',
      },
    ],
  });
const Scheduling = z.object({
  inspectorIds: z.array(z.string().min(1)).min(1).max(10),
  scheduledFor: IsoDate,
});
const Checklist = z.object({ items: z.array(ChecklistItem).min(1).max(100) });
const Closing = z.object({ findings: z.string().trim().min(1).max(4000) });
const ViolationDetails = z
  .object({
    code: ViolationCode,
    severity: Severity,
    description: z.string().trim().min(2).max(4000),
    evidence: z.array(Evidence).min(1).max(30),
  })
  .meta({
    examples: [
      {
        code: 'fees-charged-early',
        severity: 'serious',
        description: '一次性收取 6 个月学费 12,800 元，超出预收费 3 个月或 60 课时的上限',
        evidence: [
          {
            sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            contentType: 'image/jpeg',
            filename: '收费公示.jpg',
            takenAt: '2026-02-26T14:30:00+08:00',
            place: { address: '浙江省杭州市西湖区文三路 90 号', lat: 30.2788, lng: 120.1403 },
          },
        ],
      },
    ],
  });
const ViolationOutsideInspection = ViolationDetails.extend({
  institutionId: z.string().min(1).optional(),
  unlicensed: z
    .object({
      name: z.string().trim().min(2).max(200),
      address: z.string().trim().min(2).max(300),
      district: z.string().regex(/^CN(-[A-Z0-9]+){0,3}$/),
    })
    .optional(),
}).refine((v) => !!v.institutionId !== !!v.unlicensed, {
  message: 'either institutionId or unlicensed',
  path: ['institutionId'],
});
type OpeningInput = z.infer<typeof Opening>;
type SchedulingInput = z.infer<typeof Scheduling>;
type ChecklistInput = z.infer<typeof Checklist>;
type ClosingInput = z.infer<typeof Closing>;
type ViolationInput = z.infer<typeof ViolationDetails>;
type OutsideInput = z.infer<typeof ViolationOutsideInspection>;

/** Inspections: leads to schedule, assigned visits, the on-site checklist and violations. */
@Controller('inspections')
export class InspectionsController extends RecordReads('inspection', READERS, { history: true }) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Roles('approver', 'inspector')
  @Returns(InspectionState)
  open(@Body(new ZodPipe(Opening)) body: OpeningInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new OpenInspectionCommand(body.institutionId, body.detail, ctxOf(p)));
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Roles('approver', 'spot-check-planner')
  @Returns(InspectionState)
  schedule(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Scheduling)) body: SchedulingInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(
      new ScheduleInspectionCommand(id, body.inspectorIds, body.scheduledFor, ctxOf(p)),
    );
  }

  @Put(':id/checklist')
  @Roles('inspector')
  @Returns(InspectionState)
  checklist(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Checklist)) body: ChecklistInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new RecordChecklistCommand(id, body.items, ctxOf(p)));
  }

  @Post(':id/violations')
  @Roles('inspector')
  @Returns(ViolationState)
  violation(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(ViolationDetails)) body: ViolationInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new RecordViolationCommand({ inspectionId: id }, body, ctxOf(p)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('inspector')
  @Returns(InspectionState)
  close(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Closing)) body: ClosingInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new CloseInspectionCommand(id, body.findings, ctxOf(p)));
  }
}

/** Violations, also those logged outside a scheduled inspection (e.g. an unlicensed operator found on a tip). */
@Controller('violations')
export class ViolationsController extends RecordReads('violation', READERS_AND_OPERATOR) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  /** The code list of DOMAIN.md with the Chinese terms. */
  @Get('codes')
  @Roles(...READERS_AND_OPERATOR)
  @Returns(z.array(z.object({ code: ViolationCode, name: z.string().describe('The Chinese term.') })))
  codes() {
    return Object.entries(VIOLATION_CODES).map(([code, name]) => ({ code, name }));
  }

  @Post()
  @Roles('inspector')
  @Returns(ViolationState)
  record(
    @Body(new ZodPipe(ViolationOutsideInspection)) body: OutsideInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const { institutionId, unlicensed, ...details } = body;
    const target: ViolationTarget = unlicensed ? { unlicensed } : { institutionId: institutionId! };
    return this.commands.execute(new RecordViolationCommand(target, details, ctxOf(p)));
  }
}
