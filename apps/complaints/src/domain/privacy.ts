import { CLOSED_STATUSES, ComplaintEvent, ComplaintState } from './complaint';
import { actsFor, isAssignedHandler } from './routing';
import { Actor, Complainant } from './vocabulary';
import type { Role } from '@otr/auth';
import { isWithin } from '@otr/rules';

/** 王小明 → 王**: the surname stays so a handler on the phone can say 王女士/王先生. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812341234 → 138****1234; other numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** Builds the stored complainant from what intake saw: masks computed here, the rest opaque. */
export const identifiedComplainant = (
  clear: { name: string; phone: string },
  identityRef: string,
  hash: string,
): Complainant => ({
  anonymous: false,
  identityRef,
  hash,
  maskedName: maskName(clear.name),
  maskedPhone: maskPhone(clear.phone),
});

/**
 * What a complainant writes often holds their own phone number, their child's identity number or
 * an email: the institution must not get them (个人信息保护法 第6条, minimum necessary). Found after
 * full-width digits fold, each is replaced by what it was, not by a partial mask: the last
 * four digits of a phone are enough for an institution to find the family among its customers.
 */
// Full-width digits, Latin letters and + - . @ are folded; the rest of the text keeps its punctuation.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff20]/g;
const ID_18 = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const LANDLINE = /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3}[\s-]?)\d{7,8}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(EMAIL, '[邮箱已隐去]')
    .replace(ID_18, '[身份证号已隐去]')
    .replace(ID_15, '[身份证号已隐去]')
    .replace(MOBILE, '[电话已隐去]')
    .replace(LANDLINE, '[电话已隐去]');
}

export type ComplainantView =
  | { visibility: 'anonymous' }
  | { visibility: 'hidden' }
  | { visibility: 'masked'; name: string; phone: string }
  /** The handler's application layer decrypts identityRef; the domain never holds the clear text. */
  | { visibility: 'clear'; identityRef: string; name: string; phone: string };

/**
 * The handling officer (承办人): the official who signed the work order for the current lead unit,
 * or accepted it on a transfer. Undefined until someone has.
 */
export function handlingOfficer(
  complaint: Pick<ComplaintState, 'responsibility' | 'actions'>,
): string | undefined {
  const r = complaint.responsibility;
  if (!r) return undefined;
  const took = complaint.actions.findLast(
    (a) =>
      (a.action === 'WorkOrderSigned' || a.action === 'TransferAccepted') &&
      actsFor(a.actor, r.lead, r.district),
  );
  return took?.actor.kind === 'official' ? took.actor.userId : undefined;
}

/**
 * The role that supervises a handling officer inside the lead department (科室负责人): its
 * approver, who also reviews the department's decisions. Administrators keep accounts, not cases.
 */
export const REVEAL_SUPERVISOR_ROLES: readonly Role[] = ['approver'];

/**
 * Who may reveal the complainant's identity (个人信息保护法 第6条 最小必要; 国办发〔2020〕53号
 * 保护诉求人隐私): the handling officer, and their supervisor — an approver of the lead department in the complaint's own district jurisdiction. Not other officers of the
 * department, not co-handlers, not officials above the district (city fund supervisors included).
 */
export function mayRevealIdentity(
  viewer: Actor,
  complaint: Pick<ComplaintState, 'responsibility' | 'actions'>,
): boolean {
  const r = complaint.responsibility;
  if (!r || viewer.kind !== 'official') return false;
  if (viewer.userId === handlingOfficer(complaint)) return true;
  return (
    viewer.department === r.lead.department &&
    viewer.jurisdiction === r.district &&
    viewer.roles.some((role) => REVEAL_SUPERVISOR_ROLES.includes(role))
  );
}

/**
 * Who sees whom (DOMAIN.md, Complaints): the handling officer and their supervisor may reveal the
 * identity (each reveal recorded with its reason); the other assigned handlers, a supervisor over
 * the district and the complainant themself see it masked; institutions, the public and everyone
 * else see nothing, not even the mask, since a surname can be enough to identify a parent.
 */
export function complainantFor(
  viewer: Actor,
  complaint: Pick<ComplaintState, 'complainant' | 'responsibility' | 'subject' | 'actions'>,
): ComplainantView {
  const c = complaint.complainant;
  if (c.anonymous) return { visibility: 'anonymous' };
  const masked = { name: c.maskedName, phone: c.maskedPhone };
  if (mayRevealIdentity(viewer, complaint))
    return { visibility: 'clear', identityRef: c.identityRef, ...masked };
  if (complaint.responsibility && isAssignedHandler(viewer, complaint.responsibility)) {
    return { visibility: 'masked', ...masked };
  }
  if (viewer.kind === 'complainant') return { visibility: 'masked', ...masked };
  if (
    viewer.kind === 'official' &&
    viewer.supervisor &&
    isWithin(complaint.subject.district, viewer.jurisdiction)
  ) {
    return { visibility: 'masked', ...masked };
  }
  return { visibility: 'hidden' };
}

/** The steps the complainant may follow (公开进度): no actors, no internal notes, no reasons. */
const PUBLIC_STEPS: Partial<Record<ComplaintEvent['type'], string>> = {
  ComplaintAccepted: 'accepted',
  ComplaintRouted: 'routed',
  WorkOrderSigned: 'signed',
  TransferAccepted: 'transferred',
  ExtensionGranted: 'extended',
  ComplaintEscalated: 'escalated',
  ReplyApproved: 'closed',
  CalledBack: 'called-back',
  ComplaintRated: 'rated',
  ComplaintReopened: 'reopened',
  MergedAsDuplicate: 'merged',
};

export const publicTimeline = (c: ComplaintState): { at: string; step: string }[] =>
  c.actions.flatMap((a) => (PUBLIC_STEPS[a.action] ? [{ at: a.at, step: PUBLIC_STEPS[a.action]! }] : []));

/** What the complainant sees with the access code: progress, and the reply once a supervisor approved it. */
export function publicView(c: ComplaintState) {
  return {
    trackingNumber: c.trackingNumber,
    kind: c.kind,
    category: c.category,
    subject: { kind: c.subject.kind, name: c.subject.name, district: c.subject.district },
    status: c.status,
    filedAt: c.filedAt,
    answerBy: c.answerBy,
    lead: c.responsibility?.lead.department,
    round: c.round,
    /** How many files arrived with it; the files themselves are for the handlers. */
    evidenceFiles: c.evidence.length,
    ...(CLOSED_STATUSES.includes(c.status) && c.reply ? { reply: c.reply } : {}),
    canRate: c.status === 'closed' || c.status === 'called-back',
    timeline: publicTimeline(c),
  };
}

/**
 * What the institution complained about sees (机构端): the complaint and its own replies, never
 * who complained, the evidence files (a photo or a receipt can show who), the handlers' notes or
 * the reply to the complainant.
 */
export function institutionView(c: ComplaintState) {
  return {
    id: c.id,
    trackingNumber: c.trackingNumber,
    kind: c.kind,
    category: c.category,
    /** What the complainant wrote, without their phone, ID or email numbers (maskPersonalData). */
    description: maskPersonalData(c.description),
    status: c.status,
    filedAt: c.filedAt,
    answerBy: c.answerBy,
    lead: c.responsibility?.lead.department,
    institutionReplies: c.actions
      .filter((a) => a.action === 'InstitutionReplied')
      .map((a) => ({ at: a.at, reply: a.note })),
    timeline: publicTimeline(c),
  };
}
