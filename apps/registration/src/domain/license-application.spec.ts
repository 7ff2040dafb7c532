import { ApplicationForm } from './application-form';
import { InvalidApplicationState, LicensingRuleViolated, NotCompetentToDecide } from './errors';
import { approve, ApplicationState, evolve, submit } from './license-application';
import { LicensingRules } from './licensing-rules';

/** Nothing on the in-service roster or the black list about this applicant. */
const clean = { inService: [], blacklist: [], today: '2026-11-28' };
const rules: LicensingRules = {
  minAreaPerStudent: { value: 3, source: '国办发〔2018〕80号' },
  newSubjectApprovalsAllowed: { value: false, source: '中办发〔2021〕40号' },
  licenseValidityYears: { value: 3, source: 'demo' },
  onlineLessonMaxMinutes: { value: 30, source: 'demo' },
  // No requirements: these cases are about other rules (approval-requirements.spec.ts has them).
  approvalRequirements: { value: {}, source: 'test' },
};

const form = (over: Partial<ApplicationForm> = {}): ApplicationForm => ({
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
  ...over,
});

const submitted = (f = form()): ApplicationState =>
  submit(f, rules, clean).reduce(evolve, {
    id: 'a-1',
    institutionId: 'i-1',
    status: 'submitted',
    form: f,
    competentDepartment: '',
    opinions: {},
    documents: [],
    siteVisits: [],
    corrections: [],
    version: 1,
  });

const approver = { department: 'culture-tourism', jurisdiction: 'CN-ZJ-HZ-XH' };
let filed = 0;
const issue = {
  licenseId: 'l-1',
  licenseNumber: '教民XH202600001号',
  today: '2026-11-22',
  newId: () => `f-${++filed}`,
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as LicensingRuleViolated;
  }
  throw new Error('expected a refusal');
};

describe('a license application', () => {
  describe('when submitted', () => {
    it('goes to the department competent for its category', () => {
      expect(submit(form({ category: 'sports' }), rules, clean)).toEqual([
        expect.objectContaining({ type: 'ApplicationSubmitted', competentDepartment: 'sports' }),
      ]);
      expect(submitted(form({ category: 'science-tech' })).competentDepartment).toBe('science');
    });

    it('is accepted with exactly 3 m² per student', () => {
      expect(() =>
        submit(form({ venue: { area: 60, maxClassSize: 20, fireSafetyAccepted: true } }), rules, clean),
      ).not.toThrow();
    });

    it('is refused with less than 3 m² per student, naming the field, rule and source', () => {
      const e = refusal(() =>
        submit(form({ venue: { area: 59.9, maxClassSize: 20, fireSafetyAccepted: true } }), rules, clean),
      );
      expect(e).toBeInstanceOf(LicensingRuleViolated);
      expect(e.citation).toEqual({
        field: 'venue.area',
        rule: 'at least 3 m² per student in the same session',
        source: '国办发〔2018〕80号',
      });
    });

    it('is refused for preschool children', () => {
      expect(
        refusal(() => submit(form({ ageGroups: ['preschool', 'primary'] }), rules, clean)).citation.field,
      ).toBe('ageGroups');
    });

    it('is refused for a for-profit subject-type institution', () => {
      expect(refusal(() => submit(form({ category: 'subject' }), rules, clean)).citation.field).toBe(
        'legalForm',
      );
    });

    it('is refused for a new subject-type institution where the jurisdiction allows none', () => {
      const e = refusal(() => submit(form({ category: 'subject', legalForm: 'non-profit' }), rules, clean));
      expect(e.citation).toMatchObject({ field: 'category', source: '中办发〔2021〕40号' });
    });

    it('is accepted for a non-profit subject-type institution where the jurisdiction still allows them', () => {
      const open = { ...rules, newSubjectApprovalsAllowed: { value: true, source: 'local' } };
      expect(() => submit(form({ category: 'subject', legalForm: 'non-profit' }), open, clean)).not.toThrow();
    });

    it('is refused for offline training without fire-safety acceptance', () => {
      const f = form({ venue: { area: 100, maxClassSize: 10, fireSafetyAccepted: false } });
      expect(refusal(() => submit(f, rules, clean)).citation.field).toBe('venue.fireSafetyAccepted');
      expect(() => submit({ ...f, scopes: ['online'] }, rules, clean)).not.toThrow();
    });
  });

  describe('when approved', () => {
    it('issues a license valid for the rulebook’s years, ending the day before the anniversary', () => {
      const events = approve(submitted(), issue, rules, approver);
      expect(events).toEqual([
        { type: 'ApplicationApproved', licenseId: 'l-1' },
        {
          type: 'LicenseIssued',
          licenseId: 'l-1',
          licenseNumber: '教民XH202600001号',
          validFrom: '2026-11-22',
          validUntil: '2029-11-21',
        },
      ]);
      expect(events.reduce(evolve, submitted()).status).toBe('approved');
    });

    it('cannot be approved twice', () => {
      const approved = { ...submitted(), status: 'approved' as const };
      expect(() => approve(approved, issue, rules, approver)).toThrow(InvalidApplicationState);
    });

    it('is decided only by the department competent for the category', () => {
      expect(() => approve(submitted(), issue, rules, { ...approver, department: 'education' })).toThrow(
        NotCompetentToDecide,
      );
    });

    it('is decided only within the approver’s jurisdiction; a city approver covers its districts', () => {
      expect(() => approve(submitted(), issue, rules, { ...approver, jurisdiction: 'CN-ZJ-HZ-BJ' })).toThrow(
        NotCompetentToDecide,
      );
      expect(() =>
        approve(submitted(), issue, rules, { ...approver, jurisdiction: 'CN-ZJ-HZ' }),
      ).not.toThrow();
    });
  });
});
