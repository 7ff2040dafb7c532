import { Command } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { z } from 'zod';
import { Actor, CATEGORIES, CHANNELS, COMPLAINT_KINDS } from '../../domain/vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a complainant (or an official recording a call) submits. */
export const ComplaintForm = z
  .object({
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
  })
  .meta({
    examples: [
      {
        kind: 'complaint',
        category: 'fees-refunds',
        subject: { institutionId: '3f6c1a52-8e4b-4c1d-9a7e-2b5d0c9e8f41' },
        description:
          '在西湖区某培训学校为孩子报了美术课，一次性预交 48 课时 2880 元，上了 6 次课后机构停课，申请退费至今未退。',
        location: { lat: 30.2781, long: 120.1315 },
        contact: { name: '张丽', phone: '13800571234' },
      },
      {
        kind: 'complaint',
        category: 'unlicensed',
        subject: {
          name: '学霸辅导工作室',
          address: '浙江省杭州市西湖区古墩路 88 号 1 单元 502 室',
          activity: '周末在居民楼内开办初中数学、英语学科类培训班',
          district: 'CN-ZJ-HZ-XH',
        },
        description: '每周六、日上午约 20 名初中生在此上课，门口张贴招生广告，未见办学许可证。',
      },
    ],
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
