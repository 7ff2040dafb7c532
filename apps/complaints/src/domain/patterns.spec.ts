import { bj, parent } from './complaint.fixture';
import { duplicateOf, EarlierComplaint, repeatFlagDue } from './patterns';

const earlier = (id: string, filedAt: string, over: Partial<EarlierComplaint> = {}): EarlierComplaint => ({
  id,
  filedAt: bj(filedAt).toISOString(),
  category: 'fees-refunds',
  complainantHash: 'phone-hash-1',
  open: true,
  merged: false,
  flagged: false,
  ...over,
});

describe('duplicates (重复件)', () => {
  const now = bj('2026-10-08T10:00:00');
  const repeat = { complainant: parent, category: 'fees-refunds' as const, at: now };

  it('given the same complainant, institution and category within 7 days, then it repeats the earliest open one', () => {
    const list = [earlier('b', '2026-10-05T09:00:00'), earlier('a', '2026-10-02T09:00:00')];
    expect(duplicateOf(repeat, list, 7)).toBe('a');
  });

  it('does not merge outside the window, across categories or people, into closed ones, or anonymous tips', () => {
    expect(duplicateOf(repeat, [earlier('a', '2026-10-01T09:00:00')], 7)).toBeUndefined();
    expect(
      duplicateOf(repeat, [earlier('a', '2026-10-05T09:00:00', { category: 'safety' })], 7),
    ).toBeUndefined();
    expect(
      duplicateOf(repeat, [earlier('a', '2026-10-05T09:00:00', { complainantHash: 'other' })], 7),
    ).toBeUndefined();
    expect(duplicateOf(repeat, [earlier('a', '2026-10-05T09:00:00', { open: false })], 7)).toBeUndefined();
    expect(
      duplicateOf({ ...repeat, complainant: { anonymous: true } }, [earlier('a', '2026-10-05T09:00:00')], 7),
    ).toBeUndefined();
  });
});

describe('repeated complaints against one institution (多次被投诉)', () => {
  const rule = { count: 3, withinDays: 30 };
  const now = bj('2026-10-30T10:00:00');

  it('given three complaints within 30 days, then the institution is flagged with all three', () => {
    const list = [
      earlier('a', '2026-10-01T09:00:00'),
      earlier('b', '2026-10-10T09:00:00'),
      earlier('c', '2026-10-29T09:00:00'),
    ];
    expect(repeatFlagDue(list, rule, now)).toEqual(['a', 'b', 'c']);
  });

  it('does not flag with merged repeats, complaints older than the window, or ones already counted', () => {
    const two = [earlier('b', '2026-10-10T09:00:00'), earlier('c', '2026-10-29T09:00:00')];
    expect(repeatFlagDue([...two, earlier('a', '2026-09-30T09:00:00')], rule, now)).toBeUndefined();
    expect(
      repeatFlagDue([...two, earlier('a', '2026-10-11T09:00:00', { merged: true })], rule, now),
    ).toBeUndefined();
    expect(
      repeatFlagDue([...two, earlier('a', '2026-10-11T09:00:00', { flagged: true })], rule, now),
    ).toBeUndefined();
  });
});
