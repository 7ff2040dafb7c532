import { Get, Inject, Param, Query } from '@nestjs/common';
import {
  assertCanRead,
  CurrentPrincipal,
  originOf,
  Principal,
  readScopeOf,
  RecordKind,
  Role,
  Roles,
} from '@otr/auth';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { InspectionStore, Kind, ListFilter, Scope, STORE } from '../application/ports';
import { AnnualReportState } from '../domain/annual-report';
import { BlacklistEntryState } from '../domain/blacklist';
import { InspectionState } from '../domain/inspection';
import { JointCaseState } from '../domain/joint-case';
import { PenaltyState } from '../domain/penalty';
import { RectificationState } from '../domain/rectification';
import { SpotCheckState } from '../domain/spot-check';
import { ViolationState } from '../domain/violation';
import { Ctx } from '../application/support';
import { Subject } from '../domain/official';

/** The acting official (or operator) and the origin their events carry. */
export const ctxOf = (p: Principal): Ctx => ({
  origin: originOf(p),
  by: {
    userId: p.userId,
    jurisdiction: p.jurisdiction,
    ...(p.department ? { department: p.department } : {}),
    ...(p.institutionId ? { institutionId: p.institutionId } : {}),
  },
});

/** Officials see their jurisdiction; an institution operator only their own institution (libs/auth). */
export const scopeOf = (p: Principal): Scope => readScopeOf(p);

/** Each kind of this service's records, as the shared read policy names it. */
const POLICY_KIND: Record<Kind, RecordKind> = {
  'annual-report': 'annual-report',
  inspection: 'inspection',
  violation: 'violation',
  rectification: 'rectification',
  penalty: 'penalty',
  blacklist: 'blacklist',
  'spot-check': 'spot-check',
  'joint-case': 'joint-case',
};

export function assertVisible(p: Principal, subject: Subject, kind: Kind = 'inspection'): void {
  assertCanRead(p, POLICY_KIND[kind], subject);
}

export const ListQuery = z.object({
  status: z.string().max(40).optional(),
  institutionId: z.string().max(64).optional(),
  /** 'me': inspections assigned to the caller. */
  assigned: z.literal('me').optional(),
  spotCheckId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  after: z
    .uuid()
    .optional()
    .describe(
      "Keyset paging: a previous page's nextCursor; the records after it, newest first (page is ignored).",
    ),
});
export type ListQueryInput = z.infer<typeof ListQuery>;

export const filterOf = (q: ListQueryInput, p: Principal): ListFilter => ({
  page: q.page,
  pageSize: q.pageSize,
  ...(q.status ? { status: q.status } : {}),
  ...(q.institutionId ? { institutionId: q.institutionId } : {}),
  ...(q.assigned ? { inspectorId: p.userId } : {}),
  ...(q.spotCheckId ? { spotCheckId: q.spotCheckId } : {}),
  ...(q.after ? { after: q.after } : {}),
});

/** Each kind's record as the routes answer it: the domain state, one schema for the type and the document. */
export const RECORD: Record<Kind, z.ZodObject> = {
  'annual-report': AnnualReportState,
  inspection: InspectionState,
  violation: ViolationState,
  rectification: RectificationState,
  penalty: PenaltyState,
  blacklist: BlacklistEntryState,
  'spot-check': SpotCheckState,
  'joint-case': JointCaseState,
};

/** One entry of a record's action log (办案记录), oldest first. */
export const HistoryEntry = z.object({
  type: z.string().describe('The domain event, e.g. PenaltyProposed.'),
  actorId: z.string(),
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()).describe('The event as recorded.'),
});

/** A list page: { items, total } with the keyset cursor of the next page (null on the last). */
export const ListPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().describe('Records matching the filter, over all pages.'),
    nextCursor: z
      .uuid()
      .nullable()
      .describe('Pass as `after` for the next page; null when this page is the last.'),
  });

/** Officials who read enforcement records. */
export const READERS = [
  'approver',
  'inspector',
  'spot-check-planner',
  'task-force-officer',
  'viewer',
  'administrator',
] as const;

/** Officials who read enforcement records, and the institution's operator (scoped to it). */
export const READERS_AND_OPERATOR = [...READERS, 'institution-operator'] as const;

/**
 * The read routes every kind of record shares, as a base class for its controller: GET /, the
 * caller's filter within their scope; GET /:id, refused outside it, with the record's action log
 * where its page shows one. A subclass declares its own routes first, so GET /codes wins over /:id.
 */
export function RecordReads<K extends Kind>(
  kind: K,
  roles: readonly Role[],
  opts: { history?: boolean } = {},
) {
  class Reads {
    // A property, not a constructor parameter: a subclass's constructor injects its own.
    @Inject(STORE) readonly store!: InspectionStore;

    @Get()
    @Roles(...roles)
    @Returns(ListPage(RECORD[kind]))
    list(@Query(new ZodPipe(ListQuery)) q: ListQueryInput, @CurrentPrincipal() p: Principal) {
      return this.store.list(kind, filterOf(q, p), scopeOf(p));
    }

    @Get(':id')
    @Roles(...roles)
    @Returns(opts.history ? RECORD[kind].extend({ history: z.array(HistoryEntry) }) : RECORD[kind])
    async get(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
      const record = await this.store.load(kind, id);
      assertVisible(p, (record as { subject: Subject }).subject, kind);
      return opts.history ? { ...record, history: await this.store.history(kind, id) } : record;
    }
  }
  return Reads;
}
