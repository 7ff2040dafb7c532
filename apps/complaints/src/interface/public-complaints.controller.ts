import {
  BadRequestException,
  Body,
  CallHandler,
  ExecutionContext,
  mixin,
  NestInterceptor,
  Type,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Observable } from 'rxjs';
import { FilesInterceptor } from '@nestjs/platform-express';
import { Public } from '@otr/auth';
import { domainProblem, ProblemException, Refuses, Returns, validationFailed, ZodPipe } from '@otr/runtime';
import { FiledReceipt, PublicComplaintView, RatingDone } from './answers';
import { z } from 'zod';
import type { Request } from 'express';
import { UploadQuota, UploadQuotaExceeded } from '@otr/storage';
import { EVIDENCE_LIMITS } from '../domain/evidence';
import { UPLOAD_QUOTA } from '../application/tokens';
import { publicView } from '../domain/privacy';
import { publicOrigin } from '../application/actor';
import { Acts } from '../application/act-on-complaint/act-on-complaint.command';
import { ActOnComplaintCommand } from '../application/act-on-complaint/act-on-complaint.command';
import { ComplaintForm, FileComplaintCommand } from '../application/file-complaint/file-complaint.command';
import { AccessGate } from '../application/track-complaint/access-gate';

/** Type-only names, so decorator metadata does not point at the zod schema values. */
type RatingInput = z.infer<typeof Acts.rate>;

/** The part of a multer file intake reads. */
interface UploadedPart {
  buffer: Buffer;
  mimetype: string;
}

const refuse = (field: string, rule: string) => validationFailed([{ field, rule }]);

/**
 * The complaint as JSON, or as multipart/form-data with the form in a `complaint` part (JSON) and
 * the evidence files in `evidence` parts.
 */
function complaintOf(body: unknown): ComplaintForm {
  const part = (body as { complaint?: unknown } | undefined)?.complaint;
  if (typeof part !== 'string') return new ZodPipe(ComplaintForm).transform(body);
  try {
    return new ZodPipe(ComplaintForm).transform(JSON.parse(part));
  } catch (error) {
    if (error instanceof SyntaxError) throw refuse('complaint', 'the complaint part is JSON');
    throw error;
  }
}

/**
 * Who is uploading: the address the gateway saw (it sets x-otr-client, replacing any the client
 * sent), or the connection's own address when called directly.
 */
const clientOf = (req: Request): string => {
  const forwarded = req.headers['x-otr-client'];
  return (typeof forwarded === 'string' && forwarded) || req.ip || req.socket.remoteAddress || 'unknown';
};

/**
 * FilesInterceptor whose 400 for a body multer cannot read (cut off, no boundary) names the form,
 * where multer's said only "Multipart: Unexpected end of form". Its other refusals pass unchanged.
 */
function NamedFilesInterceptor(...args: Parameters<typeof FilesInterceptor>): Type<NestInterceptor> {
  class Named extends FilesInterceptor(...args) {
    override async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(ctx, next);
      } catch (error) {
        if (!(error instanceof BadRequestException)) throw error;
        throw refuse('complaint', `a complete multipart/form-data body (${error.message})`);
      }
    }
  }
  return mixin(Named);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
const TRACKING_NUMBER = /^TS\d{8}-[0-9A-Z]{6}$/;

function trackingNumber(value: string): string {
  if (!TRACKING_NUMBER.test(value)) throw refuse('trackingNumber', 'expected TSyyyymmdd-XXXXXX');
  return value;
}

/**
 * The public side (no sign-in; the gateway maps /api/complaints/public/* here): file a complaint
 * or tip, follow it with the tracking number and access code, and rate the result.
 */
@Controller('public/complaints')
@Public()
export class PublicComplaintsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly gate: AccessGate,
    @Inject(UPLOAD_QUOTA) private readonly quota: UploadQuota,
  ) {}

  @Post()
  @Returns(FiledReceipt)
  // The form is read by the handler (JSON, or multipart with evidence files), not by a pipe.
  @Refuses(400, 413, 415)
  // One file more than allowed, and one byte over the limit, so intake refuses with the field and rule.
  @UseInterceptors(
    NamedFilesInterceptor('evidence', EVIDENCE_LIMITS.files + 1, {
      limits: { fileSize: EVIDENCE_LIMITS.maxBytes + 1, files: EVIDENCE_LIMITS.files + 1 },
    }),
  )
  async file(
    @Body() body: unknown,
    @UploadedFiles() files: UploadedPart[] | undefined,
    @Req() req: Request,
    @Headers('idempotency-key') key?: string,
  ) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw refuse('Idempotency-Key', '8–128 letters, digits, - or _');
    const form = complaintOf(body);
    if (files?.length) this.charge(clientOf(req), files);
    const evidence = (files ?? []).map((f) => ({ content: f.buffer, contentType: f.mimetype }));
    const receipt = await this.commands.execute(
      new FileComplaintCommand(form, 'portal', { kind: 'public' }, publicOrigin(), {
        idempotencyKey: key,
        evidence,
      }),
    );
    return {
      trackingNumber: receipt.trackingNumber,
      accessCode: receipt.accessCode,
      merged: !!receipt.mergedInto,
    };
  }

  /** The client's share of uploads: over it, 429 with Retry-After, before anything is stored. */
  private charge(client: string, files: UploadedPart[]): void {
    try {
      this.quota.charge(
        client,
        files.length,
        files.reduce((n, f) => n + f.buffer.length, 0),
      );
    } catch (error) {
      if (!(error instanceof UploadQuotaExceeded)) throw error;
      throw new ProblemException({
        ...domainProblem(error),
        status: 429,
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
  }

  @Get(':trackingNumber')
  @Returns(PublicComplaintView)
  // The tracking number's own access code (查询码, X-Access-Code) opens it: a wrong one is a 403.
  @Refuses(403)
  async track(@Param('trackingNumber') number: string, @Headers('x-access-code') code?: string) {
    const { state } = await this.gate.open(trackingNumber(number), code);
    return publicView(state);
  }

  @Post(':trackingNumber/rating')
  @HttpCode(200)
  @Returns(RatingDone)
  @Refuses(403)
  async rate(
    @Param('trackingNumber') number: string,
    @Body(new ZodPipe(Acts.rate)) body: RatingInput,
    @Headers('x-access-code') code?: string,
  ) {
    const { state } = await this.gate.open(trackingNumber(number), code);
    const { status } = await this.commands.execute(
      new ActOnComplaintCommand(state.id, { type: 'rate', ...body }, { kind: 'complainant' }, publicOrigin()),
    );
    return { status };
  }
}
