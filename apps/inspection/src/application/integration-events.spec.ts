import { contracts, EventOrigin } from '@otr/contracts';
import { Evidence } from '../domain/violation';
import { toIntegrationEvents } from './integration-events';
import { Change } from './ports';

const origin: EventOrigin = { actor: { userId: 'u', role: 'inspector' }, correlationId: 'c' };
const licensed = { institutionId: 'i', licenseId: 'l', name: '启航艺术', district: 'CN-ZJ-HZ-XH' };
const unlicensed = { institutionId: 'x', name: '无证托管班', district: 'CN-ZJ-HZ-XH', address: '翠苑三区' };
const evidence: Evidence[] = [
  {
    sha256: 'a'.repeat(64),
    contentType: 'image/jpeg',
    takenAt: '2026-11-23T01:00:00Z',
    place: { address: '现场' },
  },
];
const inspectors = [
  { userId: 'a', department: 'education' },
  { userId: 'b', department: 'fire' },
];

/** Every domain event of every aggregate, as the store would hand them over. */
const changes: Change[] = [
  {
    kind: 'annual-report',
    state: {
      id: 'r',
      subject: licensed,
      year: 2025,
      content: {} as never,
      status: 'graded',
      submittedOn: '2026-01-10',
      version: 1,
    },
    events: [
      { type: 'AnnualReportSubmitted', year: 2025, submittedOn: '2026-01-10' },
      {
        type: 'AnnualReportGraded',
        scores: {},
        total: 92,
        grade: 'excellent',
        vetoes: [],
        exemptFromSpotChecksUntil: '2026-12-31',
        rectification: false,
        proposeRevocation: false,
        gradedBy: 'a',
        gradedOn: '2026-03-01',
      },
    ],
  },
  {
    kind: 'inspection',
    state: {
      id: 'n',
      subject: licensed,
      trigger: { kind: 'spot-check', spotCheckId: 's' },
      status: 'closed',
      inspectors,
      checklist: [],
      violationIds: [],
      version: 1,
    },
    events: [
      { type: 'LeadOpened' },
      { type: 'InspectionScheduled', inspectors, scheduledFor: '2026-11-25' },
      { type: 'ChecklistRecorded', checklist: [{ item: '证照', ok: true }] },
      { type: 'InspectionClosed', result: 'compliant', findings: '无', on: '2026-11-25' },
    ],
  },
  {
    kind: 'violation',
    state: {
      id: 'v',
      subject: unlicensed,
      code: 'unlicensed-operation',
      severity: 'serious',
      description: '无证办学',
      evidence,
      recordedBy: 'a',
      recordedAt: '2026-11-23T02:00:00Z',
      version: 0,
    },
    events: [{ type: 'ViolationRecorded' }],
  },
  {
    kind: 'rectification',
    state: {
      id: 'o',
      subject: licensed,
      basis: { kind: 'violations', violationIds: ['v'] },
      requirements: '整改',
      orderedBy: 'a',
      orderedOn: '2026-11-23',
      workingDays: 3,
      dueBy: '2026-11-26',
      status: 'overdue',
      reports: [],
      version: 1,
    },
    events: [
      { type: 'RectificationOrdered', dueBy: '2026-11-26', workingDays: 3 },
      { type: 'RectificationReported', on: '2026-11-24', by: 'op', description: '已整改', evidence },
      { type: 'RectificationVerified', by: 'a', on: '2026-11-27', passed: false, note: '未整改' },
      { type: 'RectificationOverdue', dueBy: '2026-11-26', on: '2026-11-27', blacklistEntryId: 'b' },
    ],
  },
  {
    kind: 'penalty',
    state: {
      id: 'p',
      subject: unlicensed,
      violationIds: ['v'],
      type: 'fine',
      legalBasis: '第五条',
      reasons: '无证办学',
      fineFen: 100_000,
      proposedBy: { userId: 'a' },
      proposedOn: '2026-11-23',
      status: 'decided',
      version: 1,
    },
    events: [
      { type: 'PenaltyProposed' },
      { type: 'PenaltyDecided', decisionNumber: 'XH教罚〔2026〕1号', by: 'z', on: '2026-11-24' },
      { type: 'PenaltyRejected', by: 'z', on: '2026-11-24', reason: 'internal only' },
    ],
  },
  {
    kind: 'blacklist',
    state: {
      id: 'b',
      subject: licensed,
      reason: '逾期未整改',
      source: { kind: 'decision' },
      decisionNumber: 'XH教信〔2026〕1号',
      listedOn: '2026-11-27',
      removableOn: '2029-11-27',
      trainingBan: true,
      status: 'removed',
      version: 1,
    },
    events: [
      { type: 'BlacklistEntryAdded' },
      { type: 'BlacklistEntryRemoved', on: '2029-11-27', by: 'z', reason: '信用修复' },
    ],
  },
  {
    kind: 'spot-check',
    state: {
      id: 's',
      name: '抽查',
      jurisdiction: 'CN-ZJ-HZ-XH',
      draw: {
        algorithm: 'otr-draw/v1',
        seed: 'seed',
        inputDigest: 'd',
        eligibleCount: 1,
        picks: [
          { institutionId: 'i', licenseId: 'l', name: '启航艺术', district: 'CN-ZJ-HZ-XH', inspectors },
        ],
      },
      input: { pool: [], roster: [], request: {} as never },
      inspections: [{ institutionId: 'i', inspectionId: 'n' }],
      drawnBy: 'planner',
      drawnOn: '2026-11-23',
      status: 'published',
      version: 1,
    },
    events: [
      { type: 'SpotCheckDrawn' },
      {
        type: 'SpotCheckPublished',
        on: '2026-12-01',
        results: [{ institutionId: 'i', name: '启航艺术', result: 'compliant' }],
      },
    ],
  },
  {
    kind: 'joint-case',
    state: {
      id: 'j',
      subject: unlicensed,
      summary: '举报',
      openedBy: 'officer',
      openedOn: '2026-11-23',
      tasks: [{ id: 't', department: 'fire', legalBasis: '消防法', dueBy: '2026-11-30', status: 'done' }],
      status: 'closed',
      version: 1,
    },
    events: [
      { type: 'JointCaseOpened' },
      { type: 'JointCaseTaskCompleted', taskId: 't', by: 'f', on: '2026-11-24', findings: '隐患' },
      { type: 'JointCaseClosed', by: 'officer', on: '2026-11-25', conclusion: '取缔' },
    ],
  },
];

