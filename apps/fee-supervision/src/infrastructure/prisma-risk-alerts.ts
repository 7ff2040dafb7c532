import { SqlClient } from '@otr/messaging';
import { RiskAlert } from '../domain';
import { RiskAlertRecord, RiskAlertStore } from '../application/ports';
import { FeesPrisma } from './fees-prisma';

export class PrismaRiskAlertStore implements RiskAlertStore {
  constructor(private readonly prisma: FeesPrisma) {}

  async add(
    db: SqlClient,
    { id, institutionId, alert, key }: { id: string; institutionId: string; alert: RiskAlert; key: string },
  ): Promise<boolean> {
    const inserted = await db.$executeRawUnsafe(
      `INSERT INTO fees.risk_alert (id, institution_id, code, severity, facts, source, dedupe_key)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
      id,
      institutionId,
      alert.code,
      alert.severity,
      JSON.stringify(alert.facts),
      alert.source ?? null,
      key,
    );
    return inserted > 0;
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
