import { Envelope, EventOrigin } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import {
  ComplaintState,
  currentDeadline,
  ENDED_STATUSES,
  evolve,
  LoggedAction,
  subjectKey,
} from '../domain/complaint';
import { ComplaintNotFound, InvalidComplaintState } from '../domain/errors';
import { EarlierComplaint } from '../domain/patterns';
import { toIntegrationEvents } from '../application/integration-events';
import {
  queueKeyOf,
  Change,
  ComplaintRepository,
  HotlineFilter,
  IntakeExtras,
  Loaded,
  Period,
  QueueFilter,
  QueueScope,
  RepeatCandidate,
} from '../application/ports';
import { ComplaintsPrisma, ComplaintsTx } from './complaints-prisma';
import type { Complaint, ComplaintAction } from './prisma/generated/client';

const OPEN = ['accepted', 'routed', 'signed', 'handling'];
/** A work queue shows what still needs an official: open, and replies waiting for review. */
const QUEUE_STATUSES = [...OPEN, 'replied'];

/** The row's columns: what queues, the sweep and pattern detection filter on. */
function columns(s: ComplaintState) {
  const d = currentDeadline(s);
  const { actions: _log, ...state } = s;
  return {
    trackingNumber: s.trackingNumber,
    accessCodeHash: s.accessCodeHash,
    kind: s.kind,
    category: s.category,
    channel: s.channel,
    status: s.status,
    round: s.round,
    subjectKey: subjectKey(s.subject),
    institutionId: s.subject.kind === 'licensed' ? s.subject.institutionId : null,
    licenseId: s.subject.kind === 'licensed' ? s.subject.licenseId : null,
    subjectName: s.subject.name,
    district: s.subject.district,
    leadDepartment: s.responsibility?.lead.department ?? null,
    leadRole: s.responsibility?.lead.role ?? null,
    transferTo: s.responsibility?.pendingTransfer?.to.department ?? null,
    departments: departmentsOf(s),
    supervisedBy: s.supervisedBy ?? null,
    deadlineStage: d?.stage ?? null,
    deadline: d ? new Date(d.due) : null,
    deadlineMissed: !!d && s.missedDeadlines.includes(`${d.stage}:${d.due}`),
    awaiting: awaitingOf(s),
    complainantHash: s.complainant.anonymous ? null : s.complainant.hash,
    intakeSystem: s.intakeSystem ?? null,
    filedAt: new Date(s.filedAt),
    state: state as object,
  };
}

const awaitingOf = (s: ComplaintState): string | null =>
  s.status === 'replied'
    ? 'review'
    : s.pendingExtension
      ? 'extension'
      : s.responsibility?.pendingTransfer
        ? 'transfer'
        : null;

const departmentsOf = (s: ComplaintState): string[] => {
  const r = s.responsibility;
  if (!r) return [];
  return [
    ...new Set(
      [r.lead, ...r.coHandlers, ...(r.pendingTransfer ? [r.pendingTransfer.to] : [])].map(
        (u) => u.department,
      ),
    ),
  ];
};

const earlierOf = (r: Complaint): EarlierComplaint => ({
  id: r.id,
  filedAt: r.filedAt.toISOString(),
  category: r.category as EarlierComplaint['category'],
  ...(r.complainantHash ? { complainantHash: r.complainantHash } : {}),
  open: OPEN.includes(r.status),
  merged: r.status === 'merged',
  flagged: r.flagId !== null,
});

export function stateOf(row: Complaint, log: ComplaintAction[]): ComplaintState {
  const state = row.state as unknown as Omit<ComplaintState, 'actions'>;
  return {
    ...state,
    // Complaints stored before evidence was taken have none.
    evidence: state.evidence ?? [],
    actions: log.map((a) => a.data as unknown as LoggedAction),
  };
}

const withLog = { actions: { orderBy: { seq: 'asc' } } } as const;

