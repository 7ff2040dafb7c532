import { z } from 'zod';
import { isJurisdictionCode, isWithin, levelOf } from '@otr/rules';
import { hashAccessCode, newAccessCode, newTrackingNumber, RandomBytes } from './access-code';
import {
  ComplaintRuleViolated,
  InvalidComplaintState,
  InvalidExtension,
  InvalidTransfer,
  NotResponsible,
} from './errors';
import { checkEvidence, EvidenceFile, evidenceLimitsFor } from './evidence';
import {
  assertLead,
  checkTransferAnswer,
  checkTransferRequest,
  isAssignedHandler,
  PendingTransfer,
  Responsibility,
  routeFor,
  RoutingTable,
  transferAccepted,
  transferRefused,
} from './routing';
import { SlaColour, WorkingDayClock } from './sla-clock';
import { Actor, Category, Channel, Complainant, ComplaintKind, HandlingUnit } from './vocabulary';

const HOTLINE_12345 = '国办发〔2020〕53号 (12345 热线)';

/**
 * The closed loop of the 12345 guideline: accepted (受理) → routed (派单) → signed (签收) →
 * handling (办理) → replied (答复) → closed (办结, after the supervisor's review) → called-back
 * (回访) → rated (评价). 'merged' ends a duplicate folded into an earlier complaint.
 */
export const ComplaintStatus = z
  .enum(['accepted', 'routed', 'signed', 'handling', 'replied', 'closed', 'called-back', 'rated', 'merged'])
  .describe(
    'accepted 受理 → routed 派单 → signed 签收 → handling 办理 → replied 答复 → closed 办结 → called-back 回访 → rated 评价; merged 并案',
  );
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** Closed (办结) and after: the reply stands unless a 'not satisfied' rating reopens it. */
export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['closed', 'called-back', 'rated'];
/** Nothing more to handle: closed, or merged into an earlier complaint. */
export const ENDED_STATUSES: readonly ComplaintStatus[] = [...CLOSED_STATUSES, 'merged'];

/** A licensed institution, or an unlicensed operator (无证无照) described as the tipster saw it. */
export type Subject =
  | { kind: 'licensed'; institutionId: string; licenseId: string; name: string; district: string }
  | { kind: 'unlicensed'; name: string; address: string; activity: string; district: string };

/** One line of the append-only action log: what was done, by whom, when. */
export interface LoggedAction {
  action: ComplaintEvent['type'];
  actor: Actor;
  at: string;
  note?: string;
}

/** What intake records of a complaint: the same in the ComplaintAccepted event and in the state. */
export interface Intake {
  id: string;
  trackingNumber: string;
  /** Salted hash of the access code; the code itself is shown once and never stored. */
  accessCodeHash: string;
  kind: ComplaintKind;
  category: Category;
  channel: Channel;
  subject: Subject;
  complainant: Complainant;
  description: string;
  evidence: EvidenceFile[];
  /** Where the complainant placed it on a map (WGS-84), when they did. */
  location?: Location;
  /** The external system that filed it (a 12345 hotline's id), which may follow its own work orders. */
  intakeSystem?: string;
}

export interface Location {
  lat: number;
  long: number;
}

export interface ComplaintState extends Intake {
  filedAt: string;
  status: ComplaintStatus;
  /** 1, or 2 after a 'not satisfied' rating reopened it; there is no third. */
  round: 1 | 2;
  responsibility?: Responsibility;
  signBy?: string;
  answerBy?: string;
  pendingExtension?: { workingDays: number; reason: string };
  /** The jurisdiction supervising after escalation; undefined while the district handles alone. */
  supervisedBy?: string;
  /** Deadlines already missed and escalated ('sign:2026-10-09'), so each missed deadline escalates once. */
  missedDeadlines: string[];
  reply?: string;
  ratings: { round: 1 | 2; satisfied: boolean }[];
  mergedInto?: string;
  duplicates: string[];
  actions: LoggedAction[];
}

export type DeadlineStage = 'sign' | 'answer';

