import {
  annualReportBody,
  beijingToday,
  checklistBody,
  checklistToEdit,
  DEFAULT_CHECKLIST,
  drawBody,
  evidenceBody,
  isOverdue,
  jointCaseBody,
  localDateTime,
  mayDecide,
  mayWorkOn,
  previewGrade,
  proposalBody,
  removable,
  repeatedDepartments,
  violationBody,
} from './inspection-file';
import { inspectionMessages } from './messages';

const sha = 'a'.repeat(64);

describe('inspection screens: who may act', () => {
  const scheduled = { status: 'scheduled', inspectors: [{ userId: 'u1' }, { userId: 'u2' }] };

  it('given a scheduled inspection, when an assigned inspector opens it, then they may work on it', () => {
    expect(mayWorkOn(scheduled, 'u2')).toBe(true);
  });

  it('given a scheduled inspection, when another inspector or nobody opens it, then they may not', () => {
    expect(mayWorkOn(scheduled, 'u3')).toBe(false);
    expect(mayWorkOn(scheduled, undefined)).toBe(false);
  });

  it('given a closed inspection, when its inspector opens it, then the checklist is no longer editable', () => {
    expect(mayWorkOn({ ...scheduled, status: 'closed' }, 'u1')).toBe(false);
  });

  it('given a proposed penalty, when the proposer opens it, then decide is not offered (two-person rule)', () => {
    const p = { status: 'proposed', proposedBy: { userId: 'u1' } };
    expect(mayDecide(p, 'u1')).toBe(false);
    expect(mayDecide(p, 'u2')).toBe(true);
    expect(mayDecide({ ...p, status: 'decided' }, 'u2')).toBe(false);
  });

  it('given a listed entry, when the removal date has not come, then removal is not offered', () => {
    const e = { status: 'listed', removableOn: '2026-06-01' };
    expect(removable(e, '2026-05-31')).toBe(false);
    expect(removable(e, '2026-06-01')).toBe(true);
    expect(removable({ ...e, status: 'removed' }, '2027-01-01')).toBe(false);
  });

  it('given an order past its deadline, when not yet swept, then it is shown overdue', () => {
    expect(isOverdue({ status: 'ordered', dueBy: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'ordered', dueBy: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'reported', dueBy: '2026-03-01' }, '2026-03-09')).toBe(false);
    expect(isOverdue({ status: 'overdue', dueBy: '2026-03-01' }, '2026-03-01')).toBe(true);
  });

  it('dates today in Beijing: 20:00 UTC is already the next day', () => {
    expect(beijingToday(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02');
  });
});

describe('inspection screens: what is sent', () => {
  it('starts the checklist from the default items, keeps what was recorded, drops blank notes', () => {
    expect(checklistToEdit(undefined, (k) => `#${k}`)).toHaveLength(DEFAULT_CHECKLIST.length);
    expect(checklistToEdit([{ item: 'x', ok: false }], String)).toEqual([{ item: 'x', ok: false, note: '' }]);
    expect(
      checklistBody([
        { item: ' Fire exits ', ok: false, note: ' blocked ' },
        { item: 'Fees', ok: true, note: ' ' },
      ]),
    ).toEqual({
      items: [
        { item: 'Fire exits', ok: false, note: 'blocked' },
        { item: 'Fees', ok: true },
      ],
    });
  });

  it('cites each uploaded file by checksum with one time and place, position only when both coordinates are known', () => {
    const taken = new Date(2026, 2, 1, 9, 30);
    const body = violationBody({
      code: 'fire-hazard',
      severity: 'serious',
      description: ' exits blocked ',
      evidence: [{ sha256: sha, contentType: 'image/jpeg', filename: 'a.jpg' }],
      takenAt: localDateTime(taken),
      address: ' 1 Main St ',
      lat: 30.1,
      lng: null,
    });
    expect(body).toEqual({
      code: 'fire-hazard',
      severity: 'serious',
      description: 'exits blocked',
      evidence: [
        {
          sha256: sha,
          contentType: 'image/jpeg',
          filename: 'a.jpg',
          takenAt: taken.toISOString(),
          place: { address: '1 Main St' },
        },
      ],
    });
    expect(
      evidenceBody({
        evidence: [{ sha256: sha, contentType: 'image/png' }],
        takenAt: localDateTime(taken),
        address: 'x y',
        lat: 1,
        lng: 2,
      })[0].place,
    ).toEqual({ address: 'x y', lat: 1, lng: 2 });
  });

  it('sends a fine in fen with its statutory basis only for a fine', () => {
    expect(
      proposalBody({
        violationIds: ['v'],
        type: 'fine',
        reasons: 'r r',
        fineYuan: 12345.67,
        fineBasis: 'disguised-subject-training',
        especiallySerious: true,
      }),
    ).toEqual({
      violationIds: ['v'],
      type: 'fine',
      reasons: 'r r',
      fineFen: 1234567,
      fineBasis: { kind: 'disguised-subject-training', especiallySerious: true },
    });
    expect(
      proposalBody({
        violationIds: ['v'],
        type: 'warning',
        reasons: 'r r',
        fineYuan: 5,
        fineBasis: 'unlicensed-operation',
        illegalIncomeYuan: 100,
      }),
    ).toEqual({
      violationIds: ['v'],
      type: 'warning',
      reasons: 'r r',
      declaredIllegalIncomeFen: 10000,
    });
  });

  it('previews the grade as the service does: thresholds, capped points, any veto fails', () => {
    const sheet = {
      indicators: [
        { key: 'a', name: 'A', maxPoints: 60 },
        { key: 'b', name: 'B', maxPoints: 40 },
      ],
      vetoItems: [{ key: 'fire', name: 'Fire' }],
    };
    const t = { excellent: 90, pass: 75, basicPass: 60 };
    expect(previewGrade(sheet, t, { a: 60, b: 35 }, [])).toEqual({ total: 95, grade: 'excellent' });
    expect(previewGrade(sheet, t, { a: 50, b: 20 }, [])).toEqual({ total: 70, grade: 'basic-pass' });
    expect(previewGrade(sheet, t, { a: 99, b: '' }, [])).toEqual({ total: 60, grade: 'basic-pass' });
    expect(previewGrade(sheet, t, { a: 60, b: 40 }, ['fire'])).toEqual({ total: 100, grade: 'fail' });
  });

  it('sends the operator’s annual report with money in fen and notes only when written', () => {
    const teaching = { courses: 3, students: 80, lessonsDelivered: 600 };
    const staff = { teachers: 6, qualifiedTeachers: 6 };
    expect(
      annualReportBody({
        year: 2025,
        content: {
          teaching,
          staff,
          finances: { incomeYuan: 1234.5, refundsYuan: 0, escrowBalanceYuan: '200' },
          safety: { incidents: 0 },
          complaintsReceived: 1,
          notes: '  ',
        },
      }),
    ).toEqual({
      year: 2025,
      content: {
        teaching,
        staff,
        finances: { incomeFen: 123_450, refundsFen: 0, escrowBalanceFen: 20_000 },
        safety: { fireInspectionPassed: false, incidents: 0 },
        complaintsReceived: 1,
      },
    });
  });

  it('leaves out empty draw filters so the rulebook ratio applies', () => {
    expect(
      drawBody({
        name: ' Q1 ',
        scheduledFor: '2026-04-01',
        seed: ' ',
        count: null,
        districts: [],
        categories: ['arts'],
      }),
    ).toEqual({
      name: 'Q1',
      scheduledFor: '2026-04-01',
      categories: ['arts'],
    });
  });

  it('opens a joint case on an unlicensed operator with a deadline per task, date or working days', () => {
    expect(
      jointCaseBody({
        subjectKind: 'unlicensed',
        name: 'Star Tutoring',
        address: '3 Rd',
        district: 'CN-ZJ-HZ',
        institutionId: 'ignored',
        summary: 'tip',
        tasks: [
          { department: 'education', legalBasis: 'art 17', workingDays: 10 },
          { department: 'fire', legalBasis: 'fire law', dueBy: '2026-05-01', workingDays: 3 },
        ],
      }),
    ).toEqual({
      subject: { name: 'Star Tutoring', address: '3 Rd', district: 'CN-ZJ-HZ' },
      summary: 'tip',
      tasks: [
        { department: 'education', legalBasis: 'art 17', workingDays: 10 },
        { department: 'fire', legalBasis: 'fire law', dueBy: '2026-05-01' },
      ],
    });
    expect(
      repeatedDepartments([{ department: 'fire' }, { department: 'health' }, { department: 'fire' }]),
    ).toEqual(['fire']);
  });
});

describe('inspection messages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
    );

  it('has the same keys in both languages, and a word for every default checklist item', () => {
    expect(keys(inspectionMessages['zh-CN']).sort()).toEqual(keys(inspectionMessages.en).sort());
    for (const item of DEFAULT_CHECKLIST)
      expect(inspectionMessages.en.otr.inspection.checklist.items[item]).toBeTruthy();
  });
});
