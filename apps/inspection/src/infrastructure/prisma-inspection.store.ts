import { EventOrigin } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { Grade } from '../domain/annual-report';
import { InvalidState, NotFound } from '../domain/errors';
import { Subject } from '../domain/official';
import { RosterInspector } from '../domain/spot-check';
import { toIntegrationEvents } from '../application/integration-events';
import { Aggregates, Change, InspectionStore, Kind, ListFilter, Scope } from '../application/ports';
import { Prisma } from './prisma/generated/client';
import { InspectionPrisma, InspectionTx } from './inspection-prisma';

/** The slice of a Prisma model delegate the store uses for every aggregate table. */
interface AggregateTable {
  create(args: { data: object }): Promise<unknown>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string } }): Promise<{ state: unknown; version: number } | null>;
  findMany(args: object): Promise<{ state: unknown; version: number }[]>;
  count(args: object): Promise<number>;
}

const tables = (db: InspectionPrisma | InspectionTx) =>
  ({
    'annual-report': db.annualReport,
    inspection: db.inspection,
    violation: db.violation,
    rectification: db.rectification,
    penalty: db.penalty,
    blacklist: db.blacklistEntry,
    'spot-check': db.spotCheck,
    'joint-case': db.jointCase,
  }) as unknown as Record<Kind, AggregateTable>;

const date = (d: string | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);
const subjectColumns = (s: Subject) => ({
  institutionId: s.institutionId,
  licenseId: s.licenseId ?? null,
  district: s.district,
});

/** The query columns of each aggregate's row, beside its state. */
function columnsOf(c: Change): Record<string, unknown> {
  switch (c.kind) {
    case 'annual-report':
      return {
        ...subjectColumns(c.state.subject),
        status: c.state.status,
        year: c.state.year,
        grade: c.state.grading?.grade ?? null,
      };
    case 'inspection':
      return {
        ...subjectColumns(c.state.subject),
        status: c.state.status,
        triggerKind: c.state.trigger.kind,
        spotCheckId: c.state.trigger.kind === 'spot-check' ? c.state.trigger.spotCheckId : null,
        inspectorIds: c.state.inspectors.map((i) => i.userId),
        scheduledFor: date(c.state.scheduledFor),
      };
    case 'violation':
      return {
        ...subjectColumns(c.state.subject),
        status: 'recorded',
        inspectionId: c.state.inspectionId ?? null,
        code: c.state.code,
        severity: c.state.severity,
      };
    case 'rectification':
      return { ...subjectColumns(c.state.subject), status: c.state.status, dueBy: date(c.state.dueBy) };
    case 'penalty':
      return {
        ...subjectColumns(c.state.subject),
        status: c.state.status,
        type: c.state.type,
        decisionNumber: c.state.decision?.number ?? null,
      };
    case 'blacklist':
      return {
        ...subjectColumns(c.state.subject),
        status: c.state.status,
        subjectName: c.state.subject.name,
        removableOn: date(c.state.removableOn),
      };
    case 'spot-check':
      return {
        institutionId: c.state.id,
        licenseId: null,
        district: c.state.jurisdiction,
        status: c.state.status,
      };
    case 'joint-case':
      return { ...subjectColumns(c.state.subject), status: c.state.status };
  }
}

const inJurisdiction = (j: string) => ({ OR: [{ district: j }, { district: { startsWith: `${j}-` } }] });

/** District code CN-ZJ-HZ-XH → XH, the local part printed in decision numbers. */
const districtPart = (district: string) => district.split('-').pop() ?? district;
const DECISION_WORD = { penalty: '教罚', blacklist: '教信' } as const;

/**
 * Writes changes inside the caller's transaction: each aggregate's row (optimistic on its
 * version), its action-log rows, projections that follow (an excellent grade's exemption), and
 * the outbox. Commands and event consumers both write through here.
 */
export async function writeChanges(tx: InspectionTx, outbox: Outbox, changes: Change[], origin: EventOrigin) {
  const effective = changes.filter((c) => c.events.length > 0);
  for (const c of effective) {
    const table = tables(tx)[c.kind];
    const version = c.state.version + 1;
    const data = { ...columnsOf(c), state: { ...c.state, version } as object, version };
    if (c.state.version === 0) await table.create({ data: { id: c.state.id, ...data } });
    else {
      // Optimistic concurrency: a concurrent change of the same record loses here.
      const updated = await table.updateMany({ where: { id: c.state.id, version: c.state.version }, data });
      if (updated.count === 0) throw new InvalidState('change', 'being changed by someone else');
    }
    await tx.actionLog.createMany({
      data: c.events.map((e) => ({
        aggregateType: c.kind,
        aggregateId: c.state.id,
        type: e.type,
        actorId: origin.actor.userId,
        data: e as object,
      })),
    });
    if (c.kind === 'annual-report')
      for (const e of c.events)
        if (e.type === 'AnnualReportGraded' && e.exemptFromSpotChecksUntil)
          await tx.institution.updateMany({
            where: { institutionId: c.state.subject.institutionId },
            data: { exemptUntil: date(e.exemptFromSpotChecksUntil) },
          });
  }
  await outbox.append(
    tx,
    effective.flatMap((c) => toIntegrationEvents(c, origin)),
  );
}

