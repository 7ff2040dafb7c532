import { z } from 'zod';
import { Department, Role } from '@otr/auth';
import { ComplaintStatus } from '../domain/complaint';
import { CATEGORIES, CHANNELS, COMPLAINT_KINDS } from '../domain/vocabulary';

/**
 * What the complaints routes answer (issue #16), for the OpenAPI document and the tests' answer
 * check: the views of a complaint each kind of caller may see, and the receipts of its acts.
 */

const Kind = z.enum(COMPLAINT_KINDS).describe('consultation 咨询, help 求助, complaint 投诉');
const Category = z.enum(CATEGORIES);
const Colour = z
  .enum(['green', 'amber', 'red'])
  .describe('The SLA colour of the running deadline (红黄绿灯).');
const Deadline = z.object({
  stage: z.enum(['sign', 'answer']).describe('sign 签收 or answer 答复'),
  due: z.iso.date().describe('The last working day (Beijing time).'),
});
const HandlingUnit = z.object({ department: Department, role: Role.optional() });

/** The public steps of a complaint, for the complainant and the institution. */
const PublicTimeline = z.array(z.object({ at: z.iso.datetime(), step: z.string() }));

/** The receipt of a filed complaint: the access code is shown this once (only its hash is kept). */
export const FiledReceipt = z.object({
  trackingNumber: z
    .string()
    .regex(/^TS\d{8}-[0-9A-Z]{6}$/)
    .describe('受理编号, e.g. TS20261128-7K3M9Q.'),
  accessCode: z.string().describe('查询码: shown once, needed with the tracking number to follow it.'),
  merged: z
    .boolean()
    .describe('It repeated an open complaint of the same complainant and was merged into it.'),
});

/** The receipt of a complaint an official recorded. */
export const RecordedReceipt = z.object({
  complaintId: z.uuid(),
  trackingNumber: z.string(),
  accessCode: z.string().describe('查询码 to pass on to the caller: shown once.'),
  mergedInto: z.uuid().optional().describe('The open complaint it was merged into, when it repeated one.'),
});

/** An act's outcome: the complaint and the status it is in now. */
export const ActDone = z.object({ id: z.uuid(), status: ComplaintStatus });
export const RatingDone = z.object({ status: ComplaintStatus });

/** What the complainant sees with the access code (投诉人查询): progress, and the approved reply. */
export const PublicComplaintView = z.object({
  trackingNumber: z.string(),
  kind: Kind,
  category: Category,
  subject: z.object({ kind: z.enum(['licensed', 'unlicensed']), name: z.string(), district: z.string() }),
  status: ComplaintStatus,
  filedAt: z.iso.datetime(),
  answerBy: z.iso.date().optional().describe('The day the answer is due by (working days).'),
  lead: Department.optional().describe('The department handling it (承办部门).'),
  round: z.union([z.literal(1), z.literal(2)]).describe('2 after a "not satisfied" rating reopened it.'),
  evidenceFiles: z.number().int().nonnegative(),
  reply: z.string().optional().describe('The reply, once closed after the supervisor approved it.'),
  canRate: z.boolean(),
  timeline: PublicTimeline,
});

/** What the institution complained about sees (机构端): never who complained or the evidence. */
const InstitutionComplaintView = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  kind: Kind,
  category: Category,
  description: z.string().describe('As written, with phone, ID and email numbers masked.'),
  status: ComplaintStatus,
  filedAt: z.iso.datetime(),
  answerBy: z.iso.date().optional(),
  lead: Department.optional(),
  institutionReplies: z.array(z.object({ at: z.iso.datetime(), reply: z.string().optional() })),
  timeline: PublicTimeline,
});

const ActorView = z.union([
  z.object({
    kind: z.literal('official'),
    userId: z.string(),
    department: Department.optional(),
    roles: z.array(Role),
    jurisdiction: z.string(),
    supervisor: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('complainant') }),
  z.object({ kind: z.literal('institution'), institutionId: z.string() }),
  z.object({ kind: z.literal('public') }),
  z.object({ kind: z.literal('system') }),
]);

