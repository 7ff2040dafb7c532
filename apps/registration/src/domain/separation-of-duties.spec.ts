import { ApplicationForm } from './application-form';
import { NotCompetentToDecide, SeparationOfDutiesViolated } from './errors';
import { LicenseState } from './license';
import {
  approve,
  ApplicationEvent,
  assertMayDecideOnLicense,
  ApplicationState,
  evolve,
  giveOpinion,
  reject,
  returnForCorrection,
  submit,
} from './license-application';
import { approveRequest, LicenseRequestState, rejectRequest } from './license-request';
import { LicensingRules } from './licensing-rules';

const XH = 'CN-ZJ-HZ-XH';
const rules: LicensingRules = {
  minAreaPerStudent: { value: 3, source: '国办发〔2018〕80号' },
  newSubjectApprovalsAllowed: { value: false, source: '中办发〔2021〕40号' },
  licenseValidityYears: { value: 3, source: 'demo' },
  onlineLessonMaxMinutes: { value: 30, source: 'demo' },
  // No requirements: these cases are about other rules (approval-requirements.spec.ts has them).
  approvalRequirements: { value: {}, source: 'test' },
};
const form: ApplicationForm = {
  institutionName: '杭州西湖区博雅美术艺术培训有限公司',
  legalForm: 'for-profit',
  category: 'arts',
  scopes: ['offline'],
  district: XH,
  address: '浙江省杭州市西湖区文三路100号',
  venue: { area: 90, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '王芳',
  ageGroups: ['primary'],
  staff: [],
  courses: [],
};
const license = {
  licenseId: 'l-1',
  licenseNumber: '教民XH202600002号',
  today: '2026-11-25',
  newId: () => 'f-1',
};

/** An application of institution i filed by the user who submitted it. */
const filedBy = (filer: string, ...events: ApplicationEvent[]): ApplicationState =>
  [...submit(form, rules, { inService: [], blacklist: [], today: '2026-11-25' }), ...events].reduce(evolve, {
    id: 'a',
    institutionId: 'i',
    status: 'submitted',
    form,
    competentDepartment: '',
    opinions: {},
    documents: [],
    siteVisits: [],
    corrections: [],
    filedBy: [filer],
    version: 0,
  });

const culture = (userId: string, extra: { institutionId?: string } = {}) => ({
  userId,
  department: 'culture-tourism',
  jurisdiction: XH,
  ...extra,
});

describe('separation of duties (职责分离): whoever files never decides', () => {
  it('given an approver filed the application, when the same approver approves, then it is refused', () => {
    expect(() => approve(filedBy('approver.culture'), license, rules, culture('approver.culture'))).toThrow(
      SeparationOfDutiesViolated,
    );
  });

  it('nor returns nor rejects it', () => {
    expect(() =>
      returnForCorrection(
        filedBy('approver.culture'),
        [{ field: 'address', reason: 'x' }],
        culture('approver.culture'),
      ),
    ).toThrow(SeparationOfDutiesViolated);
    expect(() => reject(filedBy('approver.culture'), '不符合条件', culture('approver.culture'))).toThrow(
      SeparationOfDutiesViolated,
    );
  });

  it('an account of the applicant institution never decides, even holding the approver role', () => {
    expect(() =>
      approve(filedBy('operator.demo'), license, rules, culture('someone.else', { institutionId: 'i' })),
    ).toThrow(SeparationOfDutiesViolated);
  });

  it('another approver of the competent department decides', () => {
    expect(approve(filedBy('operator.demo'), license, rules, culture('approver.culture'))[0].type).toBe(
      'ApplicationApproved',
    );
  });

  describe('license requests (变更/终止)', () => {
    const active: LicenseState = {
      id: 'l',
      institutionId: 'i',
      number: '教民XH202600001号',
      status: 'active',
      validUntil: '2029-11-21',
      district: XH,
      competentDepartment: 'culture-tourism',
      profile: {
        institutionName: '杭州西湖区博雅美术艺术培训有限公司',
        address: '浙江省杭州市西湖区文三路100号',
        legalRepresentative: '王芳',
        scopes: ['offline'],
        category: 'arts',
        maxClassSize: 20,
      },
      remindersSent: [],
      version: 1,
    };
    const pending: LicenseRequestState = {
      id: 'r',
      licenseId: 'l',
      request: { kind: 'change', changes: { address: '浙江省杭州市西湖区文二路8号' } },
      status: 'pending',
      filedBy: 'operator.approver',
      version: 1,
    };

    it('the account that filed a change (operator + approver) cannot approve or reject it', () => {
      const both = culture('operator.approver', { institutionId: 'i' });
      expect(() => approveRequest(pending, active, both)).toThrow(SeparationOfDutiesViolated);
      expect(() => rejectRequest(pending, active, '不同意', both)).toThrow(SeparationOfDutiesViolated);
      expect(() => approveRequest(pending, active, culture('operator.approver'))).toThrow(
        SeparationOfDutiesViolated,
      );
    });

    it('an account of the licensed institution never suspends, reinstates, revokes or renews its license', () => {
      const both = culture('operator.approver', { institutionId: 'i' });
      expect(() => assertMayDecideOnLicense(active, both)).toThrow(SeparationOfDutiesViolated);
      expect(() => assertMayDecideOnLicense(active, culture('approver.culture'))).not.toThrow();
    });

    it('an approver who did not file it decides', () => {
      expect(approveRequest(pending, active, culture('approver.culture')).request).toEqual([
        { type: 'RequestApproved' },
      ]);
    });
  });
});

describe('opinions (联合审查) are answered within the jurisdiction that may read them', () => {
  const fireAsked = { type: 'OpinionRequested' as const, department: 'fire', dueBy: '2026-12-04' };
  const answer = { department: 'fire', agrees: true, reasons: '消防验收合格' };

  it('given a 西湖区 application, when the fire department of 滨江区 answers, then it is refused', () => {
    expect(() =>
      giveOpinion(filedBy('operator.demo', fireAsked), answer, {
        userId: 'officer.fire.bj',
        department: 'fire',
        jurisdiction: 'CN-ZJ-HZ-BJ',
      }),
    ).toThrow(NotCompetentToDecide);
  });

  it('only the department asked answers for it', () => {
    expect(() =>
      giveOpinion(filedBy('operator.demo', fireAsked), answer, {
        userId: 'officer.market',
        department: 'market-regulation',
        jurisdiction: XH,
      }),
    ).toThrow(NotCompetentToDecide);
  });

  it('the fire department of 西湖区, or the city above it, answers', () => {
    for (const jurisdiction of [XH, 'CN-ZJ-HZ'])
      expect(
        giveOpinion(filedBy('operator.demo', fireAsked), answer, {
          userId: 'f',
          department: 'fire',
          jurisdiction,
        }),
      ).toEqual([{ type: 'OpinionGiven', ...answer }]);
  });
});
