import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { z } from 'zod';
import { Actor, CATEGORIES, CHANNELS, COMPLAINT_KINDS } from '../../domain/vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a complainant (or an official recording a call) submits. */
export const ComplaintForm = z.object({
  kind: z.enum(COMPLAINT_KINDS).default('complaint'),
  category: z.enum(CATEGORIES),
  /**
   * A licensed institution by its license or by its id in the public directory, or an operator
   * without one as the complainant saw it.
   */
  subject: z.union([
    z.object({ licenseId: text(64) }),
    z.object({ institutionId: text(64) }),
    z.object({
      name: text(200),
      address: text(300),
      activity: text(500),
      district: z.string().regex(/^CN(-[A-Z0-9]+){3}$/, 'a district code such as CN-ZJ-HZ-XH'),
    }),
  ]),
  description: text(4000),
  /** Where it happens on a map (WGS-84), when the complainant placed it. */
  location: z.object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }).optional(),
  /** Absent for an anonymous tip (匿名举报). */
  contact: z
    .object({
      name: text(50),
      phone: z.string().regex(/^\+?[\d\s-]{7,20}$/, 'a phone number'),
    })
    .optional(),
});
export type ComplaintForm = z.infer<typeof ComplaintForm>;

export interface FiledReceipt {
  complaintId: string;
  trackingNumber: string;
  /** Shown once; only its hash is kept. */
  accessCode: string;
  /** Set when the complaint repeats an open one by the same complainant and was merged into it. */
  mergedInto?: string;
}

/** A file as the interface received it; intake stores it by hash before it files the complaint. */
export interface EvidenceUpload {
  content: Buffer;
  contentType: string;
}

/** How it came in, besides the form: all optional. */
export interface IntakeOptions {
  /** The Idempotency-Key of a submission: the same key files once. */
  idempotencyKey?: string;
  /** When it was received, if earlier than now (a recorded call, a hotline work order, demo data). */
  receivedAt?: Date;
  /** The hotline system that filed it through the GeoReport API. */
  intakeSystem?: string;
  evidence?: EvidenceUpload[];
}

export class FileComplaintCommand extends Command<FiledReceipt> {
  constructor(
    readonly form: ComplaintForm,
    readonly channel: (typeof CHANNELS)[number],
    readonly by: Actor,
    readonly origin: EventOrigin,
    readonly intake: IntakeOptions = {},
  ) {
    super();
  }
}
