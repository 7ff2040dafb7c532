import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { Public } from '@otr/auth';
import { Refuses, Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { FamilySession, FamilySignIn } from '../application/family-sign-in';
import { Lessons } from '../application/lessons';
import { FeesQueries } from '../application/queries';
import { Ratings } from '../application/ratings';
import { FamilyOrder, Fen, ListOf } from '../application/read-models';
import { Refunds } from '../application/refunds';
import { CurrentFamily, FamilyGuard, familyOrigin } from './http';

const Phone = z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number of 11 digits');
const CodeRequest = z.object({ phone: Phone });
const CodeAnswer = z.object({ phone: Phone, code: z.string().regex(/^\d{6}$/, 'six digits') });
const Dispute = z.object({ reason: z.string().trim().min(2).max(1000) });
const RefundAsk = z.object({ orderId: z.uuid(), reason: z.string().trim().min(2).max(1000) }).meta({
  examples: [
    { orderId: '7d2f4b1c-8e3a-4c5d-9f60-1a2b3c4d5e6f', reason: '孩子转学到外地，申请退还剩余课时费' },
  ],
});
const Rate = z.object({ orderId: z.uuid(), stars: z.number().int().min(1).max(5) });
/** A lesson answered: what the answer released from escrow (资金监管账户) to the institution. */
const LessonAnswer = z.object({
  status: z.enum(['confirmed', 'deemed-confirmed', 'disputed']),
  releasedFen: Fen('Released to the institution for the lesson (一课一消)'),
});
type CodeRequestInput = z.infer<typeof CodeRequest>;
type CodeAnswerInput = z.infer<typeof CodeAnswer>;
type DisputeInput = z.infer<typeof Dispute>;
type RefundAskInput = z.infer<typeof RefundAsk>;
type RateInput = z.infer<typeof Rate>;

/** Sign-in by phone and one-time code (家长端). The gateway maps /api/fee-supervision/public/* here. */
@Controller('public/family')
@Public()
export class FamilySignInController {
  constructor(private readonly signIn: FamilySignIn) {}

  @Post('sign-in/code')
  @HttpCode(202)
  @Returns(z.object({ expiresInSeconds: z.number().int().describe('How long the code is valid.') }))
  @Refuses(403)
  sendCode(@Body(new ZodPipe(CodeRequest)) body: CodeRequestInput) {
    return this.signIn.sendCode(body.phone);
  }

  @Post('sign-in')
  @HttpCode(200)
  @Returns(
    z.object({
      token: z.string().describe('The family token: send it as Authorization: Bearer or x-family-token.'),
      familyId: z.uuid(),
      expiresIn: z.string().describe("The token's lifetime, e.g. '30m'."),
    }),
  )
  @Refuses(403)
  verify(@Body(new ZodPipe(CodeAnswer)) body: CodeAnswerInput) {
    return this.signIn.verify(body.phone, body.code);
  }
}

/** What a signed-in family does: see its orders, confirm or dispute lessons, ask for a refund, rate the institution. */
@Controller('public/family')
@Public()
@UseGuards(FamilyGuard)
export class FamilyController {
  constructor(
    private readonly queries: FeesQueries,
    private readonly lessons: Lessons,
    private readonly refunds: Refunds,
    private readonly ratings: Ratings,
  ) {}

  @Get('orders')
  @Returns(ListOf(FamilyOrder))
  @Refuses(401)
  orders(@CurrentFamily() f: FamilySession) {
    return this.queries.familyOrders(f.familyId);
  }

  @Post('lessons/:id/confirm')
  @HttpCode(200)
  @Returns(LessonAnswer)
  @Refuses(401, 403)
  confirm(@Param('id', new UuidPipe()) id: string, @CurrentFamily() f: FamilySession) {
    return this.lessons.answer(f.familyId, id, { kind: 'confirmed' }, familyOrigin(f));
  }

  @Post('lessons/:id/dispute')
  @HttpCode(200)
  @Returns(LessonAnswer)
  @Refuses(401, 403)
  dispute(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Dispute)) body: DisputeInput,
    @CurrentFamily() f: FamilySession,
  ) {
    return this.lessons.answer(f.familyId, id, { kind: 'disputed', reason: body.reason }, familyOrigin(f));
  }

  @Post('refunds')
  @Returns(
    z.object({
      refundId: z.uuid(),
      answerBy: z.iso
        .date()
        .describe('The day by which the institution answers; silence counts as agreement.'),
    }),
  )
  @Refuses(401, 403, 404)
  requestRefund(@Body(new ZodPipe(RefundAsk)) body: RefundAskInput, @CurrentFamily() f: FamilySession) {
    return this.refunds.request(f.familyId, body.orderId, body.reason, familyOrigin(f));
  }

  /** One rating per order; rating it again replaces the rating. */
  @Post('ratings')
  @HttpCode(200)
  @Returns(
    z.object({
      orderId: z.uuid(),
      institutionId: z.uuid(),
      stars: z.number().int().min(1).max(5),
      ratedAt: z.iso.datetime(),
      institutionName: z.string(),
    }),
  )
  @Refuses(401, 403, 404)
  rate(@Body(new ZodPipe(Rate)) body: RateInput, @CurrentFamily() f: FamilySession) {
    return this.ratings.rate(f.familyId, body.orderId, body.stars, familyOrigin(f));
  }
}
