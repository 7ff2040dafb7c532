import { ancestorsOf, isWithin } from '@otr/rules';
import { InvalidTransfer, NoRouteFound, NotResponsible } from './errors';
import { Actor, Category, describeUnit, HandlingUnit, sameUnit } from './vocabulary';

/** One line of the routing table: for a category in a jurisdiction (and all below it), who handles. */
export interface RouteEntry {
  category: Category;
  /** Jurisdiction prefix: 'CN' for the national default, 'CN-ZJ-HZ' for a city's own choice. */
  jurisdiction: string;
  lead: HandlingUnit;
  coHandlers: HandlingUnit[];
}

export type RoutingTable = readonly RouteEntry[];

const EDUCATION: HandlingUnit = { department: 'education' };
const FUND_SUPERVISION: HandlingUnit = { department: 'education', role: 'fund-supervisor' };
const MARKET: HandlingUnit = { department: 'market-regulation' };

/**
 * The national defaults of DOMAIN.md, Complaints. Education leads the 双减 task force, so it takes
 * unlicensed operators (with market regulation for the missing business licence) and 'other'.
 */
export const DEFAULT_ROUTES: RoutingTable = [
  { category: 'fees-refunds', jurisdiction: 'CN', lead: FUND_SUPERVISION, coHandlers: [MARKET] },
  {
    category: 'safety',
    jurisdiction: 'CN',
    lead: { department: 'fire' },
    coHandlers: [{ department: 'public-security' }],
  },
  { category: 'teaching-content-times', jurisdiction: 'CN', lead: EDUCATION, coHandlers: [] },
  { category: 'staff', jurisdiction: 'CN', lead: EDUCATION, coHandlers: [] },
  { category: 'advertising', jurisdiction: 'CN', lead: MARKET, coHandlers: [] },
  { category: 'unlicensed', jurisdiction: 'CN', lead: EDUCATION, coHandlers: [MARKET] },
  { category: 'other', jurisdiction: 'CN', lead: EDUCATION, coHandlers: [] },
];

/** Who is responsible now, and a transfer (转办) waiting for the receiving side, if any. */
export interface Responsibility {
  /** Always the district of the institution (or of the unlicensed operator's address). */
  district: string;
  lead: HandlingUnit;
  coHandlers: HandlingUnit[];
  pendingTransfer?: PendingTransfer;
}

export interface PendingTransfer {
  to: HandlingUnit;
  reason: string;
  requestedAt: string;
}

/**
 * The route for a category in a district: the entry of the most specific jurisdiction that
 * contains the district wins, so a city overrides the national default for its districts only.
 */
export function routeFor(table: RoutingTable, category: Category, district: string): Responsibility {
  for (const jurisdiction of ancestorsOf(district)) {
    const entry = table.find((e) => e.category === category && e.jurisdiction === jurisdiction);
    if (entry) return { district, lead: entry.lead, coHandlers: [...entry.coHandlers] };
  }
  throw new NoRouteFound(`no route for ${category} in ${district}`, {
    field: 'category',
    rule: 'every category has a route in the routing table',
  });
}

/** An official of the unit's department (and role, if the unit names one) whose jurisdiction covers the district. */
export const actsFor = (actor: Actor, unit: HandlingUnit, district: string): boolean =>
  actor.kind === 'official' &&
  actor.department === unit.department &&
  (!unit.role || actor.roles.includes(unit.role)) &&
  isWithin(district, actor.jurisdiction);

/** Lead or co-handler: the officials assigned to the complaint (they alone see the clear identity). */
export const isAssignedHandler = (actor: Actor, r: Responsibility): boolean =>
  [r.lead, ...r.coHandlers].some((u) => actsFor(actor, u, r.district));

export function assertLead(actor: Actor, r: Responsibility, action: string): void {
  if (!actsFor(actor, r.lead, r.district)) {
    throw new NotResponsible(`only ${describeUnit(r.lead)} in ${r.district} may ${action}`, {
      field: 'actor',
      rule: 'the lead department acts on its work order',
    });
  }
}

/**
 * 转办 without passing the buck: only the lead asks, with a reason, one transfer at a time, and
 * it keeps the complaint (and its deadline) until the receiving unit accepts.
 */
export function checkTransferRequest(r: Responsibility, to: HandlingUnit, reason: string, by: Actor): void {
  assertLead(by, r, 'transfer');
  if (!reason.trim()) {
    throw new InvalidTransfer('a transfer states its reason', { field: 'reason', rule: 'reason required' });
  }
  if (r.pendingTransfer) {
    throw new InvalidTransfer(`a transfer to ${describeUnit(r.pendingTransfer.to)} is still pending`, {
      field: 'to',
      rule: 'one transfer at a time',
    });
  }
  if (sameUnit(to, r.lead)) {
    throw new InvalidTransfer('cannot transfer to the unit that already leads', { field: 'to' });
  }
}

/** Only the receiving unit accepts or refuses a pending transfer. */
export function checkTransferAnswer(r: Responsibility, by: Actor): PendingTransfer {
  const pending = r.pendingTransfer;
  if (!pending) throw new InvalidTransfer('no transfer is pending', { field: 'pendingTransfer' });
  if (!actsFor(by, pending.to, r.district)) {
    throw new NotResponsible(`only ${describeUnit(pending.to)} in ${r.district} answers this transfer`, {
      field: 'actor',
      rule: 'the receiving department accepts or refuses',
    });
  }
  return pending;
}

/** Accepted: the receiving unit leads; the old lead drops out rather than co-handling silently. */
export function transferAccepted(r: Responsibility): Responsibility {
  const to = r.pendingTransfer?.to ?? r.lead;
  return {
    district: r.district,
    lead: to,
    coHandlers: r.coHandlers.filter((u) => !sameUnit(u, to)),
  };
}

/** Refused: the complaint stays (returns) with the unit that asked. */
export const transferRefused = (r: Responsibility): Responsibility => ({
  district: r.district,
  lead: r.lead,
  coHandlers: r.coHandlers,
});