/** The officials' view (办理端): the whole record, the complainant as the caller may see them. */
const OfficialComplaintView = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  kind: Kind,
  category: Category,
  channel: z.enum(CHANNELS),
  subject: z.union([
    z.object({
      kind: z.literal('licensed'),
      institutionId: z.string(),
      licenseId: z.string(),
      name: z.string(),
      district: z.string(),
    }),
    z.object({
      kind: z.literal('unlicensed'),
      name: z.string(),
      address: z.string(),
      activity: z.string(),
      district: z.string(),
    }),
  ]),
  description: z.string(),
  evidence: z.array(z.object({ sha256: z.string(), contentType: z.string(), size: z.number().int() })),
  location: z.object({ lat: z.number(), long: z.number() }).optional(),
  intakeSystem: z.string().optional().describe('The 12345 hotline system that filed it.'),
  filedAt: z.iso.datetime(),
  status: ComplaintStatus,
  round: z.union([z.literal(1), z.literal(2)]),
  responsibility: z
    .object({
      district: z.string(),
      lead: HandlingUnit,
      coHandlers: z.array(HandlingUnit),
      pendingTransfer: z.object({ to: HandlingUnit, reason: z.string() }).loose().optional(),
    })
    .optional(),
  signBy: z.iso.date().optional(),
  answerBy: z.iso.date().optional(),
  pendingExtension: z.object({ workingDays: z.number().int(), reason: z.string() }).optional(),
  supervisedBy: z.string().optional().describe('The jurisdiction supervising after escalation (督办).'),
  missedDeadlines: z.array(z.string()),
  reply: z.string().optional(),
  ratings: z.array(z.object({ round: z.union([z.literal(1), z.literal(2)]), satisfied: z.boolean() })),
  mergedInto: z.string().optional(),
  duplicates: z.array(z.string()),
  actions: z
    .array(
      z.object({ action: z.string(), actor: ActorView, at: z.iso.datetime(), note: z.string().optional() }),
    )
    .describe('The append-only action log.'),
  complainant: z
    .union([
      z.object({ visibility: z.literal('anonymous') }),
      z.object({ visibility: z.literal('hidden') }),
      z.object({ visibility: z.literal('masked'), name: z.string(), phone: z.string() }),
      z.object({ visibility: z.literal('clear'), name: z.string(), phone: z.string() }),
    ])
    .describe('匿名, hidden, masked (张*, 138****5678), or clear for the handling officer.'),
  deadline: Deadline.nullable(),
  colour: Colour.nullable(),
  outcomes: z
    .array(
      z.object({
        penaltyId: z.string(),
        decisionNumber: z.string(),
        penaltyType: z.string(),
        decidedOn: z.iso.date(),
      }),
    )
    .describe('Penalties decided against the institution after this complaint.'),
});

export const ComplaintDetails = z.union([OfficialComplaintView, InstitutionComplaintView]);

/** The clear identity, opened for a recorded reason. */
export const ComplainantIdentity = z.object({ name: z.string(), phone: z.string() });

export const ComplaintStats = z.object({
  open: z.object({ green: z.number().int(), amber: z.number().int(), red: z.number().int() }),
  byDistrict: z.array(
    z.object({
      district: z.string(),
      green: z.number().int(),
      amber: z.number().int(),
      red: z.number().int(),
    }),
  ),
});

const Rate = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable().describe('count ÷ of, 0 to 1; null with nothing to count.'),
});
const Rates = z.object({
  complaints: z.number().int().nonnegative(),
  response: Rate.describe('响应率: sign deadlines met'),
  resolution: Rate.describe('解决率: closed and standing'),
  satisfaction: Rate.describe('满意率: ratings that said satisfied'),
});
export const RatesReport = z.object({
  by: z.enum(['department', 'district']),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  total: Rates,
  groups: z.array(Rates.extend({ key: z.string().describe('The department or district.') })),
});

// ─── Open311 GeoReport v2 (the standard's own shapes, snake_case, bare arrays) ───

/** GeoReport's refusal: an array of { code, description }, in application/json. */
export const GeoReportErrors = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .describe('GeoReport v2 errors: [{ code, description }] naming the parameter.');

/** A service (a complaint category) in GET services.json. */
export const GeoReportServices = z.array(
  z.object({
    service_code: z.enum(CATEGORIES),
    service_name: z.string().describe('收费退费, 安全隐患, …'),
    description: z.string(),
    metadata: z.boolean(),
    type: z.string(),
    keywords: z.string(),
    group: z.string(),
  }),
);

/** GET services/{code}.json: the attributes a work order of the category carries. */
export const GeoReportServiceDefinition = z.object({
  service_code: z.enum(CATEGORIES),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'text', 'singlevaluelist']),
      required: z.boolean(),
      datatype_description: z.null(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

/** A work order as GeoReport shows it (a service request). */
export const GeoReportRequest = z.object({
  service_request_id: z.string().describe('受理编号 (the tracking number).'),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.enum(CATEGORIES),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string().describe('W3C date-time at +08:00.'),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.null(),
});
export const GeoReportRequests = z.array(GeoReportRequest);

/** The receipt of POST requests.json. */
export const GeoReportReceipts = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string(),
    account_id: z.null(),
  }),
);
