import { RiskAlert, Severity } from './risk-alerts';

/**
 * One alert per institution, rule and fact (预警去重): a rule that keeps finding the same condition
 * day after day updates its alert (figures, last seen) instead of raising another, so inspection
 * opens one lead per condition, not one per day. A new alert needs the last one closed and the
 * condition gone and back.
 */

/** The fact an alert stands for: the institution and rule, and the transaction where the rule names one. */
export const alertKey = (a: Pick<RiskAlert, 'institutionId' | 'code' | 'facts'>): string =>
  a.facts.transactionId === undefined
    ? `${a.institutionId}:${a.code}`
    : `${a.institutionId}:${a.code}:${a.facts.transactionId}`;

/**
 * A live alert: open or acknowledged, or closed while its condition still holds (a closed alert
 * whose condition has cleared is history, and the key is free again).
 */
export interface LiveAlert {
  id: string;
  key: string;
  state: 'open' | 'acknowledged' | 'closed';
  /** The condition was no longer found by an evaluation after it was raised. */
  cleared: boolean;
}

/** What an evaluation does to the stored alerts. */
export interface AlertDecisions {
  /** New conditions: stored and announced (RiskAlertRaised). */
  raise: RiskAlert[];
  /** Conditions still found: their alert takes the new figures and last-seen time, unannounced. */
  refresh: { id: string; alert: RiskAlert }[];
  /** Live alerts whose condition the evaluation no longer found. */
  clear: string[];
}

/**
 * Decides, from the live alerts of the evaluated rules and what the evaluation found, which alerts
 * are raised, refreshed and cleared. Pure: the same inputs give the same decisions.
 */
export function decideAlerts(live: readonly LiveAlert[], found: readonly RiskAlert[]): AlertDecisions {
  const byKey = new Map(live.map((a) => [a.key, a]));
  const seen = new Set<string>();
  const out: AlertDecisions = { raise: [], refresh: [], clear: [] };
  for (const alert of found) {
    const key = alertKey(alert);
    if (seen.has(key)) continue;
    seen.add(key);
    const current = byKey.get(key);
    if (current) out.refresh.push({ id: current.id, alert });
    else out.raise.push(alert);
  }
  for (const a of live) if (!seen.has(a.key) && !a.cleared) out.clear.push(a.id);
  return out;
}

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The order the console lists alerts in: severity first, then the longest open. */
export const severityRank = (s: Severity): number => RANK[s];
