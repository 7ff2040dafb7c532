import {
  actBody,
  ComplaintRecord,
  evidenceLabel,
  evidenceUrl,
  logOf,
  mayReveal,
  offeredActs,
  recordedComplaintBody,
  transferTargets,
  unitOf,
  Viewer,
} from './complaint-file';

const XH = 'CN-ZJ-HZ-XH';
const fireOfficer: Viewer = {
  userId: 'officer.fire',
  roles: ['task-force-officer'],
  department: 'fire',
  jurisdiction: XH,
};
const policeOfficer: Viewer = { ...fireOfficer, userId: 'officer.police', department: 'public-security' };
const bjFireOfficer: Viewer = { ...fireOfficer, userId: 'fire.bj', jurisdiction: 'CN-ZJ-HZ-BJ' };
const cityApprover: Viewer = {
  userId: 'approver.city',
  roles: ['approver'],
  department: 'education',
  jurisdiction: 'CN-ZJ-HZ',
};
const xihuApprover: Viewer = { ...cityApprover, userId: 'approver.xihu', jurisdiction: XH };
const fundSupervisor: Viewer = {
  userId: 'fund.supervisor',
  roles: ['fund-supervisor'],
  department: 'education',
  jurisdiction: 'CN-ZJ-HZ',
};
const viewer: Viewer = { userId: 'viewer.city', roles: ['viewer'], jurisdiction: 'CN-ZJ-HZ' };
const operator: Viewer = {
  userId: 'operator.demo',
  roles: ['institution-operator'],
  jurisdiction: XH,
  institutionId: 'inst-1',
};

/** A safety complaint routed to the fire department of 西湖区, public security co-handling. */
const complaint = (over: Partial<ComplaintRecord> = {}): ComplaintRecord => ({
  id: 'c1',
  trackingNumber: 'TS20261128000001',
  kind: 'complaint',
  category: 'safety',
  status: 'routed',
  filedAt: '2026-11-25T02:00:00Z',
  subject: { kind: 'licensed', name: '某培训学校', district: XH, institutionId: 'inst-1' },
  responsibility: {
    district: XH,
    lead: { department: 'fire' },
    coHandlers: [{ department: 'public-security' }],
  },
  complainant: { visibility: 'clear', name: '张*', phone: '138****1000' },
  answerBy: '2026-12-16',
  actions: [],
  ...over,
});

/** The same complaint as its institution sees it: neither subject, responsibility nor log. */
const institutionsView = (over: Partial<ComplaintRecord> = {}): ComplaintRecord => {
  const {
    subject: _s,
    responsibility: _r,
    complainant: _c,
    actions: _a,
    answerBy: _d,
    ...seen
  } = complaint({
    category: 'fees-refunds',
    status: 'signed',
  });
  return { ...seen, ...over };
};

