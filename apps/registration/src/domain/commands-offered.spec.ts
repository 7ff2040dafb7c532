import { ApplicationForm } from './application-form';
import { CourseFiling, fileCourse, fileStaff, StaffFiling, toStaffMember } from './filings';
import {
  LicenseCommand,
  licenseCommandsOffered,
  LicenseState,
  LicenseStatus,
  reinstate,
  renew,
  revoke,
  suspend,
} from './license';
import {
  approve,
  ApplicationCommand,
  applicationCommandsOffered,
  ApplicationState,
  ApplicationStatus,
  attachDocument,
  giveOpinion,
  recordSiteVisit,
  reject,
  requestOpinion,
  resubmit,
  returnForCorrection,
} from './license-application';
import {
  approveRequest,
  fileRequest,
  LicenseRequestCommand,
  LicenseRequestState,
  rejectRequest,
  requestCommandsOffered,
} from './license-request';
import { LicensingRules } from './licensing-rules';

/**
 * The tables of which commands a state offers (what the answers' `actions` start from) against
 * the decide functions themselves: in every status, each offered command is accepted with a valid
 * input and by someone allowed to run it, and each command not offered is refused.
 */
const accepted = (run: () => unknown) => {
  try {
    run();
    return true;
  } catch {
    return false;
  }
};

function tieTable<S extends string, C extends string>(
  statuses: readonly S[],
  commands: readonly C[],
  offered: (status: S) => C[],
  run: (status: S, command: C) => unknown,
) {
  it.each(statuses.flatMap((s) => commands.map((c) => [s, c] as const)))('%s: %s', (status, command) => {
    expect(accepted(() => run(status, command))).toBe(offered(status).includes(command));
  });
}

const today = '2026-11-28';

describe('the commands a license offers are those decide accepts', () => {
  const license = (status: LicenseStatus): LicenseState => ({
    id: 'l-1',
    institutionId: 'i-1',
    number: '教民XH202600001号',
    status,
    validUntil: '2029-11-21',
    district: 'CN-ZJ-HZ-XH',
    competentDepartment: 'education',
    profile: {
      institutionName: '杭州西湖区明理学科培训学校',
      address: '浙江省杭州市西湖区文三路100号',
      legalRepresentative: '张明',
      scopes: ['offline'],
      category: 'subject',
      maxClassSize: 20,
    },
    remindersSent: [],
    version: 3,
  });
  const course: CourseFiling = {
    name: '初中数学同步',
    subject: '数学',
    mode: 'offline',
    gradeLevels: ['junior-secondary'],
    outline: '代数、几何与函数，每周两次，每次一课时。',
    totalHours: 48,
    lessonMinutes: 45,
    maxClassSize: 20,
    priceFen: 288_000,
  };
  const teacher: StaffFiling = {
    name: '李华',
    idNumber: '33010619900101123X',
    role: 'teacher',
    subject: '数学',
    certificate: { kind: 'teacher-qualification', number: '20103300000001', subject: '数学' },
  };
  const run: Record<LicenseCommand, (s: LicenseState) => unknown> = {
    suspend: (s) => suspend(s, '违规收费'),
    reinstate: (s) => reinstate(s, '整改完成'),
    revoke: (s) => revoke(s, '情节严重'),
    renew: (s) => renew(s, '2032-11-21'),
    fileCourse: (s) => fileCourse(s, course, { value: 30, source: 'spec' }, 'c-1'),
    fileStaff: (s) => fileStaff(s, toStaffMember(teacher, 'spec-pepper'), [], 's-1'),
    requestChange: (s) =>
      fileRequest(s, { kind: 'change', changes: { address: '杭州市西湖区天目山路1号' } }, today),
    requestClosure: (s) => fileRequest(s, { kind: 'closure', closesOn: today, reason: '停办' }, today),
  };
  tieTable(
    LicenseStatus.options,
    LicenseCommand.options,
    (status) => licenseCommandsOffered({ status }),
    (status, command) => run[command](license(status)),
  );
});

