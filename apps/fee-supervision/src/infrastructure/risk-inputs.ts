import { SqlClient } from '@otr/messaging';
import { RiskInputs, RiskInputsSource } from '../application/ports';

/**
 * One cheap read of what the risk rules of every account depend on (RiskMonitor.facts): its
 * standing, mode, capacity and district (which rules apply), its ledger (postings are append-only,
 * so their count and last id), its released lessons and its families' refund requests. An account
 * whose fingerprint has not moved since its last evaluation on the same day would raise nothing new.
 */
export async function riskInputs(db: SqlClient): Promise<RiskInputs[]> {
  return db.$queryRawUnsafe<RiskInputs[]>(
    `SELECT a.institution_id::text AS "institutionId",
            concat_ws('|', a.license, a.mode, a.capacity_seats, a.district, a.updated_at,
                      p.n, p.last, l.n, r.n, r.last) AS fingerprint
       FROM fees.supervised_account a
       LEFT JOIN (SELECT institution_id, count(*) AS n, max(id) AS last FROM fees.posting GROUP BY 1) p
              USING (institution_id)
       LEFT JOIN (SELECT institution_id, count(*) AS n FROM fees.lesson WHERE status = 'released' GROUP BY 1) l
              USING (institution_id)
       LEFT JOIN (SELECT institution_id, count(*) AS n, max(created_at) AS last
                    FROM fees.refund_request WHERE NOT closure GROUP BY 1) r
              USING (institution_id)`,
  );
}

/** The risk inputs of every account, read through the service's Prisma client. */
export class SqlRiskInputs implements RiskInputsSource {
  constructor(private readonly db: SqlClient) {}

  all(): Promise<RiskInputs[]> {
    return riskInputs(this.db);
  }
}
