import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Refuses, Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { Lessons } from '../application/lessons';
import { PlaceOrderCommand } from '../application/orders';
import { FeesQueries, scopeOf } from '../application/queries';
import { CourseRow, FeeOrderView, Fen, LessonRow, ListOf, RefundView } from '../application/read-models';
import { Refunds } from '../application/refunds';
import { originOf, Paging } from './http';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const OrderBody = z
  .object({
    courseId: z.string().min(1),
    familyPhone: z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number of 11 digits'),
    studentName: z.string().trim().min(1).max(50),
    hours: z.number().int().positive(),
    giftHours: z.number().int().min(0).optional(),
    months: z.number().int().positive().optional(),
    classSize: z.number().int().positive().optional(),
    amountFen: z.number().int().positive(),
    courseStartsOn: IsoDate,
    payment: z
      .object({
        into: z.enum(['supervised-account', 'other-account']),
        method: z.enum(['direct', 'training-loan']),
      })
      .default({ into: 'supervised-account', method: 'direct' }),
  })
  .meta({
    examples: [
      {
        courseId: 'course-xh-art-01',
        familyPhone: '13812345678',
        studentName: '王小明',
        hours: 48,
        classSize: 12,
        amountFen: 576_000,
        courseStartsOn: '2026-03-07',
        payment: { into: 'supervised-account', method: 'direct' },
      },
    ],
  });
const LessonBody = z
  .object({
    orderId: z.uuid(),
    date: IsoDate,
    start: HHMM,
    durationMinutes: z.number().int().positive().max(600),
    mode: z.enum(['online', 'offline']),
    hours: z.number().int().positive(),
    students: z.number().int().positive(),
  })
  .meta({
    examples: [
      {
        orderId: '7d2f4b1c-8e3a-4c5d-9f60-1a2b3c4d5e6f',
        date: '2026-03-07',
        start: '09:00',
        durationMinutes: 90,
        mode: 'offline',
        hours: 2,
        students: 12,
      },
    ],
  });
const Answer = z.object({ reason: z.string().trim().min(2).max(1000) });
const Note = z.object({ note: z.string().trim().min(2).max(2000) });
const ListFilter = z.object({
  institutionId: z.uuid().optional(),
  status: z.string().max(40).optional(),
  orderId: z.uuid().optional(),
  ...Paging,
});
/** An order placed: what the family pays, into which supervised account (资金监管账户). */
const OrderPlaced = z.object({
  orderId: z.uuid(),
  status: z.literal('awaiting-payment'),
  amountFen: Fen('The prepaid fee (预收费) to pay'),
  payInto: z.string().describe('The supervised account number the family pays into.'),
});
const LessonRecorded = z.object({
  lessonId: z.uuid(),
  confirmBy: z.iso.date().describe('After this day silence counts as confirmation (视为确认).'),
  violations: z
    .array(
      z.object({
        code: z.string(),
        field: z.string().optional(),
        rule: z.string().optional(),
        source: z.string().optional(),
      }),
    )
    .describe('Training-time rules the lesson broke (reported to inspection), each with its source.'),
});
const RefundAnswered = z.union([
  z.object({ status: z.literal('disputed') }),
  z.object({ status: z.literal('agreed'), payBy: z.iso.date() }),
]);
const RefundPaid = z.object({ status: z.literal('paid'), amountFen: Fen('The refund paid') });
type OrderInput = z.infer<typeof OrderBody>;
type LessonInput = z.infer<typeof LessonBody>;
type AnswerInput = z.infer<typeof Answer>;
type NoteInput = z.infer<typeof Note>;
type FilterInput = z.infer<typeof ListFilter>;

const operatorOf = (p: Principal): string => {
  if (!p.institutionId)
    throw new ForbiddenException('an institution operator acts for their own institution');
  return p.institutionId;
};

/** Orders (收费) and courses: taken by the institution, seen by it and by the fund supervisor. */
@Controller()
export class OrdersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: FeesQueries,
  ) {}

  @Post('orders')
  @Roles('institution-operator')
  @Returns(OrderPlaced)
  @Refuses(404)
  place(@Body(new ZodPipe(OrderBody)) body: OrderInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new PlaceOrderCommand(operatorOf(p), body, originOf(p)));
  }

  @Get('orders')
  @Roles('fund-supervisor', 'institution-operator', 'viewer')
  @Returns(ListOf(FeeOrderView))
  list(@Query(new ZodPipe(ListFilter)) f: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.orders(scopeOf(p), f);
  }

  @Get('courses')
  @Roles('fund-supervisor', 'institution-operator')
  @Returns(ListOf(CourseRow))
  courses(@Query(new ZodPipe(ListFilter)) f: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.courses(scopeOf(p), f.institutionId);
  }
}

/** Lessons (课消): recorded by the institution; the family answers on the portal. */
@Controller('lessons')
export class LessonsController {
  constructor(
    private readonly lessons: Lessons,
    private readonly queries: FeesQueries,
  ) {}

  @Post()
  @Roles('institution-operator')
  @Returns(LessonRecorded)
  @Refuses(404)
  record(@Body(new ZodPipe(LessonBody)) body: LessonInput, @CurrentPrincipal() p: Principal) {
    return this.lessons.record(operatorOf(p), body, originOf(p));
  }

  @Get()
  @Roles('fund-supervisor', 'institution-operator', 'viewer')
  @Returns(ListOf(LessonRow))
  list(@Query(new ZodPipe(ListFilter)) f: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.lessons(scopeOf(p), f);
  }
}

/** Refunds (退费): the institution answers, the fund supervisor orders and pays. */
@Controller('refunds')
export class RefundsController {
  constructor(
    private readonly refunds: Refunds,
    private readonly queries: FeesQueries,
  ) {}

  @Get()
  @Roles('fund-supervisor', 'institution-operator', 'viewer')
  @Returns(ListOf(RefundView))
  list(@Query(new ZodPipe(ListFilter)) f: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.refunds(scopeOf(p), f);
  }

  @Post(':id/agree')
  @HttpCode(200)
  @Roles('institution-operator')
  @Returns(RefundAnswered)
  agree(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.refunds.answer(operatorOf(p), id, { kind: 'agreed' }, originOf(p));
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Roles('institution-operator')
  @Returns(RefundAnswered)
  dispute(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Answer)) body: AnswerInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.refunds.answer(operatorOf(p), id, { kind: 'disputed', reason: body.reason }, originOf(p));
  }

  @Post(':id/order')
  @HttpCode(200)
  @Roles('fund-supervisor')
  @Returns(RefundPaid)
  async order(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Note)) body: NoteInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.inScope(p, id);
    return this.refunds.order(id, body.note, originOf(p));
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Roles('fund-supervisor')
  @Returns(RefundPaid)
  async pay(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    await this.inScope(p, id);
    return this.refunds.pay(id, { supervisor: true }, originOf(p));
  }

  private async inScope(p: Principal, refundId: string) {
    const refund = await this.queries.refundById(refundId);
    await this.queries.visible(scopeOf(p), refund.institutionId);
  }
}