/** Filed on or after `from`, before `to`. */
const filedWithin = (p: Period) =>
  p.from || p.to ? { filedAt: { ...(p.from ? { gte: p.from } : {}), ...(p.to ? { lt: p.to } : {}) } } : {};

/** A jurisdiction and every one below it. */
const within = (jurisdiction: string) => ({
  OR: [{ district: jurisdiction }, { district: { startsWith: `${jurisdiction}-` } }],
});

/** Strictly after a cursor's row in the queue's order (deadline, none last; filed; id). */
function afterInQueue([key, id]: [string, string]) {
  const { deadline, filedAt } = queueKeyOf(key)!;
  const later = { OR: [{ filedAt: { gt: filedAt } }, { filedAt, id: { gt: id } }] };
  return deadline
    ? { OR: [{ deadline: { gt: deadline } }, { deadline: null }, { AND: [{ deadline }, later] }] }
    : { AND: [{ deadline: null }, later] };
}

export class PrismaComplaintRepository implements ComplaintRepository {
  constructor(
    private readonly prisma: ComplaintsPrisma,
    private readonly outbox: Outbox,
  ) {}

  async load(id: string): Promise<Loaded> {
    const row = await this.prisma.complaint.findUnique({ where: { id }, include: withLog });
    if (!row) throw new ComplaintNotFound(id);
    return { state: stateOf(row, row.actions), version: row.version };
  }

  async loadByTracking(trackingNumber: string): Promise<Loaded | undefined> {
    const row = await this.prisma.complaint.findUnique({ where: { trackingNumber }, select: { id: true } });
    return row ? this.load(row.id) : undefined;
  }