interface Stamp {
  at: string;
  actor: Actor;
}

/** What happened to a complaint, in the domain's words; the application layer publishes them. */
export type ComplaintEvent = Stamp &
  (
    | ({ type: 'ComplaintAccepted'; answerBy: string } & Intake)
    | { type: 'ComplaintRouted'; responsibility: Responsibility; signBy: string }
    | { type: 'WorkOrderSigned' }
    | { type: 'HandlingRecorded'; note: string }
    | { type: 'ReplyGiven'; reply: string }
    | { type: 'ReplyApproved' }
    | { type: 'ReplySentBack'; reason: string }
    | { type: 'CalledBack'; reached: boolean; note: string }
    | { type: 'ComplaintRated'; satisfied: boolean; comment?: string }
    | { type: 'ComplaintReopened'; signBy: string; answerBy: string }
    | { type: 'TransferRequested'; to: HandlingUnit; reason: string }
    | { type: 'TransferAccepted'; to: HandlingUnit }
    | { type: 'TransferRefused'; reason: string }
    | { type: 'ExtensionRequested'; workingDays: number; reason: string }
    | { type: 'ExtensionGranted'; grantedWorkingDays: number; answerBy: string }
    | { type: 'ExtensionRefused'; reason: string }
    | { type: 'InstitutionReplied'; reply: string }
    | { type: 'DeadlineMissed'; missed: DeadlineStage; deadline: string }
    | { type: 'ComplaintEscalated'; to: string; missed: DeadlineStage; deadline: string }
    | { type: 'MergedAsDuplicate'; into: string }
    | { type: 'DuplicateAttached'; duplicateId: string }
  );

type EventBody = ComplaintEvent extends infer E
  ? E extends ComplaintEvent
    ? Omit<E, 'at' | 'actor'>
    : never
  : never;

const stamp = (by: Actor, at: Date, ...bodies: EventBody[]): ComplaintEvent[] =>
  bodies.map((b) => ({ ...b, at: at.toISOString(), actor: by }) as ComplaintEvent);

function expectStatus(state: ComplaintState, action: string, ...allowed: ComplaintStatus[]): void {
  if (!allowed.includes(state.status)) throw new InvalidComplaintState(action, state.status);
}

function required(text: string, field: string): void {
  if (!text.trim())
    throw new ComplaintRuleViolated(`${field} is required`, { field, rule: `${field} required` });
}

function responsibilityOf(state: ComplaintState, action: string): Responsibility {
  if (!state.responsibility) throw new InvalidComplaintState(action, `${state.status} and not routed`);
  return state.responsibility;
}

// ─── accept (受理) ──────────────────────────────────────────────────────────────

export type FileComplaint = Omit<Intake, 'trackingNumber' | 'accessCodeHash' | 'evidence'> & {
  evidence?: EvidenceFile[];
  at: Date;
  by: Actor;
};

function checkSubject(subject: Subject, category: Category): void {
  if (!isJurisdictionCode(subject.district) || levelOf(subject.district) !== 'district') {
    throw new ComplaintRuleViolated(`not a district: ${subject.district}`, {
      field: 'subject.district',
      rule: 'complaints are routed to the district of the institution',
    });
  }
  if (subject.kind === 'unlicensed') {
    for (const field of ['name', 'address', 'activity'] as const)
      required(subject[field], `subject.${field}`);
  }
  // A licensed institution cannot be operating without a license; an unlicensed operator may
  // still be reported for fees or safety, which route by their own category.
  if (category === 'unlicensed' && subject.kind !== 'unlicensed') {
    throw new ComplaintRuleViolated('the unlicensed category is for operators without a license', {
      field: 'category',
      rule: 'category unlicensed needs an unlicensed subject',
    });
  }
}

/**
 * decide: accept a complaint from any channel. Returns the access code once, for the receipt;
 * the events carry only its hash. The answer deadline runs from acceptance.
 */
