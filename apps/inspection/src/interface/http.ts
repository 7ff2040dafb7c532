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
import { UuidPipe, ZodPipe } from '@otr/runtime';
import { z } from 'zod';
import { InspectionStore, Kind, ListFilter, Scope, STORE } from '../application/ports';
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
});
export type ListQueryInput = z.infer<typeof ListQuery>;

export const filterOf = (q: ListQueryInput, p: Principal): ListFilter => ({
  page: q.page,
  pageSize: q.pageSize,
  ...(q.status ? { status: q.status } : {}),
  ...(q.institutionId ? { institutionId: q.institutionId } : {}),
  ...(q.assigned ? { inspectorId: p.userId } : {}),
  ...(q.spotCheckId ? { spotCheckId: q.spotCheckId } : {}),
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
    list(@Query(new ZodPipe(ListQuery)) q: ListQueryInput, @CurrentPrincipal() p: Principal) {
      return this.store.list(kind, filterOf(q, p), scopeOf(p));
    }

    @Get(':id')
    @Roles(...roles)
    async get(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
      const record = await this.store.load(kind, id);
      assertVisible(p, (record as { subject: Subject }).subject, kind);
      return opts.history ? { ...record, history: await this.store.history(kind, id) } : record;
    }
  }
  return Reads;
}
