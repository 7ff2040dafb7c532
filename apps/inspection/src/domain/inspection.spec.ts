import { InspectionRuleViolated, InvalidState, NotAllowed } from './errors';
import {
  closeInspection,
  evolveInspection,
  InspectionState,
  linkViolation,
  recordChecklist,
  scheduleInspection,
} from './inspection';
import { recordViolation } from './violation';

const lead: InspectionState = {
  id: 'x',
  subject: { institutionId: 'i', licenseId: 'l', name: '翰林教育', district: 'CN-ZJ-HZ-XH' },
  trigger: { kind: 'repeat-complaints', complaintIds: ['c1', 'c2', 'c3'], detail: '30日内3次投诉' },
  status: 'to-schedule',
  inspectors: [],
  checklist: [],
  violationIds: [],
  version: 1,
};
const team = [
  { userId: 'a', department: 'education' },
  { userId: 'b', department: 'market-regulation' },
];
const a = { userId: 'a', department: 'education', jurisdiction: 'CN-ZJ-HZ-XH' };
const scheduled = scheduleInspection(lead, team, '2026-11-25', 2, '2026-11-22').reduce(
  evolveInspection,
  lead,
);

describe('an inspection', () => {
  it('is scheduled with at least two inspectors, not in the past', () => {
    expect(scheduled).toMatchObject({ status: 'scheduled', inspectors: team });
    expect(() => scheduleInspection(lead, [team[0], team[0]], '2026-11-25', 2, '2026-11-22')).toThrow(
      expect.objectContaining({
        citation: expect.objectContaining({ source: expect.stringContaining('第四十二条') }),
      }),
    );
    expect(() => scheduleInspection(lead, team, '2026-11-21', 2, '2026-11-22')).toThrow(
      InspectionRuleViolated,
    );
    expect(() => scheduleInspection(scheduled, team, '2026-11-25', 2, '2026-11-22')).toThrow(InvalidState);
  });

  it('only its assigned inspectors fill the checklist, log violations and close it', () => {
    const outsider = { ...a, userId: 'z' };
    expect(() => recordChecklist(scheduled, [{ item: '消防通道', ok: true }], outsider)).toThrow(NotAllowed);
    expect(() => linkViolation(scheduled, 'v', outsider)).toThrow(NotAllowed);
  });

  it('closes after the checklist, compliant without violations and violations-found with them', () => {
    expect(() => closeInspection(scheduled, '无', a, '2026-11-25')).toThrow(/checklist/);
    const checked = recordChecklist(scheduled, [{ item: '证照公示', ok: true }], a).reduce(
      evolveInspection,
      scheduled,
    );
    expect(closeInspection(checked, '未发现问题', a, '2026-11-25')[0]).toMatchObject({ result: 'compliant' });
    const withViolation = linkViolation(checked, 'v', a).reduce(evolveInspection, checked);
    const closed = closeInspection(withViolation, '超员', a, '2026-11-25').reduce(
      evolveInspection,
      withViolation,
    );
    expect(closed).toMatchObject({ status: 'closed', result: 'violations-found', closedOn: '2026-11-25' });
  });
});

describe('a violation', () => {
  const violation = {
    id: 'v',
    subject: lead.subject,
    code: 'overcrowding' as const,
    severity: 'serious' as const,
    description: '教室面积60㎡容纳35人',
    evidence: [
      {
        sha256: 'b'.repeat(64),
        contentType: 'image/jpeg',
        takenAt: '2026-11-25T01:30:00Z',
        place: { address: '西湖区文一路9号', lat: 30.28, lng: 120.13 },
      },
    ],
    recordedBy: 'a',
    recordedAt: '2026-11-25T02:00:00Z',
  };
  const now = new Date('2026-11-25T02:00:00Z');

  it('is logged with evidence carrying a checksum, a time and a place', () => {
    expect(recordViolation(violation, now)).toEqual([{ type: 'ViolationRecorded' }]);
    expect(() => recordViolation({ ...violation, evidence: [] }, now)).toThrow(/needs evidence/);
  });

  it('refuses evidence dated after the moment it is logged', () => {
    const future = { ...violation.evidence[0], takenAt: '2026-11-26T00:00:00Z' };
    expect(() => recordViolation({ ...violation, evidence: [future] }, now)).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'evidence.0.takenAt' }) }),
    );
  });
});