export function fileComplaint(
  cmd: FileComplaint,
  deps: { random: RandomBytes; clock: WorkingDayClock },
): { events: ComplaintEvent[]; trackingNumber: string; accessCode: string } {
  required(cmd.description, 'description');
  checkSubject(cmd.subject, cmd.category);
  const { at, by, evidence = [], ...intake } = cmd;
  const trackingNumber = newTrackingNumber(deps.random, at);
  const accessCode = newAccessCode(deps.random);
  const events = stamp(by, at, {
    type: 'ComplaintAccepted',
    ...intake,
    trackingNumber,
    accessCodeHash: hashAccessCode(accessCode, deps.random),
    evidence: checkEvidence(evidence, evidenceLimitsFor(cmd.complainant.anonymous)),
    answerBy: deps.clock.answerDeadline(cmd.kind, at),
  });
  return { events, trackingNumber, accessCode };
}

// ─── route (派单) and sign (签收) ────────────────────────────────────────────────

/** decide: route by category to the district of the institution; the sign clock starts now. */
export function route(
  state: ComplaintState,
  cmd: { table: RoutingTable; at: Date; by: Actor },
  clock: WorkingDayClock,
): ComplaintEvent[] {
  expectStatus(state, 'route', 'accepted');
  if (cmd.by.kind !== 'official' && cmd.by.kind !== 'system') {
    throw new NotResponsible('only the hotline or an official dispatches work orders', { field: 'actor' });
  }
  const responsibility = routeFor(cmd.table, state.category, state.subject.district);
  return stamp(cmd.by, cmd.at, {
    type: 'ComplaintRouted',
    responsibility,
    signBy: clock.signDeadline(cmd.at),
  });
}

/** decide: the lead department signs the work order (签收), taking it on. */
export function sign(state: ComplaintState, cmd: { at: Date; by: Actor }): ComplaintEvent[] {
  expectStatus(state, 'sign', 'routed');
  assertLead(cmd.by, responsibilityOf(state, 'sign'), 'sign');
  return stamp(cmd.by, cmd.at, { type: 'WorkOrderSigned' });
}

// ─── handle (办理) and reply (答复) ───────────────────────────────────────────────

/** decide: the lead or a co-handler records what was done (调查、约谈、现场检查). */
export function recordHandling(
  state: ComplaintState,
  cmd: { note: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'record handling on', 'signed', 'handling');
  if (!isAssignedHandler(cmd.by, responsibilityOf(state, 'handle'))) {
    throw new NotResponsible('only the assigned departments record handling', { field: 'actor' });
  }
  required(cmd.note, 'note');
  return stamp(cmd.by, cmd.at, { type: 'HandlingRecorded', note: cmd.note });
}

/** decide: the lead replies to the complainant; a pending transfer must be settled first. */
export function reply(state: ComplaintState, cmd: { reply: string; at: Date; by: Actor }): ComplaintEvent[] {
  expectStatus(state, 'reply to', 'signed', 'handling');
  const r = responsibilityOf(state, 'reply');
  assertLead(cmd.by, r, 'reply');
  if (r.pendingTransfer)
    throw new InvalidTransfer('settle the pending transfer before replying', { field: 'pendingTransfer' });
  required(cmd.reply, 'reply');
  return stamp(cmd.by, cmd.at, { type: 'ReplyGiven', reply: cmd.reply });
}

// ─── supervise (督办审核) and close (办结) ────────────────────────────────────────

/** The jurisdiction whose supervisors review: the district, or the level it was escalated to. */
const supervisingJurisdiction = (state: ComplaintState) => state.supervisedBy ?? state.subject.district;

const isSupervisor = (state: ComplaintState, by: Actor): boolean =>
  by.kind === 'official' && !!by.supervisor && isWithin(supervisingJurisdiction(state), by.jurisdiction);

function assertSupervisor(state: ComplaintState, by: Actor, action: string): void {
  if (!isSupervisor(state, by)) {
    const over = supervisingJurisdiction(state);
    throw new NotResponsible(`only a supervisor over ${over} may ${action}`, {
      field: 'actor',
      rule: 'the supervising level reviews',
      source: HOTLINE_12345,
    });
  }
}

