import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { InspectionRuleViolated, InvalidState } from './errors';
import { within } from './official';

/** Published with every draw so anyone can re-run it (双随机一公开). */
export const DRAW_ALGORITHM =
  'otr-draw/v1: mulberry32 seeded with the first 4 bytes (big-endian) of SHA-256(seed); ' +
  'Fisher–Yates shuffle of the eligible institutions sorted by id, first n drawn; roster sorted by user id ' +
  'and shuffled with the same generator; each drawn institution, in draw order, gets the least-loaded ' +
  'eligible inspectors (ties by shuffled rank), one per department, no conflict of interest';

/** mulberry32: a small, well-known 32-bit PRNG; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seedNumber = (seed: string) =>
  createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const PoolInstitution = z.object({
  institutionId: z.string(),
  licenseId: z.string(),
  name: z.string(),
  district: z.string(),
  category: z.string(),
  exemptUntil: z.iso
    .date()
    .optional()
    .describe('Set by an excellent annual grade (年检优秀): out of the pool through this day.'),
});
export type PoolInstitution = z.infer<typeof PoolInstitution>;

/** An institution of the pool as the service keeps it: with its address and license status. */
export const PoolEntry = PoolInstitution.extend({
  address: z.string(),
  licenseStatus: z.string().describe('The license as the service last heard of it (active).'),
});
export type PoolEntry = z.infer<typeof PoolEntry>;

export const RosterInspector = z.object({
  userId: z.string(),
  name: z.string(),
  department: z.string(),
  jurisdiction: z.string(),
  conflicts: z
    .array(z.string())
    .describe('Institutions the inspector may not inspect (relatives, former employer …): 回避.'),
});
export type RosterInspector = z.infer<typeof RosterInspector>;

export const DrawRequest = z.object({
  seed: z.string(),
  today: z.iso.date(),
  ratio: z.number().describe('Share of the eligible pool to draw (rulebook), unless a count is given.'),
  count: z.number().int().optional(),
  minInspectors: z.number().int(),
  filters: z.object({
    districts: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
  }),
});
export type DrawRequest = z.infer<typeof DrawRequest>;

export const DrawnInspection = z.object({
  institutionId: z.string(),
  licenseId: z.string(),
  name: z.string(),
  district: z.string(),
  inspectors: z.array(z.object({ userId: z.string(), department: z.string() })),
});
export type DrawnInspection = z.infer<typeof DrawnInspection>;

export const DrawResult = z.object({
  algorithm: z.string(),
  seed: z.string(),
  inputDigest: z
    .string()
    .describe(
      'SHA-256 of the canonical input (eligible ids, roster, parameters): the same digest and seed give the same draw.',
    ),
  eligibleCount: z.number().int(),
  picks: z.array(DrawnInspection),
});
export type DrawResult = z.infer<typeof DrawResult>;

const MIN_INSPECTORS_SOURCE = '《中华人民共和国行政处罚法》（2021年修订）第四十二条：执法人员不得少于两人';
const SPOT_CHECK_SOURCE = '国发〔2019〕5号《关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见》';

/** Institutions that may be drawn: licensed, not exempt by last year's excellent grade, inside the filters. */
export function eligiblePool(
  pool: PoolInstitution[],
  r: Pick<DrawRequest, 'today' | 'filters'>,
): PoolInstitution[] {
  const { districts, categories } = r.filters;
  return pool
    .filter((p) => !p.exemptUntil || p.exemptUntil < r.today)
    .filter((p) => !districts?.length || districts.some((d) => within(p.district, d)))
    .filter((p) => !categories?.length || categories.includes(p.category))
    .sort((a, b) => (a.institutionId < b.institutionId ? -1 : a.institutionId > b.institutionId ? 1 : 0));
}