describe('the commands a change or closure request offers are those decide accepts', () => {
  const license: LicenseState = {
    id: 'l-1',
    institutionId: 'i-1',
    number: '教民XH202600001号',
    status: 'active',
    validUntil: '2029-11-21',
    district: 'CN-ZJ-HZ-XH',
    competentDepartment: 'education',
    profile: {
      institutionName: '杭州西湖区明理学科培训学校',
      address: '浙江省杭州市西湖区文三路100号',
      legalRepresentative: '张明',
      scopes: ['offline'],
      category: 'subject',
      maxClassSize: 20,
    },
    remindersSent: [],
    version: 3,
  };
  const approver = { userId: 'u-approver', department: 'education', jurisdiction: 'CN-ZJ-HZ' };
  const request = (status: LicenseRequestState['status']): LicenseRequestState => ({
    id: 'r-1',
    licenseId: 'l-1',
    request: { kind: 'change', changes: { address: '杭州市西湖区天目山路1号' } },
    status,
    filedBy: 'u-operator',
    version: 1,
  });
  const run: Record<LicenseRequestCommand, (s: LicenseRequestState) => unknown> = {
    approve: (s) => approveRequest(s, license, approver),
    reject: (s) => rejectRequest(s, license, '材料不全', approver),
  };
  tieTable(
    ['pending', 'approved', 'rejected'] as const,
    LicenseRequestCommand.options,
    (status) => requestCommandsOffered({ status }),
    (status, command) => run[command](request(status)),
  );
});

describe('the commands an application offers are those decide accepts', () => {
  const rules: LicensingRules = {
    minAreaPerStudent: { value: 3, source: '国办发〔2018〕80号' },
    newSubjectApprovalsAllowed: { value: false, source: '中办发〔2021〕40号' },
    licenseValidityYears: { value: 3, source: 'demo' },
    onlineLessonMaxMinutes: { value: 30, source: 'demo' },
    approvalRequirements: { value: {}, source: 'test' },
  };
  const form: ApplicationForm = {
    institutionName: '杭州西湖区博雅美术艺术培训有限公司',
    legalForm: 'for-profit',
    category: 'arts',
    scopes: ['offline'],
    district: 'CN-ZJ-HZ-XH',
    address: '浙江省杭州市西湖区文三路100号',
    venue: { area: 60, maxClassSize: 20, fireSafetyAccepted: true },
    legalRepresentative: '王芳',
    ageGroups: ['primary'],
    staff: [],
    courses: [],
  };
  /** The fire department was asked and has not answered; its deadline has passed, so approval may go on. */
  const application = (status: ApplicationStatus): ApplicationState => ({
    id: 'a-1',
    institutionId: 'i-1',
    status,
    form,
    competentDepartment: 'culture-tourism',
    opinions: { fire: { dueBy: '2026-11-20' } },
    documents: [],
    siteVisits: [],
    corrections: [],
    filedBy: ['u-operator'],
    version: 2,
  });
  const approver = { userId: 'u-approver', department: 'culture-tourism', jurisdiction: 'CN-ZJ-HZ' };
  const fireOfficer = { userId: 'u-fire', department: 'fire', jurisdiction: 'CN-ZJ-HZ' };
  const clean = { inService: [], blacklist: [], today };
  const document = {
    sha256: 'a'.repeat(64),
    kind: 'venue-lease' as const,
    contentType: 'application/pdf',
    size: 1024,
  };
  const issue = { licenseId: 'l-1', licenseNumber: '教民XH202600001号', today, newId: () => 'f-1' };
  const run: Record<ApplicationCommand, (s: ApplicationState) => unknown> = {
    approve: (s) => approve(s, issue, rules, approver),
    reject: (s) => reject(s, '场地不符', approver),
    return: (s) => returnForCorrection(s, [{ field: 'address', reason: '地址不详' }], approver),
    requestOpinion: (s) => requestOpinion(s, 'health', '2026-12-10', approver),
    giveOpinion: (s) => giveOpinion(s, { department: 'fire', agrees: true, reasons: '' }, fireOfficer),
    recordSiteVisit: (s) =>
      recordSiteVisit(
        s,
        { visitedOn: today, findings: '场地符合', conforms: true, by: 'u-approver' },
        approver,
      ),
    attachDocument: (s) => attachDocument(s, document),
    resubmit: (s) => resubmit(s, form, rules, clean, s.institutionId),
  };
  tieTable(
    ApplicationStatus.options,
    ApplicationCommand.options,
    (status) => applicationCommandsOffered(application(status)),
    (status, command) => run[command](application(status)),
  );

  it('offers an opinion only while one is awaited', () => {
    const answered = {
      ...application('submitted'),
      opinions: { fire: { dueBy: '2026-11-20', agrees: true } },
    };
    expect(applicationCommandsOffered(answered)).not.toContain('giveOpinion');
    expect(accepted(() => run.giveOpinion(answered))).toBe(false);
  });
});