export class PrismaInspectionStore implements InspectionStore {
  constructor(
    private readonly prisma: InspectionPrisma,
    private readonly outbox: Outbox,
  ) {}

  async commit(changes: Change[], origin: EventOrigin): Promise<void> {
    if (!changes.some((c) => c.events.length > 0)) return;
    await this.prisma.$transaction((tx) => writeChanges(tx, this.outbox, changes, origin));
  }

  async load<K extends Kind>(kind: K, id: string): Promise<Aggregates[K]['state']> {
    const row = await tables(this.prisma)[kind].findUnique({ where: { id } });
    if (!row) throw new NotFound(kind, id);
    return { ...(row.state as object), version: row.version } as Aggregates[K]['state'];
  }

  async list<K extends Kind>(kind: K, f: ListFilter, scope: Scope) {
    const where = {
      ...('institutionId' in scope
        ? { institutionId: scope.institutionId }
        : inJurisdiction(scope.jurisdiction)),
      ...(f.status ? { status: f.status } : {}),
      ...(f.institutionId && !('institutionId' in scope) ? { institutionId: f.institutionId } : {}),
      ...(f.inspectorId && kind === 'inspection' ? { inspectorIds: { has: f.inspectorId } } : {}),
      ...(f.spotCheckId && kind === 'inspection' ? { spotCheckId: f.spotCheckId } : {}),
    };
    const table = tables(this.prisma)[kind];
    // Newest first; keyset paging (after) continues past a record in the same order, the database
    // comparing its own timestamps (Prisma's cursor), so a page is stable while records are added.
    const [rows, total] = await Promise.all([
      table.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        ...(f.after ? { cursor: { id: f.after }, skip: 1 } : { skip: (f.page - 1) * f.pageSize }),
        take: f.pageSize + 1,
      }),
      table.count({ where }),
    ]);
    const page = rows.slice(0, f.pageSize);
    return {
      total,
      items: page.map((r) => ({ ...(r.state as object), version: r.version }) as Aggregates[K]['state']),
      nextCursor: rows.length > f.pageSize ? (page[page.length - 1].state as { id: string }).id : null,
    };
  }

  async history(kind: Kind, id: string) {
    const rows = await this.prisma.actionLog.findMany({
      where: { aggregateType: kind, aggregateId: id },
      orderBy: { seq: 'asc' },
    });
    return rows.map((r) => ({ type: r.type, actorId: r.actorId, at: r.at.toISOString(), data: r.data }));
  }

  async nextDecisionNumber(kind: 'penalty' | 'blacklist', district: string, year: number): Promise<string> {
    const [row] = await this.prisma.$queryRawUnsafe<{ last: number }[]>(
      `INSERT INTO inspection.decision_counter (district, year, kind, last) VALUES ($1, $2, $3, 1)
       ON CONFLICT (district, year, kind) DO UPDATE SET last = decision_counter.last + 1 RETURNING last`,
      district,
      year,
      kind,
    );
    // e.g. XH教罚〔2026〕7号, the shape of an administrative decision number.
    return `${districtPart(district)}${DECISION_WORD[kind]}〔${year}〕${row.last}号`;
  }

  async institution(institutionId: string) {
    const row = await this.prisma.institution.findUnique({ where: { institutionId } });
    return row ? toPool(row) : undefined;
  }

  async institutionByLicense(licenseId: string) {
    const row = await this.prisma.institution.findUnique({ where: { licenseId } });
    return row ? toPool(row) : undefined;
  }

  async pool(jurisdiction: string) {
    const rows = await this.prisma.institution.findMany({
      where: { licenseStatus: 'active', ...inJurisdiction(jurisdiction) },
    });
    return rows.map(toPool);
  }

  poolSize(): Promise<number> {
    return this.prisma.institution.count({ where: { licenseStatus: 'active' } });
  }

  async roster(jurisdiction: string): Promise<RosterInspector[]> {
    // Inspectors from the jurisdiction, above it (city officials) or below it (district officials).
    const rows = await this.prisma.inspector.findMany({
      where: { active: true },
      orderBy: { userId: 'asc' },
    });
    return rows
      .filter(
        (r) =>
          r.jurisdiction === jurisdiction ||
          r.jurisdiction.startsWith(`${jurisdiction}-`) ||
          jurisdiction.startsWith(`${r.jurisdiction}-`),
      )
      .map((r) => ({
        userId: r.userId,
        name: r.name,
        department: r.department,
        jurisdiction: r.jurisdiction,
        conflicts: r.conflicts,
      }));
  }

  async rosterJurisdiction(userId: string): Promise<string | undefined> {
    const row = await this.prisma.inspector.findUnique({ where: { userId }, select: { jurisdiction: true } });
    return row?.jurisdiction;
  }

  async saveInspector(i: RosterInspector & { active: boolean }): Promise<void> {
    const data = {
      name: i.name,
      department: i.department,
      jurisdiction: i.jurisdiction,
      conflicts: i.conflicts,
      active: i.active,
    };
    await this.prisma.inspector.upsert({
      where: { userId: i.userId },
      create: { userId: i.userId, ...data },
      update: data,
    });
  }

  async ledger(licenseId: string) {
    const row = await this.prisma.incomeLedger.findUnique({ where: { licenseId } });
    return row ? { releasedFen: Number(row.releasedFen), refundedFen: Number(row.refundedFen) } : undefined;
  }

  async reportExists(licenseId: string, year: number): Promise<boolean> {
    return (await this.prisma.annualReport.count({ where: { licenseId, year } })) > 0;
  }

  async earlierGrades(licenseId: string, year: number) {
    const rows = await this.prisma.annualReport.findMany({
      where: { licenseId, year: { lt: year }, grade: { not: null } },
      select: { year: true, grade: true },
    });
    return rows.map((r) => ({ year: r.year, grade: r.grade as Grade }));
  }

  async overdueRectifications(today: string): Promise<string[]> {
    const rows = await this.prisma.rectification.findMany({
      where: { status: 'ordered', dueBy: { lt: date(today)! } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async rectificationStats(scope: Scope, today: string) {
    const inScope =
      'institutionId' in scope
        ? Prisma.sql`institution_id = ${scope.institutionId}`
        : Prisma.sql`(district = ${scope.jurisdiction} OR district LIKE ${`${scope.jurisdiction}-%`})`;
    const byDistrict = await this.prisma.$queryRaw<{ district: string; open: number; overdue: number }[]>`
      SELECT district,
             count(*)::int AS open,
             count(*) FILTER (WHERE status = 'overdue' OR (status = 'ordered' AND due_by < ${today}::date))::int AS overdue
      FROM inspection.rectification
      WHERE status <> 'verified' AND ${inScope}
      GROUP BY district ORDER BY district`;
    return {
      rectificationsOpen: byDistrict.reduce((n, d) => n + d.open, 0),
      rectificationsOverdue: byDistrict.reduce((n, d) => n + d.overdue, 0),
      byDistrict,
    };
  }

  async evidenceCitedBy(sha256: string) {
    const cites = JSON.stringify([{ sha256 }]);
    return this.prisma.$queryRaw<{ kind: 'violation' | 'rectification'; id: string; subject: Subject }[]>`
      SELECT 'violation' AS kind, id::text, state->'subject' AS subject FROM inspection.violation
       WHERE state->'evidence' @> ${cites}::jsonb
      UNION ALL
      SELECT 'rectification', id::text, state->'subject' FROM inspection.rectification
       WHERE jsonb_path_exists(state, '$.reports[*].evidence[*] ? (@.sha256 == $h)', jsonb_build_object('h', ${sha256}::text))`;
  }

  async inspectionsOf(spotCheckId: string) {
    const rows = await this.prisma.inspection.findMany({ where: { spotCheckId } });
    return rows.map(
      (r) => ({ ...(r.state as object), version: r.version }) as Aggregates['inspection']['state'],
    );
  }
}

function toPool(r: {
  institutionId: string;
  licenseId: string;
  name: string;
  district: string;
  category: string;
  address: string;
  licenseStatus: string;
  exemptUntil: Date | null;
}) {
  return {
    institutionId: r.institutionId,
    licenseId: r.licenseId,
    name: r.name,
    district: r.district,
    category: r.category,
    address: r.address,
    licenseStatus: r.licenseStatus,
    ...(r.exemptUntil ? { exemptUntil: r.exemptUntil.toISOString().slice(0, 10) } : {}),
  };
}