/** The reproducible random draw: same pool, roster, parameters and seed → the same draw. */
export function drawSpotCheck(
  pool: PoolInstitution[],
  roster: RosterInspector[],
  r: DrawRequest,
): DrawResult {
  if (r.minInspectors < 2)
    throw new InspectionRuleViolated('at least two inspectors per inspection', {
      field: 'minInspectors',
      rule: 'at least 2',
      source: MIN_INSPECTORS_SOURCE,
    });
  const eligible = eligiblePool(pool, r);
  const team = [...roster].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const n = Math.min(eligible.length, r.count ?? Math.ceil(eligible.length * r.ratio));
  const inputDigest = createHash('sha256')
    .update(
      JSON.stringify({
        eligible: eligible.map((e) => e.institutionId),
        roster: team.map((t) => [t.userId, t.department, t.jurisdiction, [...t.conflicts].sort()]),
        n,
        minInspectors: r.minInspectors,
      }),
    )
    .digest('hex');
  const random = mulberry32(seedNumber(r.seed));
  const drawn = shuffle(eligible, random).slice(0, n);
  const rank = new Map(shuffle(team, random).map((t, i) => [t.userId, i]));
  const load = new Map(team.map((t) => [t.userId, 0]));
  const picks = drawn.map((institution) => {
    const candidates = team
      .filter(
        (t) =>
          within(institution.district, t.jurisdiction) && !t.conflicts.includes(institution.institutionId),
      )
      .sort((a, b) => load.get(a.userId)! - load.get(b.userId)! || rank.get(a.userId)! - rank.get(b.userId)!);
    const chosen: RosterInspector[] = [];
    for (const c of candidates) {
      if (chosen.length === r.minInspectors) break;
      if (!chosen.some((x) => x.department === c.department)) chosen.push(c);
    }
    if (chosen.length < r.minInspectors)
      throw new InspectionRuleViolated(`not enough inspectors for ${institution.name}`, {
        field: 'roster',
        rule: `${r.minInspectors} inspectors from different departments, none with a conflict of interest`,
        source: SPOT_CHECK_SOURCE,
      });
    chosen.forEach((c) => load.set(c.userId, load.get(c.userId)! + 1));
    return {
      institutionId: institution.institutionId,
      licenseId: institution.licenseId,
      name: institution.name,
      district: institution.district,
      inspectors: chosen.map((c) => ({ userId: c.userId, department: c.department })),
    };
  });
  return { algorithm: DRAW_ALGORITHM, seed: r.seed, inputDigest, eligibleCount: eligible.length, picks };
}

/** A random spot check (双随机一公开): its draw, the kept input, the inspections and published results. */
export const SpotCheckState = z.object({
  id: z.uuid(),
  name: z.string(),
  jurisdiction: z.string(),
  draw: DrawResult,
  input: z
    .object({
      pool: z.array(
        PoolInstitution.extend(PoolEntry.partial().pick({ address: true, licenseStatus: true }).shape),
      ),
      roster: z.array(RosterInspector),
      request: DrawRequest,
    })
    .describe('The exact input of the draw, kept so anyone can re-run it and compare.'),
  inspections: z
    .array(z.object({ institutionId: z.string(), inspectionId: z.uuid() }))
    .describe('Inspection id per drawn institution.'),
  drawnBy: z.string(),
  drawnOn: z.iso.date(),
  status: z.enum(['drawn', 'published']),
  results: z.array(z.object({ institutionId: z.string(), name: z.string(), result: z.string() })).optional(),
  publishedOn: z.iso.date().optional(),
  version: z.number().int(),
});
export type SpotCheckState = z.infer<typeof SpotCheckState>;

export type SpotCheckEvent =
  | { type: 'SpotCheckDrawn' }
  | {
      type: 'SpotCheckPublished';
      on: string;
      results: { institutionId: string; name: string; result: string }[];
    };

/** Re-runs a draw from its kept input: true when it gives the published result again. */
export const replayMatches = (s: Pick<SpotCheckState, 'draw' | 'input'>): boolean =>
  isDeepStrictEqual(drawSpotCheck(s.input.pool, s.input.roster, s.input.request), s.draw);

/** decide: results are published (一公开) once every drawn inspection has closed. */
export function publishSpotCheck(
  s: SpotCheckState,
  inspections: { institutionId: string; status: string; result?: string }[],
  today: string,
): SpotCheckEvent[] {
  if (s.status !== 'drawn') throw new InvalidState('publish a spot check', s.status);
  const open = inspections.filter((i) => i.status !== 'closed');
  if (open.length > 0)
    throw new InvalidState('publish a spot check', `${open.length} inspections still open`, {
      rule: 'results are published when every drawn inspection has closed',
      source: SPOT_CHECK_SOURCE,
    });
  const byId = new Map(inspections.map((i) => [i.institutionId, i.result ?? 'compliant']));
  return [
    {
      type: 'SpotCheckPublished',
      on: today,
      results: s.draw.picks.map((p) => ({
        institutionId: p.institutionId,
        name: p.name,
        result: byId.get(p.institutionId)!,
      })),
    },
  ];
}

export function evolveSpotCheck(s: SpotCheckState, e: SpotCheckEvent): SpotCheckState {
  switch (e.type) {
    case 'SpotCheckDrawn':
      return { ...s, status: 'drawn' };
    case 'SpotCheckPublished':
      return { ...s, status: 'published', results: e.results, publishedOn: e.on };
  }
}
