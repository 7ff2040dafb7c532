import type { Pool } from 'pg';

/** What PostgreSQL's statistics (ANALYZE, autovacuum) say about the institutions' search terms. */
export interface TermStatistics {
  /** Institutions in the table, as last counted. */
  rows: number;
  /** The share of institutions holding the term; one not among the most common is taken as the least common's. */
  share: (term: string) => number;
}

/** Reads the statistics the planner itself uses, again every few minutes; null before any ANALYZE. */
export class SearchTermStatistics {
  private cached: { until: number; statistics: Promise<TermStatistics | null> } | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(): Promise<TermStatistics | null> {
    if (!this.cached || this.cached.until < Date.now())
      this.cached = { until: Date.now() + this.ttlMs, statistics: this.read() };
    return this.cached.statistics;
  }

  private async read(): Promise<TermStatistics | null> {
    const { rows } = await this.pool.query<{ term: string; share: number; rows: number }>(
      `SELECT e.term, e.share, c.reltuples AS rows
       FROM pg_stats AS s
       CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(term, share)
       JOIN pg_class AS c ON c.oid = 'directory.institution'::regclass
       WHERE s.schemaname = 'directory' AND s.tablename = 'institution' AND s.attname = 'search_terms'
         AND e.term IS NOT NULL`,
    );
    if (!rows.length) return null;
    const shares = new Map(rows.map((r) => [r.term, r.share]));
    const least = Math.min(...shares.values());
    return { rows: rows[0].rows, share: (term) => shares.get(term) ?? least };
  }
}
