import {
  Body,
  Controller,
  DynamicModule,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '@otr/auth';
import { DeadLetter, RedriveResult, SqlClient } from '@otr/messaging';
import { Refuses, Returns } from './api-operations';
import { AfterCursor, encodeCursor, KeysetEnvelope, ListEnvelope } from './lists';
import { ServiceEvents } from './service-events';
import { UuidPipe, ZodPipe } from './validation';

const ConsumerName = z.string().trim().min(1).max(100).describe('The consumer that refused it.');
const EventType = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('The event type, such as inspection.PenaltyDecided.');
const Outcome = z.enum(['applied', 'duplicate', 'ignored', 'refused']);

const DeadLetterQuery = z.object({
  consumer: ConsumerName.optional(),
  type: EventType.optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: only those still to be worked (never redriven, or refused again).'),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  after: AfterCursor.optional().refine(
    (c) => !c || (!Number.isNaN(Date.parse(c[0])) && z.uuid().safeParse(c[1]).success),
    'not a cursor this list returned as nextCursor',
  ),
});

const RedriveFilter = z
  .object({
    consumer: ConsumerName.optional(),
    type: EventType.optional(),
    ids: z
      .array(z.uuid())
      .min(1)
      .max(200)
      .optional()
      .describe('These dead letters, open or not (the console’s “redrive all shown”).'),
  })
  .describe('Which dead letters to redrive: the ids given, or every open one matching; {} is all open.');

const DeadLetterView = z.object({
  id: z.uuid(),
  consumer: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  eventType: z.string().nullable().describe('Null when the payload is not a readable event.'),
  payload: z.string().describe('The message value exactly as it was received.'),
  headers: z.record(z.string(), z.string()),
  error: z.string().describe('The latest refusal: the first, or a redrive’s refused again.'),
  attempts: z.number().int(),
  deadLetteredAt: z.iso.datetime(),
  redrivenAt: z.iso.datetime().nullable(),
  redriveOutcome: Outcome.nullable().describe('Null until redriven; refused means it is still open.'),
});

const RedriveView = z.object({
  id: z.uuid(),
  outcome: Outcome,
  error: z.string().optional().describe('The new refusal, when refused again.'),
});

const RedriveSummary = ListEnvelope(RedriveView).extend({
  // Each outcome by name (a record keyed by the enum documents as properties no linter can see).
  counts: z.object(
    Object.fromEntries(Outcome.options.map((o) => [o, z.number().int().nonnegative()])) as Record<
      z.infer<typeof Outcome>,
      z.ZodNumber
    >,
  ),
});

const view = (d: DeadLetter): z.infer<typeof DeadLetterView> => ({
  ...d,
  deadLetteredAt: d.deadLetteredAt.toISOString(),
  redrivenAt: d.redrivenAt?.toISOString() ?? null,
});

/**
 * The events this service's consumers refused, for administrators: listed, then redriven through
 * the consumer that refused them once their cause is fixed (docs/operations.md, Dead letters).
 */
@Controller('dead-letters')
@Roles('administrator')
export class DeadLettersController {
  constructor(@Inject(ServiceEvents) private readonly events: ServiceEvents<SqlClient>) {}

  /** Newest first; `after` continues from a page's nextCursor. */
  @Get()
  @Returns(KeysetEnvelope(DeadLetterView))
  async list(@Query(new ZodPipe(DeadLetterQuery)) q: z.infer<typeof DeadLetterQuery>) {
    const page = await this.events.deadLetters.list(
      { consumer: q.consumer, eventType: q.type, openOnly: q.open },
      { size: q.pageSize, after: q.after },
    );
    return {
      items: page.items.map(view),
      total: page.total,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  @Post('redrive')
  @HttpCode(200)
  @Returns(RedriveSummary)
  async redriveMatching(@Body(new ZodPipe(RedriveFilter)) f: z.infer<typeof RedriveFilter>) {
    const results = f.ids
      ? await this.redriveEach(f.ids)
      : await this.events.deadLetters.redriveMatching({ consumer: f.consumer, eventType: f.type });
    return summary(results);
  }

  @Post(':id/redrive')
  @HttpCode(200)
  @Returns(RedriveView)
  @Refuses(404)
  async redrive(@Param('id', new UuidPipe()) id: string) {
    const result = await this.events.deadLetters.redrive(id);
    if (!result) throw new NotFoundException('no such dead letter');
    return result;
  }

  private async redriveEach(ids: string[]): Promise<RedriveResult[]> {
    const results: RedriveResult[] = [];
    for (const id of ids) {
      const result = await this.events.deadLetters.redrive(id);
      if (result) results.push(result);
    }
    return results;
  }
}

const summary = (results: RedriveResult[]) => {
  const counts = { applied: 0, duplicate: 0, ignored: 0, refused: 0 };
  for (const r of results) counts[r.outcome]++;
  return { items: results, total: results.length, counts };
};

/**
 * The service's module with the dead-letter routes added when it has event consumers (it provides
 * ServiceEvents): one implementation, in every service that can refuse an event.
 */
export function withDeadLetters(module: DynamicModule): DynamicModule {
  const hasEvents = (module.providers ?? []).some(
    (p) => p === ServiceEvents || (typeof p === 'object' && 'provide' in p && p.provide === ServiceEvents),
  );
  if (!hasEvents) return module;
  return { ...module, controllers: [...(module.controllers ?? []), DeadLettersController] };
}