describe('the acts a complaint offers', () => {
  it('lets only the lead department in the district sign a routed work order', () => {
    expect(offeredActs(complaint(), fireOfficer)).toEqual(['sign', 'transfer', 'merge']);
    expect(offeredActs(complaint(), policeOfficer)).toEqual([]); // a co-handler does not sign
    expect(offeredActs(complaint(), bjFireOfficer)).toEqual([]); // another district's fire brigade
    expect(offeredActs(complaint(), viewer)).toEqual([]);
  });

  it('offers notes to every assigned department and the reply, extension and transfer to the lead', () => {
    const signed = complaint({ status: 'signed' });
    expect(offeredActs(signed, fireOfficer)).toEqual([
      'note',
      'reply',
      'request-extension',
      'transfer',
      'merge',
    ]);
    expect(offeredActs(signed, policeOfficer)).toEqual(['note']);
  });

  it('holds the reply and a second transfer while a transfer waits; the receiving unit answers it', () => {
    const pending = complaint({
      status: 'signed',
      responsibility: {
        ...complaint().responsibility!,
        pendingTransfer: { to: { department: 'public-security' }, reason: '涉及治安', requestedAt: '' },
      },
    });
    expect(offeredActs(pending, fireOfficer)).not.toContain('reply');
    expect(offeredActs(pending, fireOfficer)).not.toContain('transfer');
    expect(offeredActs(pending, policeOfficer)).toEqual(['accept-transfer', 'refuse-transfer', 'note']);
  });

  it('names the role of a unit: fund supervision is the education bureau’s fund supervisors only', () => {
    const fees = complaint({
      category: 'fees-refunds',
      responsibility: {
        district: XH,
        lead: { department: 'education', role: 'fund-supervisor' },
        coHandlers: [{ department: 'market-regulation' }],
      },
    });
    expect(offeredActs(fees, fundSupervisor)).toContain('sign');
    expect(offeredActs(fees, xihuApprover)).not.toContain('sign');
  });

  it('lets a supervisor above the district review a reply, but never its own', () => {
    const replied = complaint({
      status: 'replied',
      actions: [{ action: 'ReplyGiven', actor: { kind: 'official', userId: 'approver.city' }, at: '' }],
    });
    expect(offeredActs(replied, fundSupervisor)).toEqual(['approve', 'send-back']);
    expect(offeredActs(replied, cityApprover)).toEqual([]); // four eyes
    expect(offeredActs(replied, xihuApprover)).toEqual([]); // the district does not supervise itself
    expect(offeredActs(replied, fireOfficer)).toEqual([]);
  });

  it('after escalation, only the level it was escalated to supervises', () => {
    const escalated = complaint({ status: 'replied', supervisedBy: 'CN-ZJ' });
    expect(offeredActs(escalated, cityApprover)).toEqual([]);
    expect(offeredActs({ ...escalated, supervisedBy: 'CN-ZJ-HZ' }, cityApprover)).toEqual([
      'approve',
      'send-back',
    ]);
  });

  it('lets a supervisor decide a pending extension', () => {
    const asked = complaint({ status: 'handling', pendingExtension: { workingDays: 5, reason: '核实' } });
    expect(offeredActs(asked, cityApprover)).toEqual(['grant-extension', 'refuse-extension']);
    expect(offeredActs(asked, fireOfficer)).not.toContain('request-extension'); // one at a time
  });

  it('calls back and records ratings after closing, never calling an anonymous tipster', () => {
    const closed = complaint({ status: 'closed' });
    expect(offeredActs(closed, fireOfficer)).toEqual(['call-back', 'rate']);
    expect(offeredActs(closed, policeOfficer)).toEqual(['call-back', 'rate']);
    expect(offeredActs(closed, cityApprover)).toEqual(['call-back', 'rate']);
    const anonymous = complaint({ status: 'closed', complainant: { visibility: 'anonymous' } });
    expect(offeredActs(anonymous, fireOfficer)).toEqual(['rate']);
    expect(offeredActs(complaint({ status: 'called-back' }), fireOfficer)).toEqual(['rate']);
    expect(offeredActs(complaint({ status: 'rated' }), fireOfficer)).toEqual([]);
  });

  it('lets the institution’s operator answer while the complaint is handled, and nothing else', () => {
    const seen = institutionsView();
    expect(offeredActs(seen, operator)).toEqual(['institution-reply']);
    expect(offeredActs({ ...seen, status: 'closed' }, operator)).toEqual([]);
    expect(offeredActs(seen, fireOfficer)).toEqual([]);
  });

  it('offers nothing on a merged complaint or before the record is loaded', () => {
    expect(offeredActs(complaint({ status: 'merged' }), fireOfficer)).toEqual([]);
    expect(offeredActs(undefined, fireOfficer)).toEqual([]);
    expect(offeredActs(complaint(), undefined)).toEqual([]);
  });

  it('offers the audited reveal only where the service shows the identity to this user', () => {
    expect(mayReveal(complaint())).toBe(true);
    expect(mayReveal(complaint({ complainant: { visibility: 'masked', name: '张*', phone: '1' } }))).toBe(
      false,
    );
    expect(mayReveal(complaint({ complainant: { visibility: 'anonymous' } }))).toBe(false);
  });
});

