import { canRead, NO_INSTITUTION, originOf, readScopeOf, RECORD_READERS, RecordKind } from './access';
import { OFFICIAL_ROLES, Principal, Role } from './principal';

const XH = 'CN-ZJ-HZ-XH';
const BJ = 'CN-ZJ-HZ-BJ';
const HZ = 'CN-ZJ-HZ';

/** Records of three owners: institution A in 西湖区, B in 西湖区, C in 滨江区 (another district's object). */
const records = {
  'A@XH': { institutionId: 'inst-a', district: XH },
  'B@XH': { institutionId: 'inst-b', district: XH },
  'C@BJ': { institutionId: 'inst-c', district: BJ },
} as const;
type Owner = keyof typeof records;

const who = (roles: Role[], jurisdiction: string, institutionId?: string): Principal => ({
  userId: `${roles.join('+')}@${jurisdiction}${institutionId ? `/${institutionId}` : ''}`,
  name: 'x',
  roles,
  jurisdiction,
  ...(institutionId ? { institutionId } : {}),
});

/** Which owners' records each caller reads, for a kind the institution reads and one only officials do. */
const table: { caller: Principal; institutionKinds: Owner[]; officialKinds: Owner[] }[] = [
  ...OFFICIAL_ROLES.flatMap((role) => [
    { caller: who([role], XH), institutionKinds: ['A@XH', 'B@XH'] as Owner[], officialKinds: ['A@XH', 'B@XH'] as Owner[] },
    { caller: who([role], BJ), institutionKinds: ['C@BJ'] as Owner[], officialKinds: ['C@BJ'] as Owner[] },
    {
      caller: who([role], HZ),
      institutionKinds: ['A@XH', 'B@XH', 'C@BJ'] as Owner[],
      officialKinds: ['A@XH', 'B@XH', 'C@BJ'] as Owner[],
    },
  ]),
  // The operator of A reads A's records only, even in its own district, and never the officials' kinds.
  { caller: who(['institution-operator'], XH, 'inst-a'), institutionKinds: ['A@XH'], officialKinds: [] },
  // An operator not linked to an institution reads nothing — not its whole district.
  { caller: who(['institution-operator'], XH), institutionKinds: [], officialKinds: [] },
  { caller: who(['institution-operator'], HZ), institutionKinds: [], officialKinds: [] },
  // An operator that is also an approver still reads as the institution (least privilege).
  { caller: who(['institution-operator', 'approver'], XH, 'inst-a'), institutionKinds: ['A@XH'], officialKinds: [] },
  { caller: who(['approver', 'institution-operator'], HZ), institutionKinds: [], officialKinds: [] },
];

describe('the read policy: every record kind × role × jurisdiction', () => {
  const kinds = Object.keys(RECORD_READERS) as RecordKind[];
  for (const { caller, institutionKinds, officialKinds } of table) {
    for (const kind of kinds) {
      const readable = RECORD_READERS[kind] === 'institution' ? institutionKinds : officialKinds;
      for (const owner of Object.keys(records) as Owner[]) {
        const expected = readable.includes(owner);
        it(`${caller.userId} ${expected ? 'reads' : 'may not read'} a ${kind} of ${owner}`, () => {
          expect(canRead(caller, kind, records[owner])).toBe(expected);
        });
      }
    }
  }

  it('a district official does not read a neighbouring code that merely starts alike', () => {
    expect(canRead(who(['approver'], 'CN-ZJ-HZ-X'), 'application', records['A@XH'])).toBe(false);
  });

  it('an unlinked operator is scoped to an institution no record has', () => {
    expect(readScopeOf(who(['institution-operator'], XH))).toEqual({ institutionId: NO_INSTITUTION });
    expect(canRead(who(['institution-operator'], XH), 'application', { institutionId: NO_INSTITUTION, district: XH })).toBe(false);
  });

  it('an official reads by jurisdiction, an operator by institution', () => {
    expect(readScopeOf(who(['inspector'], XH))).toEqual({ jurisdiction: XH });
    expect(readScopeOf(who(['institution-operator'], XH, 'inst-a'))).toEqual({ institutionId: 'inst-a' });
  });

  it("the origin names the caller's first role and department", () => {
    expect(originOf({ ...who(['task-force-officer'], XH), department: 'fire' })).toEqual({
      actor: { userId: `task-force-officer@${XH}`, role: 'task-force-officer', department: 'fire' },
      correlationId: 'none',
    });
  });
});
