import type { ServiceInfra } from '@otr/runtime';

/**
 * Complaints whose working-day deadline runs, by stage and by how it stands today (Beijing's date),
 * counted at each scrape: `missed` growing is the regulator's SLA failing (docs/operations.md, Alerts).
 */
export function watchComplaintSla(infra: Pick<ServiceInfra, 'pool' | 'metrics'>): void {
  infra.metrics.scraped(
    'otr_complaints_deadline',
    'Complaints with a running deadline, by stage (sign, answer) and state (running, due-today, missed)',
    ['stage', 'state'],
  )(async () => {
    const { rows } = await infra.pool.query<{ stage: string; state: string; n: number }>(
      `SELECT deadline_stage AS stage,
              CASE WHEN deadline_missed OR deadline < today THEN 'missed'
                   WHEN deadline = today THEN 'due-today' ELSE 'running' END AS state,
              count(*)::int AS n
       FROM complaints.complaint, (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today) AS d
       WHERE deadline_stage IS NOT NULL
       GROUP BY 1, 2`,
    );
    return rows.map((r) => [{ stage: r.stage, state: r.state }, r.n]);
  });
}