describe('the bodies the complaints service expects', () => {
  it('writes each act’s body from the dialog', () => {
    expect(actBody('sign', { anything: 1 })).toEqual({});
    expect(actBody('reply', { reply: '  已责令整改。 ' })).toEqual({ reply: '已责令整改。' });
    expect(actBody('transfer', { to: 'education/fund-supervisor', reason: '收费问题' })).toEqual({
      to: { department: 'education', role: 'fund-supervisor' },
      reason: '收费问题',
    });
    expect(actBody('request-extension', { workingDays: '5', reason: '核实' })).toEqual({
      workingDays: 5,
      reason: '核实',
    });
    expect(actBody('call-back', { reached: true })).toEqual({ reached: true, note: '' });
    expect(actBody('rate', { satisfied: 'no', comment: ' ' })).toEqual({ satisfied: false });
    expect(actBody('rate', { satisfied: 'yes', comment: '满意' })).toEqual({
      satisfied: true,
      comment: '满意',
    });
    expect(actBody('institution-reply', { reply: '已退费' })).toEqual({ reply: '已退费' });
  });

  it('offers transfers to every other unit', () => {
    const targets = transferTargets(complaint());
    expect(targets).not.toContain('fire');
    expect(targets).toContain('education/fund-supervisor');
    expect(targets).toHaveLength(10);
    expect(unitOf('market-regulation')).toEqual({ department: 'market-regulation' });
  });

  it('records a call about a licensed institution, or an anonymous tip about an unlicensed operator', () => {
    expect(
      recordedComplaintBody({
        category: 'safety',
        subjectKind: 'licensed',
        subject: { licenseId: ' L-1 ', name: 'left over' },
        description: ' 安全出口堵塞 ',
        contact: { name: '张伟', phone: '13805711000' },
        receivedAt: '2026-11-27T01:30:00.000Z',
      }),
    ).toEqual({
      kind: 'complaint',
      category: 'safety',
      channel: 'console',
      receivedAt: '2026-11-27T01:30:00.000Z',
      subject: { licenseId: 'L-1' },
      description: '安全出口堵塞',
      contact: { name: '张伟', phone: '13805711000' },
    });
    expect(
      recordedComplaintBody({
        kind: 'complaint',
        category: 'unlicensed',
        channel: 'hotline-12345',
        subjectKind: 'unlicensed',
        subject: { name: '小课堂', address: '文三路', activity: '晚间辅导', district: XH },
        description: '居民楼内办班',
        anonymous: true,
        contact: { name: '不应发送' },
      }),
    ).toEqual({
      kind: 'complaint',
      category: 'unlicensed',
      channel: 'hotline-12345',
      subject: { name: '小课堂', address: '文三路', activity: '晚间辅导', district: XH },
      description: '居民楼内办班',
    });
  });
});

describe('the action log', () => {
  it('shows the officials every act with its author and words, missed deadlines in red', () => {
    const c = complaint({
      actions: [
        { action: 'ComplaintAccepted', actor: { kind: 'public' }, at: '2026-11-25T02:00:00Z' },
        { action: 'DeadlineMissed', actor: { kind: 'system' }, at: '2026-11-27T16:00:00Z' },
        {
          action: 'ReplyGiven',
          actor: { kind: 'official', userId: 'officer.fire', department: 'fire' },
          at: '2026-11-28T03:00:00Z',
          note: '已责令清理安全出口。',
        },
      ],
    });
    expect(logOf(c)).toEqual([
      {
        at: '2026-11-25T02:00:00Z',
        key: 'otr.complaints.log.ComplaintAccepted',
        actor: { kind: 'public' },
        tone: 'info',
      },
      {
        at: '2026-11-27T16:00:00Z',
        key: 'otr.complaints.log.DeadlineMissed',
        actor: { kind: 'system' },
        tone: 'error',
      },
      {
        at: '2026-11-28T03:00:00Z',
        key: 'otr.complaints.log.ReplyGiven',
        actor: { kind: 'official', userId: 'officer.fire', department: 'fire' },
        note: '已责令清理安全出口。',
        tone: 'info',
      },
    ]);
  });

  it('shows the institution the public steps with its own statements in time order', () => {
    const seen = institutionsView({
      timeline: [
        { at: '2026-11-25T02:00:00Z', step: 'accepted' },
        { at: '2026-11-26T02:00:00Z', step: 'signed' },
      ],
      institutionReplies: [{ at: '2026-11-25T08:00:00Z', reply: '已联系家长' }],
    });
    expect(logOf(seen).map((e) => [e.key, e.note, e.tone])).toEqual([
      ['otr.complaints.steps.accepted', undefined, 'info'],
      ['otr.complaints.log.InstitutionReplied', '已联系家长', 'info'],
      ['otr.complaints.steps.signed', undefined, 'success'],
    ]);
  });
});

describe('the evidence files', () => {
  it('opens each file through the gateway by its hash, named by its kind and place, never by its own name', () => {
    const pdf = { sha256: 'a'.repeat(64), contentType: 'application/pdf', size: 2048 };
    expect(evidenceUrl('c1', pdf)).toBe(`/api/complaints/complaints/c1/evidence/${'a'.repeat(64)}`);
    expect(evidenceLabel(pdf, 2)).toEqual({ key: 'otr.complaints.evidence.pdf', n: 2 });
    expect(evidenceLabel({ ...pdf, contentType: 'image/jpeg' }, 1)).toEqual({
      key: 'otr.complaints.evidence.image',
      n: 1,
    });
  });
});
