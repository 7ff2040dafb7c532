import { EventOrigin } from '@otr/contracts';
import { evolveAnnualReport } from '../domain/annual-report';
import { evolveBlacklistEntry } from '../domain/blacklist';
import { InspectionRuleViolated, NotFound } from '../domain/errors';
import { evolveInspection } from '../domain/inspection';
import { evolveJointCase } from '../domain/joint-case';
import { assertJurisdiction, Official, Subject } from '../domain/official';
import { evolvePenalty } from '../domain/penalty';
import { evolveRectification } from '../domain/rectification';
import { evolveSpotCheck } from '../domain/spot-check';
import { Evidence, ViolationState } from '../domain/violation';
import { Aggregates, change, Change, EvidenceStore, InspectionStore, Kind } from './ports';

/** Who is acting, and the origin their events carry. */
export interface Ctx {
  origin: EventOrigin;
  by: Official & { institutionId?: string };
}

const EVOLVE: {
  [K in Kind]: (s: Aggregates[K]['state'], e: Aggregates[K]['event']) => Aggregates[K]['state'];
} = {
  'annual-report': evolveAnnualReport,
  inspection: evolveInspection,
  violation: (s) => s,
  rectification: evolveRectification,
  penalty: evolvePenalty,
  blacklist: evolveBlacklistEntry,
  'spot-check': evolveSpotCheck,
  'joint-case': evolveJointCase,
};

/** Applies a decision's events to the state: the change to commit, and the state after it. */
export function applyEvents<K extends Kind>(
  kind: K,
  state: Aggregates[K]['state'],
  events: Aggregates[K]['event'][],
): { change: Change; next: Aggregates[K]['state'] } {
  const next = events.reduce(EVOLVE[kind], state);
  return { change: change(kind, next, events), next };
}

/** Evidence is uploaded first (POST /evidence); a record may only cite files the store holds. */
export async function assertEvidenceStored(store: EvidenceStore, evidence: Evidence[], field = 'evidence') {
  for (const [i, e] of evidence.entries())
    if (!(await store.has(e.sha256)))
      throw new InspectionRuleViolated(`${field}[${i}] has not been uploaded`, {
        field: `${field}.${i}.sha256`,
        rule: 'upload the file first; the record cites it by its SHA-256',
      });
}

/** Where a record lies: its subject's district, or the jurisdiction a spot check was drawn in. */
const districtOf = (s: { subject?: Subject; jurisdiction?: string }) =>
  s.subject?.district ?? s.jurisdiction ?? '';

/**
 * The shape of a decision on one record: load it, check it lies in the official's jurisdiction
 * (unless the domain checks who acts, as for an assigned inspector or the institution itself),
 * decide, and commit its change with any that follow from it (`also`) in one transaction.
 */
export async function decideOn<K extends Kind>(
  store: InspectionStore,
  kind: K,
  id: string,
  ctx: Ctx,
  decide: (s: Aggregates[K]['state']) => Aggregates[K]['event'][] | Promise<Aggregates[K]['event'][]>,
  opts: {
    inJurisdiction?: boolean;
    also?: (s: Aggregates[K]['state'], events: Aggregates[K]['event'][]) => Promise<Change[]>;
  } = {},
): Promise<Aggregates[K]['state']> {
  const s = await store.load(kind, id);
  if (opts.inJurisdiction !== false) assertJurisdiction(ctx.by, districtOf(s));
  const events = await decide(s);
  const { change, next } = applyEvents(kind, s, events);
  await store.commit([change, ...((await opts.also?.(s, events)) ?? [])], ctx.origin);
  return next;
}

/** A licensed institution of the pool as the subject of a record. */
export const subjectOf = (i: Subject & { institutionId: string; licenseId: string; address?: string }) => ({
  institutionId: i.institutionId,
  licenseId: i.licenseId,
  name: i.name,
  district: i.district,
  address: i.address,
});

/** The subject of a record about a licensed institution; an institution the pool does not know is refused. */
export async function licensedSubject(store: InspectionStore, institutionId: string) {
  const institution = await store.institution(institutionId);
  if (!institution) throw new NotFound('institution', institutionId);
  return subjectOf(institution);
}

/** The violations one order or penalty rests on: all of the same subject, in the official's jurisdiction. */
export async function violationsOfOneSubject(
  store: InspectionStore,
  violationIds: string[],
  by: Official,
  what: string,
): Promise<ViolationState[]> {
  const violations = await Promise.all(violationIds.map((id) => store.load('violation', id)));
  const subject = violations[0].subject;
  if (violations.some((v) => v.subject.institutionId !== subject.institutionId))
    throw new InspectionRuleViolated(`one ${what} concerns one subject`, {
      field: 'violationIds',
      rule: 'violations of the same institution',
    });
  assertJurisdiction(by, subject.district);
  return violations;
}
