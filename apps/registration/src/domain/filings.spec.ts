import { createHash, createHmac } from 'node:crypto';
import { LicensingRuleViolated } from './errors';
import { assertNotBlacklisted, BlacklistEntry } from './blacklist';
import {
  CourseFiling,
  fileCourse,
  fileStaff,
  removeStaff,
  StaffFiling,
  toStaffMember,
  withoutIdNumberHashes,
} from './filings';
import { hashIdNumber, newlyDetected } from './in-service-roster';
import { LicenseState } from './license';
import { approveRequest, evolveRequest, fileRequest, LicenseRequestState } from './license-request';

const pepper = 'spec-pepper';
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
const onlineMax = { value: 30, source: '教育部办公厅 线上培训 (每课时不超过30分钟)' };
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
const refusal = (f: () => unknown): LicensingRuleViolated => {
  try {
    f();
  } catch (e) {
    if (e instanceof LicensingRuleViolated) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('filing a course (课程备案)', () => {
  it('given an active license, when a course within its scope is filed, then CourseFiled', () => {
    expect(fileCourse(license, course, onlineMax, 'c-1')).toEqual([
      { type: 'CourseFiled', licenseId: 'l-1', courseId: 'c-1', course },
    ]);
  });

  it('is refused for a mode the license does not cover, naming the field', () => {
    const e = refusal(() => fileCourse(license, { ...course, mode: 'online' }, onlineMax, 'c'));
    expect(e.citation).toMatchObject({ field: 'course.mode' });
  });

  it('is refused for a class larger than the licensed venue: 20 passes, 21 does not', () => {
    expect(() => fileCourse(license, { ...course, maxClassSize: 20 }, onlineMax, 'c')).not.toThrow();
    expect(
      refusal(() => fileCourse(license, { ...course, maxClassSize: 21 }, onlineMax, 'c')).citation.field,
    ).toBe('course.maxClassSize');
  });

  it('online lessons: 30 minutes pass, 31 are refused with the rule source', () => {
    const online = { ...license, profile: { ...license.profile, scopes: ['online' as const] } };
    const c = { ...course, mode: 'online' as const };
    expect(() => fileCourse(online, { ...c, lessonMinutes: 30 }, onlineMax, 'c')).not.toThrow();
    expect(
      refusal(() => fileCourse(online, { ...c, lessonMinutes: 31 }, onlineMax, 'c')).citation.source,
    ).toBe(onlineMax.source);
  });

  it('is refused while the license is suspended', () => {
    expect(() => fileCourse({ ...license, status: 'suspended' }, course, onlineMax, 'c')).toThrow(
      /suspended/,
    );
  });
});

describe('filing staff (人员备案)', () => {
  const member = toStaffMember(teacher, pepper);

  it('keeps the identity number only as a keyed HMAC and masked', () => {
    expect(member).not.toHaveProperty('idNumber');
    expect(member.idNumberMasked).toBe('330106********123X');
    expect(member.idNumberHash).toBe(hashIdNumber('33010619900101123x', pepper));
    expect(member.idNumberHash).toBe(createHmac('sha256', pepper).update('33010619900101123X').digest('hex'));
    // not the old peppered SHA-256, which ~30,000 guesses of the birth date reversed
    expect(member.idNumberHash).not.toBe(
      createHash('sha256').update(`${pepper}:33010619900101123X`).digest('hex'),
    );
  });

  it('refuses an identity number with a wrong check character or date of birth (GB 11643-1999)', () => {
    for (const idNumber of ['000000000000000000', '330106199001011234', '330106199002301238']) {
      const parsed = StaffFiling.safeParse({ ...teacher, idNumber });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(['idNumber']);
    }
  });

  it('lets no hash out: answers and logs carry the mask only', () => {
    const out = withoutIdNumberHashes({ form: { staff: [member] }, actions: [{ data: { staff: member } }] });
    expect(JSON.stringify(out)).not.toContain(member.idNumberHash);
    expect(out.form.staff[0].idNumberMasked).toBe('330106********123X');
  });

  it('given a qualified teacher not on the roster, then StaffFiled', () => {
    expect(fileStaff(license, member, [], 's-1')).toEqual([
      { type: 'StaffFiled', licenseId: 'l-1', staffId: 's-1', staff: member },
    ]);
  });

  it('a subject-type teacher without a teacher qualification, or of another subject, is refused', () => {
    const noCert = toStaffMember({ ...teacher, certificate: undefined }, pepper);
    expect(refusal(() => fileStaff(license, noCert, [], 's')).citation.field).toBe('staff.certificate');
    const other = toStaffMember(
      { ...teacher, certificate: { ...teacher.certificate!, subject: '语文' } },
      pepper,
    );
    expect(refusal(() => fileStaff(license, other, [], 's')).citation.field).toBe(
      'staff.certificate.subject',
    );
  });

  it('a sports coach certificate suffices for sports, not for subject-type training', () => {
    const coach = toStaffMember(
      { ...teacher, certificate: { kind: 'sports-coach', number: 'TY2026001' } },
      pepper,
    );
    const sports = { ...license, profile: { ...license.profile, category: 'sports' as const } };
    expect(() => fileStaff(sports, coach, [], 's')).not.toThrow();
    expect(() => fileStaff(license, coach, [], 's')).toThrow(LicensingRuleViolated);
  });

  it('an in-service school teacher is refused, citing the ban', () => {
    const onRoster = [{ idNumberHash: member.idNumberHash, name: '李华', school: '杭州市文三中学' }];
    const e = refusal(() => fileStaff(license, member, onRoster, 's'));
    expect(e.message).toContain('杭州市文三中学');
    expect(e.citation.source).toContain('中办发〔2021〕40号');
  });

  it('removal happens once', () => {
    expect(removeStaff(license, { staffId: 's-1', removed: false }, '离职')).toEqual([
      { type: 'StaffRemoved', licenseId: 'l-1', staffId: 's-1', reason: '离职' },
    ]);
    expect(() => removeStaff(license, { staffId: 's-1', removed: true }, '离职')).toThrow(
      LicensingRuleViolated,
    );
  });
});

describe('a roster re-import (在职教师名册)', () => {
  it('reports each filed staff member newly found on it, once', () => {
    const staff = [
      { staffId: 's-1', licenseId: 'l-1', name: '李华', idNumberHash: 'a', flaggedInService: false },
      { staffId: 's-2', licenseId: 'l-1', name: '王强', idNumberHash: 'b', flaggedInService: true },
      { staffId: 's-3', licenseId: 'l-2', name: '赵敏', idNumberHash: 'c', flaggedInService: false },
    ];
    const roster = [
      { idNumberHash: 'a', name: '李华', school: '文三中学' },
      { idNumberHash: 'b', name: '王强', school: '学军小学' },
    ];
    expect(newlyDetected(staff, roster)).toEqual([{ staff: staff[0], school: '文三中学' }]);
  });
});

describe('the black list check (黑名单)', () => {
  const entry: BlacklistEntry = {
    entryId: 'b-1',
    subjectName: '杭州（西湖）某某培训有限公司',
    legalRepresentative: '钱多多',
    decisionNumber: '西教罚〔2026〕9号',
    removableOn: '2029-06-30',
  };

  it('refuses a listed institution, whatever the bracket width', () => {
    const applicant = { institutionName: '杭州(西湖)某某培训有限公司', legalRepresentative: '孙一' };
    expect(refusal(() => assertNotBlacklisted(applicant, [entry], '2026-11-28')).citation.field).toBe(
      'institutionName',
    );
  });

  it('refuses a listed legal representative', () => {
    const applicant = { institutionName: '杭州新开培训有限公司', legalRepresentative: '钱多多' };
    expect(refusal(() => assertNotBlacklisted(applicant, [entry], '2026-11-28')).citation.field).toBe(
      'legalRepresentative',
    );
  });

  it('lets the applicant in from the removal date (信用修复)', () => {
    const applicant = { institutionName: '杭州(西湖)某某培训有限公司', legalRepresentative: '钱多多' };
    expect(() => assertNotBlacklisted(applicant, [entry], '2029-06-29')).toThrow(LicensingRuleViolated);
    expect(() => assertNotBlacklisted(applicant, [entry], '2029-06-30')).not.toThrow();
  });
});

describe('change and closure requests', () => {
  const education = { department: 'education', jurisdiction: 'CN-ZJ-HZ-XH' };
  const pending = (request: LicenseRequestState['request']): LicenseRequestState =>
    fileRequest(license, request, '2026-11-28').reduce(evolveRequest, {
      id: 'r-1',
      licenseId: 'l-1',
      request,
      status: 'pending',
      version: 0,
    });

  it('given a filed change, when the competent department approves, then the license changes', () => {
    const r = pending({ kind: 'change', changes: { institutionName: '杭州西湖区明理培训学校' } });
    expect(approveRequest(r, license, education)).toEqual({
      request: [{ type: 'RequestApproved' }],
      license: [{ type: 'InstitutionChanged', changes: { institutionName: '杭州西湖区明理培训学校' } }],
    });
  });

  it('another department cannot approve', () => {
    const r = pending({ kind: 'change', changes: { institutionName: '杭州西湖区明理培训学校' } });
    expect(() => approveRequest(r, license, { ...education, department: 'sports' })).toThrow(/education/);
  });

  it('closure cannot be back-dated, and approving it closes the license', () => {
    expect(() =>
      fileRequest(license, { kind: 'closure', closesOn: '2026-11-27', reason: 'x' }, '2026-11-28'),
    ).toThrow(/past/);
    const r = pending({ kind: 'closure', closesOn: '2026-12-31', reason: '经营调整' });
    expect(approveRequest(r, license, education).license).toEqual([
      { type: 'InstitutionClosed', closedOn: '2026-12-31', reason: '经营调整' },
    ]);
    expect(() => approveRequest({ ...r, status: 'approved' }, license, education)).toThrow(/approved/);
  });
});
