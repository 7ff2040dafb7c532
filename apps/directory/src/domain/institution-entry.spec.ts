import { evolveEntry, foldEntry, RegistrationFact } from './institution-entry';

let n = 0;
const fact = (type: string, occurredAt: string, payload: unknown = {}): RegistrationFact => ({
  id: `f${++n}`,
  type: `registration.${type}`,
  occurredAt,
  payload,
});
const issued = fact('LicenseIssued', '2026-01-01T08:00:00.000Z', {
  licenseId: 'l1',
  licenseNumber: '教民330106000001号',
  institutionName: '杭州博雅美术培训学校',
  legalForm: 'non-profit',
  category: 'arts',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '文三路1号',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
});
const renamed = fact('InstitutionChanged', '2026-03-01T08:00:00.000Z', {
  licenseId: 'l1',
  licenseNumber: 'x',
  changes: { institutionName: '杭州博雅艺术培训学校', legalRepresentative: '王某' },
});
const moved = fact('InstitutionChanged', '2026-04-01T08:00:00.000Z', {
  licenseId: 'l1',
  licenseNumber: 'x',
  changes: { address: '天目山路2号', location: { lat: 30.27, lng: 120.12 }, scopes: ['offline', 'online'] },
});
const suspended = fact('LicenseSuspended', '2026-05-01T08:00:00.000Z', { reason: '处罚' });
const reinstated = fact('LicenseReinstated', '2026-06-01T08:00:00.000Z', { reason: '整改完成' });
const renewed = fact('LicenseRenewed', '2026-07-01T08:00:00.000Z', { validUntil: '2031-12-31' });
const closed = fact('InstitutionClosed', '2026-08-01T08:00:00.000Z', {
  closedOn: '2026-08-01',
  reason: '终止办学',
});

/** Every ordering of a small list (the facts here are few). */
const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1
    ? [xs]
    : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

describe('an institution entry folded from registration facts', () => {
  it('given a license issued, then the entry is active with the license fields', () => {
    const entry = foldEntry([issued]);
    expect(entry).toMatchObject({
      name: '杭州博雅美术培训学校',
      licenseNumber: '教民330106000001号',
      licenseStatus: 'active',
      legalRepresentative: null,
      location: null,
      lastEventAt: issued.occurredAt,
    });
  });

  it('given no license, when a change or a status fact arrives, then there is no public entry', () => {
    expect(foldEntry([renamed, suspended])).toBeNull();
    expect(evolveEntry(null, closed)).toBeNull();
  });

  it('given partial changes, then each changes only the fields it names', () => {
    const entry = foldEntry([issued, renamed, moved])!;
    expect(entry).toMatchObject({
      name: '杭州博雅艺术培训学校',
      legalRepresentative: '王某',
      address: '天目山路2号',
      location: { lat: 30.27, lng: 120.12 },
      scopes: ['offline', 'online'],
      district: 'CN-ZJ-HZ-XH',
      category: 'arts',
    });
  });

  it('given suspension, reinstatement, renewal and closure, then the status and dates follow', () => {
    expect(foldEntry([issued, suspended])!.licenseStatus).toBe('suspended');
    expect(foldEntry([issued, suspended, reinstated])!.licenseStatus).toBe('active');
    expect(foldEntry([issued, renewed])!.validUntil).toBe('2031-12-31');
    expect(foldEntry([issued, closed])).toMatchObject({ licenseStatus: 'closed', closedOn: '2026-08-01' });
    expect(foldEntry([issued, fact('LicenseRevoked', '2026-09-01T00:00:00Z', {})])!.licenseStatus).toBe(
      'revoked',
    );
    expect(foldEntry([issued, fact('LicenseExpired', '2029-01-01T00:00:00Z', {})])!.licenseStatus).toBe(
      'expired',
    );
  });

  it('when the same facts arrive in any order, then the entry is the same', () => {
    const facts = [issued, renamed, moved, suspended, reinstated];
    const expected = foldEntry(facts);
    expect(expected!.lastEventAt).toBe(reinstated.occurredAt);
    for (const order of permutations(facts)) expect(foldEntry(order)).toEqual(expected);
  });

  it('when a status fact arrives late, then an older suspension does not undo a newer reinstatement', () => {
    expect(foldEntry([issued, reinstated, suspended])!.licenseStatus).toBe('active');
  });

  it('given facts of the same instant, then they apply in arrival order', () => {
    const at = '2026-05-01T08:00:00.000Z';
    const a = fact('InstitutionChanged', at, { changes: { address: '甲路' } });
    const b = fact('InstitutionChanged', at, { changes: { address: '乙路' } });
    expect(foldEntry([issued, a, b])!.address).toBe('乙路');
    expect(foldEntry([issued, b, a])!.address).toBe('甲路');
  });

  it('compares instants, not strings, across time-zone offsets', () => {
    const early = fact('LicenseSuspended', '2026-05-01T09:00:00+08:00', {}); // 01:00Z
    const late = fact('LicenseReinstated', '2026-05-01T02:00:00.000Z', {});
    expect(foldEntry([issued, late, early])!.licenseStatus).toBe('active');
  });
});