/** decide: the supervisor approves the reply, closing the work order, or sends it back. */
export function supervise(
  state: ComplaintState,
  cmd: { approve: true; at: Date; by: Actor } | { approve: false; reason: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'review the reply of', 'replied');
  assertSupervisor(state, cmd.by, 'review a reply');
  const author = state.actions.findLast((a) => a.action === 'ReplyGiven')?.actor;
  if (author?.kind === 'official' && cmd.by.kind === 'official' && author.userId === cmd.by.userId) {
    throw new NotResponsible('a reply is reviewed by someone other than its author', {
      field: 'actor',
      rule: 'four eyes: the author does not approve their own reply',
    });
  }
  if (cmd.approve) return stamp(cmd.by, cmd.at, { type: 'ReplyApproved' });
  required(cmd.reason, 'reason');
  return stamp(cmd.by, cmd.at, { type: 'ReplySentBack', reason: cmd.reason });
}

// ─── call back (回访) and rate (评价) ─────────────────────────────────────────────

/** The assigned departments or the supervising level: who may call back and record a rating. */
function assertFollowsUp(state: ComplaintState, by: Actor, action: string): void {
  const r = state.responsibility;
  if (!(r && isAssignedHandler(by, r)) && !isSupervisor(state, by)) {
    throw new NotResponsible(`only the handling departments or a supervisor may ${action}`, {
      field: 'actor',
    });
  }
}

/**
 * decide: the handler or supervisor calls the complainant back; impossible for an anonymous tip.
 * A call that does not reach them is logged and leaves the work order closed, to be tried again.
 */
export function callBack(
  state: ComplaintState,
  cmd: { reached: boolean; note: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'call back on', 'closed');
  assertFollowsUp(state, cmd.by, 'call back');
  if (state.complainant.anonymous) {
    throw new ComplaintRuleViolated('an anonymous complainant left no contact to call back', {
      field: 'complainant',
      rule: 'call back needs a contact',
    });
  }
  return stamp(cmd.by, cmd.at, { type: 'CalledBack', reached: cmd.reached, note: cmd.note });
}

/**
 * decide: the complainant rates the outcome (by access code, or through the call back). 'Not
 * satisfied' in the first round reopens it for a second handling by the same lead with fresh
 * deadlines; in the second round the rating stands and the loop ends: never a third handling.
 */
export function rate(
  state: ComplaintState,
  cmd: { satisfied: boolean; comment?: string; at: Date; by: Actor },
  clock: WorkingDayClock,
): ComplaintEvent[] {
  expectStatus(state, 'rate', 'closed', 'called-back');
  if (cmd.by.kind !== 'complainant') assertFollowsUp(state, cmd.by, 'record a rating');
  const rated: EventBody = { type: 'ComplaintRated', satisfied: cmd.satisfied, comment: cmd.comment };
  if (cmd.satisfied || state.round === 2) return stamp(cmd.by, cmd.at, rated);
  return stamp(cmd.by, cmd.at, rated, {
    type: 'ComplaintReopened',
    signBy: clock.signDeadline(cmd.at),
    answerBy: clock.answerDeadline(state.kind, cmd.at),
  });
}

// ─── transfer (转办) ─────────────────────────────────────────────────────────────

const TRANSFERABLE: ComplaintStatus[] = ['routed', 'signed', 'handling'];

/** decide: the lead asks another unit to take over; it stays responsible until that unit accepts. */
export function requestTransfer(
  state: ComplaintState,
  cmd: { to: HandlingUnit; reason: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'transfer', ...TRANSFERABLE);
  checkTransferRequest(responsibilityOf(state, 'transfer'), cmd.to, cmd.reason, cmd.by);
  return stamp(cmd.by, cmd.at, { type: 'TransferRequested', to: cmd.to, reason: cmd.reason });
}

