import fc from 'fast-check';
import { InvalidState } from './errors';
import {
  DrawRequest,
  drawSpotCheck,
  eligiblePool,
  mulberry32,
  PoolInstitution,
  publishSpotCheck,
  replayMatches,
  RosterInspector,
  SpotCheckState,
} from './spot-check';

const DEPARTMENTS = [
  'education',
  'market-regulation',
  'fire',
  'sports',
  'culture-tourism',
  'public-security',
];
const institution = (n: number, over: Partial<PoolInstitution> = {}): PoolInstitution => ({
  institutionId: `i-${String(n).padStart(3, '0')}`,
  licenseId: `l-${n}`,
  name: `机构${n}`,
  district: n % 2 ? 'CN-ZJ-HZ-XH' : 'CN-ZJ-HZ-BJ',
  category: n % 3 ? 'arts' : 'subject',
  ...over,
});
const inspector = (n: number, over: Partial<RosterInspector> = {}): RosterInspector => ({
  userId: `u-${n}`,
  name: `检查员${n}`,
  department: DEPARTMENTS[n % DEPARTMENTS.length],
  jurisdiction: 'CN-ZJ-HZ',
  conflicts: [],
  ...over,
});
const pool = Array.from({ length: 40 }, (_, i) => institution(i));
const roster = Array.from({ length: 8 }, (_, i) => inspector(i));
const request: DrawRequest = {
  seed: '2026-Q4-西湖',
  today: '2026-11-22',
  ratio: 0.25,
  minInspectors: 2,
  filters: {},
};

describe('the random spot-check draw (双随机)', () => {
  it('mulberry32 is the published generator: the reference outputs for seed 1', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((x) => x.toFixed(8))).toEqual(['0.62707394', '0.00273572', '0.52744704']);
  });

  it('same seed and input → the same draw, whatever order the pool and roster came in', () => {
    const a = drawSpotCheck(pool, roster, request);
    const b = drawSpotCheck([...pool].reverse(), [...roster].reverse(), request);
    expect(b).toEqual(a);
    expect(a.picks).toHaveLength(10);
    expect(a.algorithm).toMatch(/mulberry32/);
    expect(drawSpotCheck(pool, roster, { ...request, seed: 'another' }).picks).not.toEqual(a.picks);
  });

  it('leaves out institutions exempt by an excellent grade until their exemption ends, and applies filters', () => {
    const exempt = pool.map((p, i) => (i < 10 ? { ...p, exemptUntil: '2026-12-31' } : p));
    expect(eligiblePool(exempt, request)).toHaveLength(30);
    expect(eligiblePool(exempt, { ...request, today: '2027-01-01' })).toHaveLength(40);
    expect(
      eligiblePool(pool, { ...request, filters: { districts: ['CN-ZJ-HZ-XH'], categories: ['arts'] } }).every(
        (p) => p.district === 'CN-ZJ-HZ-XH' && p.category === 'arts',
      ),
    ).toBe(true);
  });

  it('refuses a draw when the roster cannot give two departments without a conflict', () => {
    const oneDepartment = roster.map((r) => ({ ...r, department: 'education' }));
    expect(() => drawSpotCheck(pool, oneDepartment, request)).toThrow(
      expect.objectContaining({
        citation: expect.objectContaining({ rule: expect.stringMatching(/different departments/) }),
      }),
    );
    expect(() => drawSpotCheck(pool, roster, { ...request, minInspectors: 1 })).toThrow(
      /at least two inspectors/,
    );
  });

  it('property: deterministic, and every constraint holds over random rosters', () => {
    const rosterArb = fc.array(
      fc.record({
        department: fc.constantFrom(...DEPARTMENTS),
        conflicts: fc.subarray(
          pool.slice(0, 12).map((p) => p.institutionId),
          { maxLength: 3 },
        ),
        jurisdiction: fc.constantFrom('CN-ZJ-HZ', 'CN-ZJ-HZ-XH', 'CN-ZJ-HZ-BJ'),
      }),
      { minLength: 2, maxLength: 14 },
    );
    fc.assert(
      fc.property(
        rosterArb,
        fc.string(),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        (specs, seed, minInspectors, count) => {
          const team = specs.map((s, i) => inspector(i, s));
          const r = { ...request, seed, minInspectors, count };
          let result;
          try {
            result = drawSpotCheck(pool, team, r);
          } catch (error) {
            expect((error as Error).message).toMatch(/not enough inspectors/);
            return;
          }
          expect(drawSpotCheck(pool, [...team].reverse(), r)).toEqual(result);
          expect(result.picks).toHaveLength(count);
          expect(new Set(result.picks.map((p) => p.institutionId)).size).toBe(count);
          const load = new Map<string, number>();
          for (const pick of result.picks) {
            expect(pick.inspectors).toHaveLength(minInspectors);
            expect(new Set(pick.inspectors.map((i) => i.department)).size).toBe(minInspectors);
            for (const i of pick.inspectors) {
              const member = team.find((t) => t.userId === i.userId)!;
              expect(member.conflicts).not.toContain(pick.institutionId);
              expect(
                pick.district === member.jurisdiction || pick.district.startsWith(`${member.jurisdiction}-`),
              ).toBe(true);
              load.set(i.userId, (load.get(i.userId) ?? 0) + 1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: with a conflict-free city-wide roster of distinct departments, load differs by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.string(),
        (size, count, seed) => {
          const team = Array.from({ length: size }, (_, i) => inspector(i));
          const result = drawSpotCheck(pool, team, { ...request, seed, count });
          const load = team.map(
            (t) => result.picks.filter((p) => p.inspectors.some((i) => i.userId === t.userId)).length,
          );
          expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('publishing a spot check (一公开)', () => {
  const draw = drawSpotCheck(pool, roster, { ...request, count: 2 });
  const state: SpotCheckState = {
    id: 's',
    name: '2026年第四季度双随机抽查',
    jurisdiction: 'CN-ZJ-HZ',
    draw,
    input: { pool, roster, request: { ...request, count: 2 } },
    inspections: draw.picks.map((p, i) => ({ institutionId: p.institutionId, inspectionId: `x${i}` })),
    drawnBy: 'planner',
    drawnOn: '2026-11-22',
    status: 'drawn',
    version: 1,
  };

  it('can be re-run from its kept input to give the published draw', () => {
    expect(replayMatches(state)).toBe(true);
    expect(
      replayMatches({ ...state, input: { ...state.input, request: { ...state.input.request, seed: 'x' } } }),
    ).toBe(false);
  });

  it('waits until every drawn inspection has closed, then publishes each result', () => {
    const [a, b] = draw.picks;
    expect(() =>
      publishSpotCheck(
        state,
        [
          { institutionId: a.institutionId, status: 'closed', result: 'compliant' },
          { institutionId: b.institutionId, status: 'scheduled' },
        ],
        '2026-12-01',
      ),
    ).toThrow(InvalidState);
    const [published] = publishSpotCheck(
      state,
      [
        { institutionId: a.institutionId, status: 'closed', result: 'compliant' },
        { institutionId: b.institutionId, status: 'closed', result: 'violations-found' },
      ],
      '2026-12-01',
    );
    expect(published).toMatchObject({
      type: 'SpotCheckPublished',
      results: [
        { institutionId: a.institutionId, result: 'compliant' },
        { institutionId: b.institutionId, result: 'violations-found' },
      ],
    });
  });
});
