import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Public } from '@otr/auth';
import { ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { publicView } from '../domain/privacy';
import { publicOrigin } from '../application/actor';
import { Acts } from '../application/act-on-complaint/act-on-complaint.command';
import { ActOnComplaintCommand } from '../application/act-on-complaint/act-on-complaint.command';
import { ComplaintForm, FileComplaintCommand } from '../application/file-complaint/file-complaint.command';
import { AccessGate } from '../application/track-complaint/access-gate';

/** Type-only names, so decorator metadata does not point at the zod schema values. */
type FormInput = ComplaintForm;
type RatingInput = z.infer<typeof Acts.rate>;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
const TRACKING_NUMBER = /^TS\d{8}-[0-9A-Z]{6}$/;

function trackingNumber(value: string): string {
  if (!TRACKING_NUMBER.test(value)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'ValidationFailed',
      message: 'trackingNumber: expected TSyyyymmdd-XXXXXX',
      issues: [{ field: 'trackingNumber', rule: 'expected TSyyyymmdd-XXXXXX' }],
    });
  }
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
  ) {}

  @Post()
  async file(@Body(new ZodPipe(ComplaintForm)) form: FormInput, @Headers('idempotency-key') key?: string) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'ValidationFailed',
        message: 'Idempotency-Key: 8–128 letters, digits, - or _',
        issues: [{ field: 'Idempotency-Key', rule: '8–128 letters, digits, - or _' }],
      });
    }
    const receipt = await this.commands.execute(
      new FileComplaintCommand(form, 'portal', { kind: 'public' }, publicOrigin(), key),
    );
    return {
      trackingNumber: receipt.trackingNumber,
      accessCode: receipt.accessCode,
      merged: !!receipt.mergedInto,
    };
  }

  @Get(':trackingNumber')
  async track(@Param('trackingNumber') number: string, @Headers('x-access-code') code?: string) {
    const { state } = await this.gate.open(trackingNumber(number), code);
    return publicView(state);
  }

  @Post(':trackingNumber/rating')
  @HttpCode(200)
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