/** decide: the receiving unit accepts (taking the deadline as it stands) or refuses with a reason. */
export function answerTransfer(
  state: ComplaintState,
  cmd: { accept: true; at: Date; by: Actor } | { accept: false; reason: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'answer a transfer of', ...TRANSFERABLE);
  const pending: PendingTransfer = checkTransferAnswer(responsibilityOf(state, 'transfer'), cmd.by);
  if (cmd.accept) return stamp(cmd.by, cmd.at, { type: 'TransferAccepted', to: pending.to });
  required(cmd.reason, 'reason');
  return stamp(cmd.by, cmd.at, { type: 'TransferRefused', reason: cmd.reason });
}

// ─── the institution's side (机构答复) ─────────────────────────────────────────

/** decide: the institution complained about states its side while the departments handle it. */
export function institutionReply(
  state: ComplaintState,
  cmd: { reply: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'answer as the institution on', 'routed', 'signed', 'handling');
  const subject = state.subject;
  if (
    cmd.by.kind !== 'institution' ||
    subject.kind !== 'licensed' ||
    cmd.by.institutionId !== subject.institutionId
  ) {
    throw new NotResponsible('only the institution complained about may reply as the institution', {
      field: 'actor',
    });
  }
  required(cmd.reply, 'reply');
  return stamp(cmd.by, cmd.at, { type: 'InstitutionReplied', reply: cmd.reply });
}

// ─── SLA: deadlines, escalation (升级督办), extension (延期) ─────────────────────

/** The deadline running now: signing while routed, answering while accepted, signed or handling. */
export function currentDeadline(state: ComplaintState): { stage: DeadlineStage; due: string } | undefined {
  if (state.status === 'routed' && state.signBy) return { stage: 'sign', due: state.signBy };
  if (['accepted', 'signed', 'handling'].includes(state.status) && state.answerBy) {
    return { stage: 'answer', due: state.answerBy };
  }
  return undefined;
}

/** The SLA colour at an instant, or undefined when no deadline is running. */
export function slaColour(state: ComplaintState, at: Date, clock: WorkingDayClock): SlaColour | undefined {
  const d = currentDeadline(state);
  return d && clock.colourAt(d.due, at);
}

const deadlineKey = (stage: DeadlineStage, due: string) => `${stage}:${due}`;

/**
 * decide (the SLA sweep): a missed deadline is recorded once and moves supervision one level up
 * (district → city → province). Nothing when no deadline is missed or this one was already
 * handled, so the sweep can run as often as it likes.
 */
export function breachDeadline(
  state: ComplaintState,
  cmd: { at: Date; by: Actor },
  clock: WorkingDayClock,
): ComplaintEvent[] {
  const d = currentDeadline(state);
  if (!d || !clock.isOverdue(d.due, cmd.at) || state.missedDeadlines.includes(deadlineKey(d.stage, d.due)))
    return [];
  const missed: EventBody = { type: 'DeadlineMissed', missed: d.stage, deadline: d.due };
  const to = clock.supervisingLevelAbove(supervisingJurisdiction(state));
  if (!to) return stamp(cmd.by, cmd.at, missed);
  return stamp(cmd.by, cmd.at, missed, { type: 'ComplaintEscalated', to, missed: d.stage, deadline: d.due });
}

/** decide: the lead asks for more working days to answer (延期申请), with a reason. */
export function requestExtension(
  state: ComplaintState,
  cmd: { workingDays: number; reason: string; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'extend', 'signed', 'handling');
  assertLead(cmd.by, responsibilityOf(state, 'extend'), 'ask for an extension');
  if (state.pendingExtension)
    throw new InvalidExtension('an extension request is already pending', { field: 'workingDays' });
  if (!Number.isSafeInteger(cmd.workingDays) || cmd.workingDays < 1) {
    throw new ComplaintRuleViolated('an extension is at least one whole working day', {
      field: 'workingDays',
    });
  }
  required(cmd.reason, 'reason');
  return stamp(cmd.by, cmd.at, {
    type: 'ExtensionRequested',
    workingDays: cmd.workingDays,
    reason: cmd.reason,
  });
}