describe('the published language of inspection', () => {
  it.each(changes.map((c) => [c.kind, c] as const))(
    'every %s event maps to envelopes the contracts registry accepts',
    (_, c) => {
      for (const e of toIntegrationEvents(c, origin))
        expect(() => contracts.parse(JSON.parse(JSON.stringify(e)))).not.toThrow();
    },
  );

  it('publishes what other contexts act on, and keeps internal steps internal', () => {
    const types = changes.flatMap((c) => toIntegrationEvents(c, origin).map((e) => e.type));
    expect(types).toEqual([
      'inspection.AnnualReportSubmitted',
      'inspection.AnnualReportGraded',
      'inspection.InspectionScheduled',
      'inspection.InspectionClosed',
      'inspection.ViolationRecorded',
      'inspection.RectificationOrdered',
      'inspection.RectificationReported',
      'inspection.RectificationVerified',
      'inspection.RectificationOverdue',
      'inspection.PenaltyProposed',
      'inspection.PenaltyDecided',
      'inspection.BlacklistEntryAdded',
      'inspection.BlacklistEntryRemoved',
      'inspection.SpotCheckDrawn',
      'inspection.SpotCheckPublished',
      'inspection.JointCaseOpened',
      'inspection.JointCaseTaskCompleted',
      'inspection.JointCaseClosed',
    ]);
  });

  it('keys an unlicensed operator by the record that named it, and a draw by its own id', () => {
    const [violation] = toIntegrationEvents(changes[2], origin);
    expect(violation).toMatchObject({ institutionId: 'x', payload: { subjectName: '无证托管班' } });
    expect(violation.payload).not.toHaveProperty('licenseId');
    const [drawn] = toIntegrationEvents(changes[6], origin);
    expect(drawn).toMatchObject({ institutionId: 's', payload: { drawn: [{ inspectionId: 'n' }] } });
  });
});