  async save(changes: Change[], origin: EventOrigin, intake?: IntakeExtras): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (intake?.identity) {
        await tx.complainantIdentity.create({
          data: {
            id: intake.identity.id,
            keyId: intake.identity.keyId,
            ciphertext: Buffer.from(intake.identity.sealed),
          },
        });
      }
      for (const change of changes) await this.saveOne(tx, change, origin, intake);
      if (intake?.idempotency) {
        const created = changes.find((c) => c.version === 0);
        await tx.intakeRequest.create({
          data: {
            key: intake.idempotency.key,
            requestHash: intake.idempotency.requestHash,
            complaintId: afterId(created!),
            receipt: Buffer.from(intake.idempotency.receipt),
          },
        });
      }
    });
  }

  private async saveOne(tx: ComplaintsTx, change: Change, origin: EventOrigin, intake?: IntakeExtras) {
    if (change.events.length === 0) return;
    const after = change.events.reduce(evolve, change.before);
    const data = { ...columns(after), version: change.version + 1 };
    if (change.version === 0) {
      await tx.complaint.create({
        data: { id: after.id, ...data, ...(intake?.identity ? { identityId: intake.identity.id } : {}) },
      });
    } else {
      // Optimistic concurrency: a concurrent act on the same complaint loses here.
      const updated = await tx.complaint.updateMany({
        where: { id: after.id, version: change.version },
        data,
      });
      if (updated.count === 0) throw new InvalidComplaintState('change', 'being changed by someone else');
    }
    const logged = after.actions.slice(change.before.actions.length);
    await tx.complaintAction.createMany({
      data: logged.map((a) => ({
        complaintId: after.id,
        type: a.action,
        actorId: a.actor.kind === 'official' ? a.actor.userId : a.actor.kind,
        data: a as object,
        at: new Date(a.at),
      })),
    });
    await this.outbox.append(tx, toIntegrationEvents(change.before, change.events, origin));
  }

  async earlierAbout(key: string, since: Date): Promise<EarlierComplaint[]> {
    const rows = await this.prisma.complaint.findMany({
      where: { subjectKey: key, filedAt: { gte: since } },
    });
    return rows.map(earlierOf);
  }

  async intakeRequest(key: string) {
    const row = await this.prisma.intakeRequest.findUnique({ where: { key } });
    return row ? { requestHash: row.requestHash, receipt: row.receipt } : undefined;
  }

  async accessOf(trackingNumber: string) {
    const row = await this.prisma.complaint.findUnique({
      where: { trackingNumber },
      select: { id: true, accessCodeHash: true, accessFailures: true, accessLockedUntil: true },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      accessCodeHash: row.accessCodeHash,
      failures: row.accessFailures,
      ...(row.accessLockedUntil ? { lockedUntil: row.accessLockedUntil } : {}),
    };
  }

  async recordAccess(id: string, outcome: { ok: true } | { ok: false; lockUntil?: Date }) {
    await this.prisma.complaint.update({
      where: { id },
      data: outcome.ok
        ? { accessFailures: 0, accessLockedUntil: null }
        : outcome.lockUntil
          ? { accessFailures: 0, accessLockedUntil: outcome.lockUntil }
          : { accessFailures: { increment: 1 } },
    });
  }

  async list(filter: QueueFilter, scope: QueueScope, bounds: { today: string; amberUntil: string }) {
    const deadline =
      filter.colour === 'red'
        ? { lt: new Date(bounds.today) }
        : filter.colour === 'amber'
          ? { gte: new Date(bounds.today), lte: new Date(bounds.amberUntil) }
          : filter.colour === 'green'
            ? { gt: new Date(bounds.amberUntil) }
            : undefined;
    const where = {
      ...('institutionId' in scope ? { institutionId: scope.institutionId } : within(scope.jurisdiction)),
      ...(filter.district ? { district: filter.district } : {}),
      ...(filter.department ? { departments: { has: filter.department } } : {}),
      ...(filter.awaiting ? { awaiting: filter.awaiting } : {}),
      status: filter.status ? filter.status : { in: QUEUE_STATUSES },
      ...(deadline ? { deadline } : {}),
    };
    const after = filter.after && afterInQueue(filter.after);
    const [rows, total] = await Promise.all([
      this.prisma.complaint.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: [{ deadline: { sort: 'asc', nulls: 'last' } }, { filedAt: 'asc' }, { id: 'asc' }],
        ...(after ? {} : { skip: (filter.page - 1) * filter.pageSize }),
        // One more than the page: it says whether another page follows.
        take: filter.pageSize + 1,
      }),
      this.prisma.complaint.count({ where }),
    ]);
    return { total, rows };
  }

  async openByColour(scope: QueueScope, bounds: { today: string; amberUntil: string }) {
    const inScope =
      'institutionId' in scope ? { institutionId: scope.institutionId } : within(scope.jurisdiction);
    const today = new Date(bounds.today);
    const amberUntil = new Date(bounds.amberUntil);
    const count = (deadline: object) =>
      this.prisma.complaint.groupBy({
        by: ['district'],
        where: { ...inScope, status: { in: QUEUE_STATUSES }, deadline },
        _count: { _all: true },
      });
    // The same ranges as the work queue's colour filter; a complaint with no deadline is on time.
    const [red, amber, green] = await Promise.all([
      count({ lt: today }),
      count({ gte: today, lte: amberUntil }),
      this.prisma.complaint.groupBy({
        by: ['district'],
        // AND, not a second OR key: spread beside the jurisdiction's OR, it replaced it.
        where: {
          AND: [inScope, { OR: [{ deadline: { gt: amberUntil } }, { deadline: null }] }],
          status: { in: QUEUE_STATUSES },
        },
        _count: { _all: true },
      }),
    ]);
    const byDistrict = new Map<string, { district: string; green: number; amber: number; red: number }>();
    const add = (
      rows: { district: string; _count: { _all: number } }[],
      colour: 'green' | 'amber' | 'red',
    ) => {
      for (const r of rows) {
        const d = byDistrict.get(r.district) ?? { district: r.district, green: 0, amber: 0, red: 0 };
        d[colour] += r._count._all;
        byDistrict.set(r.district, d);
      }
    };
    add(red, 'red');
    add(amber, 'amber');
    add(green, 'green');
    return [...byDistrict.values()].sort((a, b) => a.district.localeCompare(b.district));
  }

  async revealIdentity(
    complaintId: string,
    identityRef: string,
    viewerId: string,
    reason: string,
  ): Promise<Uint8Array> {
    return this.prisma.$transaction(async (tx) => {
      const identity = await tx.complainantIdentity.findUniqueOrThrow({ where: { id: identityRef } });
      await tx.identityAccess.create({ data: { complaintId, viewerId, reason } });
      return identity.ciphertext;
    });
  }

  async repeatCandidates(since: Date): Promise<RepeatCandidate[]> {
    const groups = await this.prisma.complaint.groupBy({
      by: ['institutionId'],
      where: {
        institutionId: { not: null },
        flagId: null,
        status: { not: 'merged' },
        filedAt: { gte: since },
      },
      having: { institutionId: { _count: { gte: 2 } } },
    });
    const out: RepeatCandidate[] = [];
    for (const g of groups) {
      const rows = await this.prisma.complaint.findMany({
        where: { institutionId: g.institutionId, filedAt: { gte: since } },
        orderBy: { filedAt: 'asc' },
      });
      const last = rows[rows.length - 1];
      out.push({
        institutionId: g.institutionId!,
        licenseId: last.licenseId!,
        subjectName: last.subjectName,
        district: last.district,
        complaints: rows.map(earlierOf),
      });
    }
    return out;
  }

  async flagRepeat(
    flag: { id: string; institutionId: string; complaintIds: string[]; at: Date },
    event: Envelope,
  ) {
    await this.prisma.$transaction(async (tx) => {
      await tx.repeatFlag.create({
        data: {
          id: flag.id,
          institutionId: flag.institutionId,
          complaintIds: flag.complaintIds,
          flaggedAt: flag.at,
        },
      });
      const marked = await tx.complaint.updateMany({
        where: { id: { in: flag.complaintIds }, flagId: null },
        data: { flagId: flag.id },
      });
      // Another sweep counted some of them first: this flag is not due any more.
      if (marked.count !== flag.complaintIds.length)
        throw new InvalidComplaintState('flag', 'already flagged');
      await this.outbox.append(tx, [event]);
    });
  }

  async outcomesOf(complaintId: string) {
    const rows = await this.prisma.complaintOutcome.findMany({
      where: { complaintId },
      orderBy: { decidedOn: 'asc' },
    });
    return rows.map((r) => ({
      penaltyId: r.penaltyId,
      decisionNumber: r.decisionNumber,
      penaltyType: r.penaltyType,
      decidedOn: r.decidedOn.toISOString().slice(0, 10),
    }));
  }

  async filedBy(system: string, filter: HotlineFilter): Promise<ComplaintState[]> {
    const rows = await this.prisma.complaint.findMany({
      where: {
        intakeSystem: system,
        ...filedWithin(filter),
        ...(filter.trackingNumbers ? { trackingNumber: { in: filter.trackingNumbers } } : {}),
        ...(filter.categories ? { category: { in: filter.categories } } : {}),
        ...(filter.ended === undefined
          ? {}
          : { status: { [filter.ended ? 'in' : 'notIn']: [...ENDED_STATUSES] } }),
      },
      include: withLog,
      orderBy: { filedAt: 'desc' },
      take: filter.limit,
    });
    return rows.map((r) => stateOf(r, r.actions));
  }

  async filedIn(scope: { jurisdiction: string }, period: Period): Promise<ComplaintState[]> {
    const rows = await this.prisma.complaint.findMany({
      where: { ...within(scope.jurisdiction), ...filedWithin(period) },
      include: withLog,
    });
    return rows.map((r) => stateOf(r, r.actions));
  }

  async overdue(today: string): Promise<string[]> {
    const rows = await this.prisma.complaint.findMany({
      where: { deadline: { lt: new Date(today) }, deadlineMissed: false },
      select: { id: true },
      orderBy: { deadline: 'asc' },
    });
    return rows.map((r) => r.id);
  }
}

const afterId = (c: Change) => c.events.reduce(evolve, c.before).id;