/** decide: a supervisor grants up to the requested days, moving the answer deadline, or refuses. */
export function decideExtension(
  state: ComplaintState,
  cmd: { grantWorkingDays: number; at: Date; by: Actor } | { refuse: string; at: Date; by: Actor },
  clock: WorkingDayClock,
): ComplaintEvent[] {
  const pending = state.pendingExtension;
  if (!pending || !state.answerBy)
    throw new InvalidExtension('no extension request is pending', { field: 'pendingExtension' });
  assertSupervisor(state, cmd.by, 'decide an extension');
  if ('refuse' in cmd) {
    required(cmd.refuse, 'reason');
    return stamp(cmd.by, cmd.at, { type: 'ExtensionRefused', reason: cmd.refuse });
  }
  if (cmd.grantWorkingDays > pending.workingDays) {
    throw new InvalidExtension(
      `cannot grant ${cmd.grantWorkingDays} working days; ${pending.workingDays} were asked`,
      {
        field: 'grantWorkingDays',
        rule: 'grant at most what was asked',
      },
    );
  }
  return stamp(cmd.by, cmd.at, {
    type: 'ExtensionGranted',
    grantedWorkingDays: cmd.grantWorkingDays,
    answerBy: clock.extend(state.answerBy, cmd.grantWorkingDays),
  });
}

// ─── duplicates (重复件) ─────────────────────────────────────────────────────────

const MERGEABLE: ComplaintStatus[] = ['accepted', 'routed', 'signed', 'handling'];

/**
 * decide: a repeat is folded into the first complaint about the same subject and ends here;
 * intake does it on its own, the lead of the repeat by hand.
 */
export function markDuplicate(
  state: ComplaintState,
  cmd: { into: ComplaintState; at: Date; by: Actor },
): ComplaintEvent[] {
  expectStatus(state, 'merge', ...MERGEABLE);
  if (cmd.by.kind !== 'system') assertLead(cmd.by, responsibilityOf(state, 'merge'), 'merge');
  if (cmd.into.id === state.id)
    throw new ComplaintRuleViolated('a complaint is not its own duplicate', { field: 'into' });
  if (!MERGEABLE.includes(cmd.into.status)) throw new InvalidComplaintState('merge into', cmd.into.status);
  if (subjectKey(cmd.into.subject) !== subjectKey(state.subject)) {
    throw new ComplaintRuleViolated('duplicates are about the same institution', {
      field: 'into',
      rule: 'merge only complaints about one subject',
    });
  }
  return stamp(cmd.by, cmd.at, { type: 'MergedAsDuplicate', into: cmd.into.id });
}

/** decide: the first complaint records the repeat, so handlers see how often it was raised. */
export function attachDuplicate(
  state: ComplaintState,
  cmd: { duplicateId: string; at: Date; by: Actor },
): ComplaintEvent[] {
  if (state.status === 'merged') throw new InvalidComplaintState('attach a duplicate to', state.status);
  if (state.duplicates.includes(cmd.duplicateId)) return []; // idempotent: redelivery changes nothing
  return stamp(cmd.by, cmd.at, { type: 'DuplicateAttached', duplicateId: cmd.duplicateId });
}

/** One key per subject: the institution, or an unlicensed operator by its name in its district. */
export const subjectKey = (s: Subject): string =>
  s.kind === 'licensed'
    ? `institution:${s.institutionId}`
    : `unlicensed:${s.district}:${s.name.replace(/\s/g, '')}`;

// ─── evolve ─────────────────────────────────────────────────────────────────────

/** The state before anything happened; evolve(initial, ComplaintAccepted) fills it in. */
export const emptyComplaint = (): ComplaintState => ({
  id: '',
  trackingNumber: '',
  accessCodeHash: '',
  kind: 'complaint',
  category: 'other',
  channel: 'portal',
  subject: { kind: 'licensed', institutionId: '', licenseId: '', name: '', district: '' },
  complainant: { anonymous: true },
  description: '',
  evidence: [],
  filedAt: '',
  status: 'accepted',
  round: 1,
  missedDeadlines: [],
  ratings: [],
  duplicates: [],
  actions: [],
});

