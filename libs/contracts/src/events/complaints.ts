import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';
import { IsoDate } from './common';

const topic = Topics.complaints;

// No event carries the complainant's name, phone or any text they wrote (description, comments):
// other contexts, logs and the institution's timeline read these. The complaint is referred to by
// its id and public tracking number.

const Stage = z.enum(['sign', 'answer']);
/** A department, or one role inside it (the education bureau's fund supervisors). */
const Unit = z.object({ department: z.string(), role: z.string().optional() });
const complaint = { complaintId: z.string(), trackingNumber: z.string() };

/** Repeated complaints against one institution within the rulebook's window: inspection schedules a visit. */
export const RepeatComplaintsFlagged = defineEvent({
  type: 'complaints.RepeatComplaintsFlagged',
  version: 1,
  topic,
  payload: z.object({
    subjectName: z.string().min(1),
    licenseId: z.string().optional(),
    district: z.string(),
    count: z.number().int().positive(),
    withinDays: z.number().int().positive(),
    complaintIds: z.array(z.string()).min(1),
  }),
});

/** Accepted (受理) from the portal, the console or the 12345 hotline. */
export const ComplaintFiled = defineEvent({
  type: 'complaints.ComplaintFiled',
  version: 1,
  topic,
  payload: z.object({
    ...complaint,
    kind: z.enum(['consultation', 'help', 'complaint']),
    category: z.string(),
    channel: z.string(),
    subject: z.object({
      kind: z.enum(['licensed', 'unlicensed']),
      licenseId: z.string().optional(),
      name: z.string().min(1),
      district: z.string(),
    }),
    anonymous: z.boolean(),
    answerBy: IsoDate,
  }),
});

/** A tip about an operator without a license (无证无照): inspection opens a task to find it. */
export const UnlicensedOperatorReported = defineEvent({
  type: 'complaints.UnlicensedOperatorReported',
  version: 1,
  topic,
  payload: z.object({
    ...complaint,
    operatorName: z.string().min(1),
    address: z.string().min(1),
    activity: z.string().min(1),
    district: z.string(),
  }),
});

/** Dispatched (派单) to the district's lead department and co-handlers. */
export const ComplaintRouted = defineEvent({
  type: 'complaints.ComplaintRouted',
  version: 1,
  topic,
  payload: z.object({
    ...complaint,
    district: z.string(),
    lead: Unit,
    coHandlers: z.array(Unit),
    signBy: IsoDate,
  }),
});

export const ComplaintSigned = defineEvent({
  type: 'complaints.ComplaintSigned',
  version: 1,
  topic,
  payload: z.object({ ...complaint, department: z.string() }),
});

/** The receiving department accepted a transfer (转办) and now leads. */
export const ComplaintTransferred = defineEvent({
  type: 'complaints.ComplaintTransferred',
  version: 1,
  topic,
  payload: z.object({ ...complaint, from: Unit, to: Unit }),
});

/** The lead replied (答复); the reply waits for the supervisor. */
export const ComplaintAnswered = defineEvent({
  type: 'complaints.ComplaintAnswered',
  version: 1,
  topic,
  payload: z.object({ ...complaint, department: z.string(), round: z.number().int().min(1).max(2) }),
});

/** The supervisor approved the reply (办结). */
export const ComplaintClosed = defineEvent({
  type: 'complaints.ComplaintClosed',
  version: 1,
  topic,
  payload: z.object({ ...complaint, round: z.number().int().min(1).max(2) }),
});

export const ComplaintRated = defineEvent({
  type: 'complaints.ComplaintRated',
  version: 1,
  topic,
  payload: z.object({ ...complaint, satisfied: z.boolean(), round: z.number().int().min(1).max(2) }),
});

/** "Not satisfied" in the first round: handled once more, with fresh deadlines. */
export const ComplaintReopened = defineEvent({
  type: 'complaints.ComplaintReopened',
  version: 1,
  topic,
  payload: z.object({ ...complaint, signBy: IsoDate, answerBy: IsoDate }),
});

/** A supervisor granted more working days to answer (延期). */
export const ComplaintExtended = defineEvent({
  type: 'complaints.ComplaintExtended',
  version: 1,
  topic,
  payload: z.object({ ...complaint, workingDays: z.number().int().positive(), answerBy: IsoDate }),
});

/** A working-day deadline was missed (超期); emitted once per deadline. */
export const SlaBreached = defineEvent({
  type: 'complaints.SlaBreached',
  version: 1,
  topic,
  payload: z.object({
    ...complaint,
    stage: Stage,
    deadline: IsoDate,
    district: z.string(),
    lead: Unit.optional(),
  }),
});

/** Supervision moved one level up (升级督办) for a missed deadline. */
export const ComplaintEscalated = defineEvent({
  type: 'complaints.ComplaintEscalated',
  version: 1,
  topic,
  payload: z.object({ ...complaint, to: z.string(), stage: Stage, deadline: IsoDate }),
});

/** A repeat folded into an earlier complaint about the same subject (重复件合并). */
export const ComplaintMerged = defineEvent({
  type: 'complaints.ComplaintMerged',
  version: 1,
  topic,
  payload: z.object({ ...complaint, into: z.string() }),
});

/** complaints integration events; add each new one here. */
export const complaintsEvents: EventDefinition[] = [
  RepeatComplaintsFlagged,
  ComplaintFiled,
  UnlicensedOperatorReported,
  ComplaintRouted,
  ComplaintSigned,
  ComplaintTransferred,
  ComplaintAnswered,
  ComplaintClosed,
  ComplaintRated,
  ComplaintReopened,
  ComplaintExtended,
  SlaBreached,
  ComplaintEscalated,
  ComplaintMerged,
];
