import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles } from '@otr/auth';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { ActDone, ComplainantIdentity, ComplaintDetails, RecordedReceipt } from './answers';
import { z } from 'zod';
import { actorOf, HANDLER_ROLES, originOf } from '../application/actor';
import {
  ActName,
  Acts,
  ActOnComplaintCommand,
  Act,
} from '../application/act-on-complaint/act-on-complaint.command';
import {
  ComplaintDetailsQuery,
  RevealComplainantQuery,
} from '../application/complaint-details/complaint-details';
import { EvidenceFileQuery } from '../application/complaint-details/evidence-file';
import { ComplaintForm, FileComplaintCommand } from '../application/file-complaint/file-complaint.command';
import { QueueFilter } from '../application/ports';
import { WorkQueuePage, WorkQueueQuery } from '../application/work-queue/work-queue.query';

/** An official recording a call (console) or a 12345 work order, possibly received earlier. */
const RecordedComplaint = ComplaintForm.extend({
  channel: z.enum(['console', 'hotline-12345']).default('console'),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
type RecordedInput = z.infer<typeof RecordedComplaint>;
type FilterInput = QueueFilter;
const ActParam = z.enum(Object.keys(Acts) as [ActName, ...ActName[]]);

/** Why an official opens a complainant's identity: recorded with who and when. */
const RevealReason = z.object({ reason: z.string().trim().min(2).max(200) });
type RevealReasonInput = z.infer<typeof RevealReason>;

/** The officials' and institutions' side of the loop (behind the gateway at /api/complaints/complaints). */
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Returns(WorkQueuePage)
  @Roles(...OFFICIAL_ROLES, 'institution-operator')
  queue(@Query(new ZodPipe(QueueFilter)) filter: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.execute(new WorkQueueQuery(filter, p));
  }

  @Post()
  @Returns(RecordedReceipt)
  @Roles(...HANDLER_ROLES)
  async record(@Body(new ZodPipe(RecordedComplaint)) body: RecordedInput, @CurrentPrincipal() p: Principal) {
    const { channel, receivedAt, ...form } = body;
    return this.commands.execute(
      new FileComplaintCommand(form, channel, actorOf(p), originOf(p), {
        ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}),
      }),
    );
  }

  @Get(':id')
  @Returns(ComplaintDetails)
  @Roles(...OFFICIAL_ROLES, 'institution-operator')
  details(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ComplaintDetailsQuery(id, p));
  }

  /**
   * The clear name and phone, for the handling officer and their supervisor; each call is recorded
   * with its reason (`?reason=`, required: 为何需要联系投诉人).
   */
  @Get(':id/complainant')
  @Returns(ComplainantIdentity)
  @Roles(...HANDLER_ROLES)
  complainant(
    @Param('id', new UuidPipe()) id: string,
    @Query(new ZodPipe(RevealReason)) q: RevealReasonInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.queries.execute(new RevealComplainantQuery(id, p, q.reason));
  }

  /** An evidence file the complainant attached, for the officials over the complaint's district. */
  @Get(':id/evidence/:sha256')
  @Returns({
    mediaType: 'application/octet-stream',
    description: 'The evidence file as the complainant sent it (a photo or a PDF), in its own content type.',
  })
  @Roles(...OFFICIAL_ROLES)
  async evidence(
    @Param('id', new UuidPipe()) id: string,
    @Param('sha256') sha256: string,
    @CurrentPrincipal() p: Principal,
  ) {
    const { file, stream } = await this.queries.execute(new EvidenceFileQuery(id, sha256, p));
    return new StreamableFile(stream, {
      type: file.contentType,
      length: file.size,
      disposition: 'inline',
    });
  }

  /** Every act of the loop: sign, note, transfer, accept-transfer, refuse-transfer, reply, approve, send-back,
   *  call-back, rate, request-extension, grant-extension, refuse-extension, merge, institution-reply. */
  @Post(':id/:act')
  @HttpCode(200)
  @Returns(ActDone)
  @Roles(...HANDLER_ROLES, 'institution-operator')
  act(
    @Param('id', new UuidPipe()) id: string,
    @Param('act', new ZodPipe(ActParam)) name: ActName,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
  ) {
    const input = new ZodPipe(Acts[name]).transform(body ?? {});
    const act = { ...input, type: name } as Act;
    return this.commands.execute(new ActOnComplaintCommand(id, act, actorOf(p), originOf(p)));
  }
}
