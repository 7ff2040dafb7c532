import { EventOrigin } from '@otr/contracts';
import { evolveAnnualReport } from '../domain/annual-report';
import { evolveBlacklistEntry } from '../domain/blacklist';
import { InspectionRuleViolated } from '../domain/errors';
import { evolveInspection } from '../domain/inspection';
import { evolveJointCase } from '../domain/joint-case';
import { Official } from '../domain/official';
import { evolvePenalty } from '../domain/penalty';
import { evolveRectification } from '../domain/rectification';
import { evolveSpotCheck } from '../domain/spot-check';
import { Evidence } from '../domain/violation';
import { Aggregates, change, Change, EvidenceStore, Kind } from './ports';

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
