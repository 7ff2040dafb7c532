/**
 * The pure half of the complaint screens: which acts a complaint offers the signed-in user, the
 * bodies the complaints service expects, and the vocabulary the screens translate. It mirrors the
 * complaint domain (apps/complaints/src/domain/complaint.ts, routing.ts) and the controller's
 * roles (application/actor.ts); the service decides again on every request, this only keeps the
 * console from offering what would be refused. No react-admin import, so jest loads it.
 */
import { Department } from '@otr/auth/browser';
import { covers } from '../i18n/jurisdictions';

export const COMPLAINT_STATUSES = [
  'accepted',
  'routed',
  'signed',
  'handling',
  'replied',
  'closed',
  'called-back',
  'rated',
  'merged',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Green: on time; amber: inside the reminder window (临期); red: overdue (超期). */
export const SLA_COLOURS = ['green', 'amber', 'red'] as const;
export type SlaColour = (typeof SLA_COLOURS)[number];
/** Supervisors' replies to review and extensions to decide; a department's transfers to answer. */
export const AWAITING = ['review', 'extension', 'transfer'] as const;
export const KINDS = ['consultation', 'help', 'complaint'] as const;
export const CATEGORIES = [
  'fees-refunds',
  'safety',
  'teaching-content-times',
  'staff',
  'advertising',
  'unlicensed',
  'other',
] as const;
/** The channels an official records: a call taken in the console, or a 12345 work order. */
export const RECORDED_CHANNELS = ['console', 'hotline-12345'] as const;

export interface Unit {
  department: string;
  role?: string;
}

export interface LoggedAction {
  action: string;
  actor: { kind: string; userId?: string; department?: string; roles?: string[]; institutionId?: string };
  at: string;
  note?: string;
}

export interface EvidenceFile {
  sha256: string;
  contentType: string;
  size: number;
}

/** Where an evidence file is opened (through the gateway, with the session). */
export const evidenceUrl = (complaintId: string, file: EvidenceFile) =>
  `/api/complaints/complaints/${encodeURIComponent(complaintId)}/evidence/${file.sha256}`;

/** Photo 1, PDF 2 …: the file's own name is not kept (it can name the complainant). */
export const evidenceLabel = (file: EvidenceFile, n: number): { key: string; n: number } => ({
  key:
    file.contentType === 'application/pdf' ? 'otr.complaints.evidence.pdf' : 'otr.complaints.evidence.image',
  n,
});

/** A complaint as GET /complaints/:id answers: the officials' view, or the institution's (fewer fields). */
export interface ComplaintRecord {
  id: string;
  trackingNumber: string;
  kind: string;
  category: string;
  channel?: string;
  status: ComplaintStatus;
  round?: number;
  description?: string;
  filedAt: string;
  subject?: {
    kind: 'licensed' | 'unlicensed';
    name: string;
    district: string;
    institutionId?: string;
    licenseId?: string;
    address?: string;
    activity?: string;
  };
  responsibility?: {
    district: string;
    lead: Unit;
    coHandlers: Unit[];
    pendingTransfer?: { to: Unit; reason: string; requestedAt: string };
  };
  pendingExtension?: { workingDays: number; reason: string };
  supervisedBy?: string;
  signBy?: string;
  answerBy?: string;
  reply?: string;
  complainant?: { visibility: 'anonymous' | 'hidden' | 'masked' | 'clear'; name?: string; phone?: string };
  /** The files the complainant attached (officials' view only), by SHA-256. */
  evidence?: EvidenceFile[];
  actions?: LoggedAction[];
  deadline?: { stage: string; due: string } | null;
  colour?: SlaColour | null;
  /** The institution's view: the lead department, the public steps and its own statements instead of the log. */
  lead?: string;
  timeline?: { at: string; step: string }[];
  institutionReplies?: { at: string; reply: string }[];
}

/** The signed-in user as the session holds them. */
export interface Viewer {
  userId: string;
  roles: readonly string[];
  department?: string;
  jurisdiction: string;
  institutionId?: string;
}

/** The acts of the loop, in the order the buttons show; each is POST /complaints/:id/<act>. */
export const ACTS = [
  'sign',
  'accept-transfer',
  'refuse-transfer',
  'note',
  'reply',
  'request-extension',
  'transfer',
  'merge',
  'approve',
  'send-back',
  'grant-extension',
  'refuse-extension',
  'call-back',
  'rate',
  'institution-reply',
] as const;
export type ComplaintAct = (typeof ACTS)[number];

/** The roles the controller lets act (HANDLER_ROLES); viewers and administrators only read. */
const HANDLER_ROLES = ['task-force-officer', 'inspector', 'approver', 'fund-supervisor'];

const isInstitution = (v: Viewer) => v.roles.includes('institution-operator') && !!v.institutionId;
const isHandler = (v: Viewer) => !isInstitution(v) && v.roles.some((r) => HANDLER_ROLES.includes(r));
/** CN-ZJ-HZ-XH is a district; a handling official above that level supervises (督办). */
const isDistrictLevel = (jurisdiction: string) => jurisdiction.split('-').length >= 4;

/** An official of the unit's department (and role, when it names one) over the district. */
export const actsFor = (v: Viewer, unit: Unit, district: string): boolean =>
  isHandler(v) &&
  v.department === unit.department &&
  (!unit.role || v.roles.includes(unit.role)) &&
  covers(v.jurisdiction, district);

const isLead = (c: ComplaintRecord, v: Viewer) =>
  !!c.responsibility && actsFor(v, c.responsibility.lead, c.responsibility.district);

const isAssigned = (c: ComplaintRecord, v: Viewer) => {
  const r = c.responsibility;
  return !!r && [r.lead, ...r.coHandlers].some((u) => actsFor(v, u, r.district));
};

/** The district's supervisors, or those of the level it was escalated to. */
const isSupervisor = (c: ComplaintRecord, v: Viewer) =>
  isHandler(v) &&
  !isDistrictLevel(v.jurisdiction) &&
  covers(v.jurisdiction, c.supervisedBy ?? c.subject?.district);

/** Four eyes: whoever wrote the reply does not review it. */
const wroteTheReply = (c: ComplaintRecord, v: Viewer) =>
  c.actions?.findLast((a) => a.action === 'ReplyGiven')?.actor.userId === v.userId;

const IN_HAND: ComplaintStatus[] = ['signed', 'handling'];
const TRANSFERABLE: ComplaintStatus[] = ['routed', 'signed', 'handling'];
const MERGEABLE: ComplaintStatus[] = ['accepted', 'routed', 'signed', 'handling'];

const RULES: Record<ComplaintAct, (c: ComplaintRecord, v: Viewer) => boolean> = {
  sign: (c, v) => c.status === 'routed' && isLead(c, v),
  note: (c, v) => IN_HAND.includes(c.status) && isAssigned(c, v),
  reply: (c, v) => IN_HAND.includes(c.status) && isLead(c, v) && !c.responsibility?.pendingTransfer,
  transfer: (c, v) => TRANSFERABLE.includes(c.status) && isLead(c, v) && !c.responsibility?.pendingTransfer,
  'accept-transfer': (c, v) => answersTransfer(c, v),
  'refuse-transfer': (c, v) => answersTransfer(c, v),
  'request-extension': (c, v) => IN_HAND.includes(c.status) && isLead(c, v) && !c.pendingExtension,
  'grant-extension': (c, v) => !!c.pendingExtension && !!c.answerBy && isSupervisor(c, v),
  'refuse-extension': (c, v) => !!c.pendingExtension && !!c.answerBy && isSupervisor(c, v),
  merge: (c, v) => MERGEABLE.includes(c.status) && isLead(c, v),
  approve: (c, v) => c.status === 'replied' && isSupervisor(c, v) && !wroteTheReply(c, v),
  'send-back': (c, v) => c.status === 'replied' && isSupervisor(c, v) && !wroteTheReply(c, v),
  'call-back': (c, v) =>
    c.status === 'closed' && followsUp(c, v) && c.complainant?.visibility !== 'anonymous',
  rate: (c, v) => (c.status === 'closed' || c.status === 'called-back') && followsUp(c, v),
  // The service only shows an operator the complaints about their own institution.
  'institution-reply': (c, v) => isInstitution(v) && TRANSFERABLE.includes(c.status),
};

function answersTransfer(c: ComplaintRecord, v: Viewer): boolean {
  const r = c.responsibility;
  return (
    TRANSFERABLE.includes(c.status) && !!r?.pendingTransfer && actsFor(v, r.pendingTransfer.to, r.district)
  );
}

/** The assigned departments or the supervising level call back and record ratings. */
const followsUp = (c: ComplaintRecord, v: Viewer) => isAssigned(c, v) || isSupervisor(c, v);

/** The acts this user may take on this complaint now, in button order. */
export const offeredActs = (c: ComplaintRecord | undefined, v: Viewer | undefined): ComplaintAct[] =>
  c && v ? ACTS.filter((a) => RULES[a](c, v)) : [];

/** May this user open the complainant's clear identity? The handling officer and their supervisor (audited, with a reason). */
export const mayReveal = (c: ComplaintRecord | undefined): boolean => c?.complainant?.visibility === 'clear';

// ─── bodies ──────────────────────────────────────────────────────────────────

type Values = Record<string, unknown>;

/** A handling unit as a choice: a department, or the education bureau's fund supervisors. */
const FUND_SUPERVISION = 'education/fund-supervisor';
export const unitId = (u: Unit) => (u.role ? `${u.department}/${u.role}` : u.department);
export const unitOf = (id: string): Unit => {
  const [department, role] = id.split('/');
  return role ? { department, role } : { department };
};

/** The units a lead may transfer to: every department and fund supervision, except itself. */
export function transferTargets(c: ComplaintRecord | undefined): string[] {
  const lead = c?.responsibility?.lead;
  const all = [...Department.options.flatMap((d) => (d === 'education' ? [d, FUND_SUPERVISION] : [d]))];
  return lead ? all.filter((u) => u !== unitId(lead)) : all;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** What each act sends, from the dialog's values (the controller's Acts schemas). */
export function actBody(act: ComplaintAct, v: Values): Values {
  switch (act) {
    case 'note':
      return { note: text(v.note) };
    case 'reply':
    case 'institution-reply':
      return { reply: text(v.reply) };
    case 'transfer':
      return { to: unitOf(text(v.to)), reason: text(v.reason) };
    case 'refuse-transfer':
    case 'send-back':
    case 'refuse-extension':
      return { reason: text(v.reason) };
    case 'request-extension':
      return { workingDays: Number(v.workingDays), reason: text(v.reason) };
    case 'grant-extension':
      return { workingDays: Number(v.workingDays) };
    case 'call-back':
      return { reached: v.reached === true, note: text(v.note) };
    case 'rate':
      // The dialog's radio answers 'yes' or 'no'.
      return { satisfied: v.satisfied === 'yes', ...(text(v.comment) ? { comment: text(v.comment) } : {}) };
    case 'merge':
      return { into: text(v.into) };
    default:
      return {};
  }
}

/**
 * A recorded call or 12345 work order (POST /complaints): a licensed institution by its license,
 * or an unlicensed operator as the caller described it; the contact unless the tip is anonymous.
 */
export function recordedComplaintBody(v: {
  kind?: string;
  category?: string;
  channel?: string;
  receivedAt?: string | Date | null;
  subjectKind?: 'licensed' | 'unlicensed';
  subject?: { licenseId?: string; name?: string; address?: string; activity?: string; district?: string };
  description?: string;
  anonymous?: boolean;
  contact?: { name?: string; phone?: string };
}) {
  const s = v.subject ?? {};
  const subject =
    v.subjectKind === 'unlicensed'
      ? {
          name: text(s.name),
          address: text(s.address),
          activity: text(s.activity),
          district: s.district ?? '',
        }
      : { licenseId: text(s.licenseId) };
  const receivedAt = v.receivedAt ? new Date(v.receivedAt) : undefined;
  return {
    kind: v.kind ?? 'complaint',
    category: v.category ?? '',
    channel: v.channel ?? 'console',
    ...(receivedAt && !Number.isNaN(receivedAt.getTime()) ? { receivedAt: receivedAt.toISOString() } : {}),
    subject,
    description: text(v.description),
    ...(v.anonymous ? {} : { contact: { name: text(v.contact?.name), phone: text(v.contact?.phone) } }),
  };
}

/** The record form's field paths, so the service's refusals land next to their inputs. */
export const RECORD_FIELDS = [
  'kind',
  'category',
  'channel',
  'receivedAt',
  'subject.licenseId',
  'subject.name',
  'subject.address',
  'subject.activity',
  'subject.district',
  'description',
  'contact.name',
  'contact.phone',
] as const;

// ─── the action log ──────────────────────────────────────────────────────────

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** One line of the timeline: a translation key for what happened, who did it, and the words they wrote. */
export interface LogEntry {
  at: string;
  key: string;
  actor?: LoggedAction['actor'];
  note?: string;
  tone: Tone;
}

const TONES: Record<string, Tone> = {
  WorkOrderSigned: 'success',
  TransferAccepted: 'success',
  ReplyApproved: 'success',
  ExtensionGranted: 'success',
  CalledBack: 'success',
  ReplySentBack: 'warning',
  TransferRefused: 'warning',
  ExtensionRefused: 'warning',
  ComplaintReopened: 'warning',
  DeadlineMissed: 'error',
  ComplaintEscalated: 'error',
  // the institution's view names steps, not events
  signed: 'success',
  closed: 'success',
  reopened: 'warning',
  escalated: 'error',
};

/**
 * The complaint's history, oldest first: the officials' action log, or for the institution the
 * public steps with its own statements woven in.
 */
export function logOf(c: ComplaintRecord | undefined): LogEntry[] {
  if (!c) return [];
  if (c.actions)
    return c.actions.map((a) => ({
      at: a.at,
      key: `otr.complaints.log.${a.action}`,
      actor: a.actor,
      ...(a.note ? { note: a.note } : {}),
      tone: TONES[a.action] ?? 'info',
    }));
  const steps: LogEntry[] = (c.timeline ?? []).map((s) => ({
    at: s.at,
    key: `otr.complaints.steps.${s.step}`,
    tone: TONES[s.step] ?? 'info',
  }));
  const replies: LogEntry[] = (c.institutionReplies ?? []).map((r) => ({
    at: r.at,
    key: 'otr.complaints.log.InstitutionReplied',
    actor: { kind: 'institution' },
    note: r.reply,
    tone: 'info',
  }));
  return [...steps, ...replies].sort((a, b) => a.at.localeCompare(b.at));
}