const noteOf = (e: ComplaintEvent): string | undefined => {
  switch (e.type) {
    case 'HandlingRecorded':
    case 'CalledBack':
      return e.note;
    case 'InstitutionReplied':
    case 'ReplyGiven':
      return e.reply;
    case 'ReplySentBack':
    case 'TransferRequested':
    case 'TransferRefused':
    case 'ExtensionRequested':
    case 'ExtensionRefused':
      return e.reason;
    default:
      return undefined;
  }
};

/** evolve: the state after an event; every event is appended to the action log, never rewritten. */
export function evolve(state: ComplaintState, e: ComplaintEvent): ComplaintState {
  const note = noteOf(e);
  const logged: LoggedAction = {
    action: e.type,
    actor: e.actor,
    at: e.at,
    ...(note !== undefined && { note }),
  };
  const s: ComplaintState = { ...state, actions: [...state.actions, logged] };
  switch (e.type) {
    case 'ComplaintAccepted': {
      const { type: _t, at, actor: _a, ...fields } = e;
      return { ...s, ...fields, filedAt: at, status: 'accepted', round: 1 };
    }
    case 'ComplaintRouted':
      return { ...s, status: 'routed', responsibility: e.responsibility, signBy: e.signBy };
    case 'WorkOrderSigned':
      return { ...s, status: 'signed' };
    case 'HandlingRecorded':
    case 'ReplySentBack':
      return { ...s, status: 'handling' };
    case 'ReplyGiven':
      return { ...s, status: 'replied', reply: e.reply, pendingExtension: undefined };
    case 'ReplyApproved':
      return { ...s, status: 'closed' };
    case 'CalledBack':
      return e.reached ? { ...s, status: 'called-back' } : s;
    case 'InstitutionReplied':
      return s;
    case 'ComplaintRated':
      return { ...s, status: 'rated', ratings: [...s.ratings, { round: s.round, satisfied: e.satisfied }] };
    case 'ComplaintReopened':
      return { ...s, status: 'routed', round: 2, signBy: e.signBy, answerBy: e.answerBy, reply: undefined };
    case 'TransferRequested':
      return withResponsibility(s, (r) => ({
        ...r,
        pendingTransfer: { to: e.to, reason: e.reason, requestedAt: e.at },
      }));
    case 'TransferAccepted': {
      // Accepting is signing: the receiving unit takes the work order with the deadline as it stands.
      const next = withResponsibility(s, transferAccepted);
      return { ...next, status: s.status === 'routed' ? 'signed' : s.status };
    }
    case 'TransferRefused':
      return withResponsibility(s, transferRefused);
    case 'ExtensionRequested':
      return { ...s, pendingExtension: { workingDays: e.workingDays, reason: e.reason } };
    case 'ExtensionGranted':
      return { ...s, pendingExtension: undefined, answerBy: e.answerBy };
    case 'ExtensionRefused':
      return { ...s, pendingExtension: undefined };
    case 'DeadlineMissed':
      return { ...s, missedDeadlines: [...s.missedDeadlines, deadlineKey(e.missed, e.deadline)] };
    case 'ComplaintEscalated':
      return { ...s, supervisedBy: e.to };
    case 'MergedAsDuplicate':
      return { ...s, status: 'merged', mergedInto: e.into };
    case 'DuplicateAttached':
      return { ...s, duplicates: [...s.duplicates, e.duplicateId] };
  }
}

function withResponsibility(s: ComplaintState, f: (r: Responsibility) => Responsibility): ComplaintState {
  return s.responsibility ? { ...s, responsibility: f(s.responsibility) } : s;
}

/** Replays events from the empty state. */
export const replay = (
  events: readonly ComplaintEvent[],
  from: ComplaintState = emptyComplaint(),
): ComplaintState => events.reduce(evolve, from);
