import { SqlClient } from '@otr/messaging';
import { LiveAlert, RiskAlert } from '../domain';
import { RiskAlertRecord, RiskAlertStore } from '../application/ports';
import { FeesPrisma } from './fees-prisma';

/** Live: the predicate of the partial unique index risk_alert_live_key (one live alert per key). */
const LIVE = `NOT (state = 'closed' AND cleared_at IS NOT NULL)`;

export class PrismaRiskAlertStore implements RiskAlertStore {
  constructor(private readonly prisma: FeesPrisma) {}

  async add(
    db: SqlClient,
    {
      id,
      institutionId,
      alert,
      key,
      at,
    }: { id: string; institutionId: string; alert: RiskAlert; key: string; at: Date },
  ): Promise<boolean> {
    const inserted = await db.$executeRawUnsafe(
      `INSERT INTO fees.risk_alert (id, institution_id, code, severity, facts, source, dedupe_key, raised_at, last_seen_at)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, $6, $7, $8::timestamptz, $8::timestamptz) ON CONFLICT (dedupe_key) WHERE ${LIVE} DO NOTHING`,
      id,
      institutionId,
      alert.code,
      alert.severity,
      JSON.stringify(alert.facts),
      alert.source ?? null,
      key,
      at.toISOString(),
    );
    return inserted > 0;
  }

  live(db: SqlClient, institutionId: string, codes: readonly string[]): Promise<LiveAlert[]> {
    return db.$queryRawUnsafe<LiveAlert[]>(
      `SELECT id, dedupe_key AS key, state, cleared_at IS NOT NULL AS cleared FROM fees.risk_alert
       WHERE institution_id = $1::uuid AND code = ANY($2::text[]) AND ${LIVE}
       ORDER BY id FOR UPDATE`,
      institutionId,
      [...codes],
    );
  }

  async refresh(db: SqlClient, id: string, alert: RiskAlert, at: Date): Promise<void> {
    await db.$executeRawUnsafe(
      `UPDATE fees.risk_alert SET facts = $2::jsonb, severity = $3, last_seen_at = $4::timestamptz, cleared_at = NULL
       WHERE id = $1::uuid`,
      id,
      JSON.stringify(alert.facts),
      alert.severity,
      at.toISOString(),
    );
  }

  async clear(db: SqlClient, ids: readonly string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await db.$executeRawUnsafe(
      `UPDATE fees.risk_alert SET cleared_at = $2::timestamptz WHERE id = ANY($1::uuid[]) AND cleared_at IS NULL`,
      [...ids],
      at.toISOString(),
    );
  }

  async transition(id: string, from: string[], change: Record<string, unknown>): Promise<boolean> {
    const updated = await this.prisma.riskAlert.updateMany({
      where: { id, state: { in: from } },
      data: change,
    });
    return updated.count > 0;
  }

  find(id: string): Promise<RiskAlertRecord | null> {
    return this.prisma.riskAlert.findUnique({ where: { id } });
  }
}
