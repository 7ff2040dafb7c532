import { loadChinaCalendar } from '@otr/kernel';
import { InvalidState, NotAllowed } from './errors';
import {
  checkOverdue,
  evolveRectification,
  orderRectification,
  RectificationEvent,
  RectificationState,
  reportRectification,
  verifyRectification,
} from './rectification';

const calendar = loadChinaCalendar();
const base: RectificationState = {
  id: 'x',
  subject: { institutionId: 'i', licenseId: 'l', name: '星辰教育', district: 'CN-ZJ-HZ-XH' },
  basis: { kind: 'violations', violationIds: ['v'] },
  requirements: '清理超员班级',
  orderedBy: 'insp',
  orderedOn: '2026-09-25',
  workingDays: 0,
  dueBy: '',
  status: 'ordered',
  reports: [],
  version: 0,
};
const evidence = [
  {
    sha256: 'a'.repeat(64),
    contentType: 'image/jpeg',
    takenAt: '2026-10-09T02:00:00Z',
    place: { address: '西湖区文三路1号' },
  },
];
const given = (...events: RectificationEvent[]) => events.reduce(evolveRectification, base);
const inspector = { userId: 'insp', department: 'education', jurisdiction: 'CN-ZJ-HZ-XH' };

describe('a rectification order', () => {
  it('when ordered on 2026-09-25 with 10 working days, then it is due after the National Day holiday', () => {
    // 2026-10-01..07 are statutory holidays; the deadline skips them.
    const [ordered] = orderRectification(10, '2026-09-25', calendar);
    expect(ordered).toEqual({
      type: 'RectificationOrdered',
      workingDays: 10,
      dueBy: calendar.addWorkingDays('2026-09-25', 10),
    });
    expect(calendar.workingDaysBetween('2026-09-25', (ordered as { dueBy: string }).dueBy)).toBe(10);
    expect((ordered as { dueBy: string }).dueBy > '2026-10-09').toBe(true);
  });

  const ordered = given(...orderRectification(10, '2026-09-25', calendar));
  const report = { description: '已分班', evidence, by: 'op', institutionId: 'i' };
  const now = new Date('2026-10-10T00:00:00Z');

  it('is reported by the institution under the order only, with evidence, by the deadline', () => {
    expect(() =>
      reportRectification(ordered, { ...report, institutionId: 'other' }, now, '2026-10-10'),
    ).toThrow(NotAllowed);
    expect(() => reportRectification(ordered, { ...report, evidence: [] }, now, '2026-10-10')).toThrow(
      /needs evidence/,
    );
    expect(() => reportRectification(ordered, report, now, '2026-12-01')).toThrow(InvalidState);
    expect(
      given(
        ...orderRectification(10, '2026-09-25', calendar),
        ...reportRectification(ordered, report, now, '2026-10-10'),
      ).status,
    ).toBe('reported');
  });

  it('when verified as passed, then it is closed; when failed in time, it goes back to the institution', () => {
    const reported = evolveRectification(ordered, reportRectification(ordered, report, now, '2026-10-10')[0]);
    expect(
      verifyRectification(reported, { passed: true, note: 'ok' }, inspector, '2026-10-12', 'b').reduce(
        evolveRectification,
        reported,
      ).status,
    ).toBe('verified');
    expect(
      verifyRectification(reported, { passed: false, note: '仍超员' }, inspector, '2026-10-12', 'b').reduce(
        evolveRectification,
        reported,
      ).status,
    ).toBe('ordered');
  });

  it('when verification fails after the deadline, then it is overdue at once', () => {
    const reported = evolveRectification(ordered, reportRectification(ordered, report, now, '2026-10-10')[0]);
    const events = verifyRectification(
      reported,
      { passed: false, note: '未整改' },
      inspector,
      '2026-12-01',
      'b',
    );
    expect(events.map((e) => e.type)).toEqual(['RectificationVerified', 'RectificationOverdue']);
    expect(events.reduce(evolveRectification, reported).status).toBe('overdue');
  });

  it('is overdue the day after its deadline when nothing was reported, not on it', () => {
    expect(checkOverdue(ordered, ordered.dueBy, 'b')).toEqual([]);
    const next = new Date(Date.parse(`${ordered.dueBy}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(checkOverdue(ordered, next, 'b')).toEqual([
      { type: 'RectificationOverdue', dueBy: ordered.dueBy, on: next, blacklistEntryId: 'b' },
    ]);
    expect(checkOverdue({ ...ordered, status: 'reported' }, next, 'b')).toEqual([]);
  });
});
