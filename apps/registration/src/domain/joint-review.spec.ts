import { ApplicationForm } from './application-form';
import { InvalidApplicationState, LicensingRuleViolated, NotCompetentToDecide } from './errors';
import {
  approve,
  ApplicationEvent,
  ApplicationState,
  evolve,
  giveOpinion,
  reject,
  requestOpinion,
  resubmit,
  returnForCorrection,
  submit,
} from './license-application';
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
const form: ApplicationForm = {
  institutionName: '杭州西湖区启航编程科技培训有限公司',
  legalForm: 'for-profit',
  category: 'science-tech',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '浙江省杭州市西湖区学院路1号',
  venue: { area: 90, maxClassSize: 30, fireSafetyAccepted: true },
  legalRepresentative: '李明',
  ageGroups: ['primary'],
  staff: [],
  courses: [],
};
const XH = 'CN-ZJ-HZ-XH';
const approver = { department: 'science', jurisdiction: XH };
const license = (today: string) => ({
  licenseId: 'l-1',
  licenseNumber: '教民XH202600002号',
  today,
  newId: () => 'f-1',
});

/** given events, the state they lead to (emmett style). */
const given = (...events: ApplicationEvent[]): ApplicationState =>
  events.reduce(evolve, {
    id: 'a',
    institutionId: 'i',
    status: 'submitted',
    form,
    competentDepartment: '',
    opinions: {},
    documents: [],
    siteVisits: [],
    corrections: [],
    version: 1,
  });
const submitted = submit(form, rules, clean)[0];
const fireAsked = { type: 'OpinionRequested' as const, department: 'fire', dueBy: '2026-12-04' };

describe('joint review of an application', () => {
  it('when the approver asks the fire department, then an opinion is due by the given working day', () => {
    expect(requestOpinion(given(submitted), 'fire', '2026-12-04', approver)).toEqual([fireAsked]);
  });

  it('does not ask the same department twice while its opinion is pending', () => {
    expect(() => requestOpinion(given(submitted, fireAsked), 'fire', '2026-12-10', approver)).toThrow(
      InvalidApplicationState,
    );
  });

  it('waits for a pending opinion until its deadline, then lets the approver decide', () => {
    expect(() => approve(given(submitted, fireAsked), license('2026-12-04'), rules, approver)).toThrow(
      /awaiting opinions|before fire/,
    );
    expect(approve(given(submitted, fireAsked), license('2026-12-05'), rules, approver)[0].type).toBe(
      'ApplicationApproved',
    );
  });

  it('approves once every asked department agrees', () => {
    const agreed = {
      type: 'OpinionGiven' as const,
      department: 'fire',
      agrees: true,
      reasons: '消防验收合格',
    };
    expect(approve(given(submitted, fireAsked, agreed), license('2026-11-25'), rules, approver)).toHaveLength(
      2,
    );
  });

  it('refuses approval over a department’s objection, naming it', () => {
    const objection = {
      type: 'OpinionGiven' as const,
      department: 'fire',
      agrees: false,
      reasons: '疏散通道不足',
    };
    expect(() =>
      approve(given(submitted, fireAsked, objection), license('2026-11-25'), rules, approver),
    ).toThrow(LicensingRuleViolated);
  });

  it('takes an opinion only from a department that was asked, and an objection needs reasons', () => {
    const officer = (department: string) => ({
      userId: `officer.${department}`,
      department,
      jurisdiction: XH,
    });
    expect(() =>
      giveOpinion(given(submitted), { department: 'health', agrees: true, reasons: '' }, officer('health')),
    ).toThrow(InvalidApplicationState);
    expect(() =>
      giveOpinion(
        given(submitted, fireAsked),
        { department: 'fire', agrees: false, reasons: ' ' },
        officer('fire'),
      ),
    ).toThrow(LicensingRuleViolated);
  });
});

describe('correction and rejection', () => {
  const returned = {
    type: 'ApplicationReturned' as const,
    items: [{ field: 'venue.area', reason: '平面图与面积不符' }],
  };

  it('when returned for correction, then the items stay with the application until the operator resubmits', () => {
    const state = given(submitted, ...returnForCorrection(given(submitted), returned.items, approver));
    expect(state.status).toBe('returned');
    expect(state.corrections).toEqual(returned.items);
    const resubmitted = resubmit(state, form, rules, clean, 'i');
    expect(resubmitted[0].type).toBe('ApplicationSubmitted');
    expect(given(submitted, returned, ...resubmitted).corrections).toEqual([]);
  });

  it('applies the licensing rules again on resubmission', () => {
    const smaller = { ...form, venue: { ...form.venue, area: 10 } };
    expect(() => resubmit(given(submitted, returned), smaller, rules, clean, 'i')).toThrow(
      LicensingRuleViolated,
    );
  });

  it('is resubmitted only by the applicant', () => {
    expect(() => resubmit(given(submitted, returned), form, rules, clean, 'another')).toThrow(
      NotCompetentToDecide,
    );
    expect(() => resubmit(given(submitted, returned), form, rules, clean, undefined)).toThrow(
      NotCompetentToDecide,
    );
  });

  it('keeps a staff member sent by the masked number shown (the hash never leaves the service), and refuses an unknown mask', () => {
    const teacher = {
      name: '周老师',
      role: 'teacher' as const,
      certificate: { kind: 'science-professional' as const, number: 'KJ-001' },
      idNumberHash: 'a'.repeat(64),
      idNumberMasked: '330106********1234',
    };
    const [withStaff] = submit({ ...form, staff: [teacher] }, rules, clean);
    const state = given(withStaff, returned);
    const { idNumberHash: _hash, ...kept } = teacher;
    const [event] = resubmit(state, { ...form, staff: [kept] }, rules, clean, 'i');
    expect(event).toMatchObject({ type: 'ApplicationSubmitted', form: { staff: [teacher] } });
    expect(() =>
      resubmit(
        state,
        { ...form, staff: [{ ...kept, idNumberMasked: '110101********0000' }] },
        rules,
        clean,
        'i',
      ),
    ).toThrow(expect.objectContaining({ citation: expect.objectContaining({ field: 'staff.0.idNumber' }) }));
  });

  it('when two filed staff share a mask, keeps each by mask and name, and refuses a mask it cannot place', () => {
    const a = {
      name: '周老师',
      role: 'other' as const,
      idNumberHash: 'a'.repeat(64),
      idNumberMasked: '330106********1234',
    };
    const b = {
      name: '吴老师',
      role: 'other' as const,
      idNumberHash: 'b'.repeat(64),
      idNumberMasked: '330106********1234',
    };
    const state = given(submit({ ...form, staff: [a, b] }, rules, clean)[0], returned);
    const strip = ({ idNumberHash: _h, ...s }: typeof a) => s;
    const [event] = resubmit(state, { ...form, staff: [strip(b), strip(a)] }, rules, clean, 'i');
    expect(event).toMatchObject({ form: { staff: [b, a] } });
    expect(() =>
      resubmit(state, { ...form, staff: [{ ...strip(a), name: '郑老师' }] }, rules, clean, 'i'),
    ).toThrow(expect.objectContaining({ citation: expect.objectContaining({ field: 'staff.0.idNumber' }) }));
  });

  it('cannot be resubmitted unless it was returned', () => {
    expect(() => resubmit(given(submitted), form, rules, clean, 'i')).toThrow(InvalidApplicationState);
  });

  it('is returned or rejected only by the competent department', () => {
    expect(() =>
      returnForCorrection(given(submitted), returned.items, { ...approver, department: 'sports' }),
    ).toThrow(NotCompetentToDecide);
    expect(() =>
      reject(given(submitted), '不符合设置标准', { ...approver, jurisdiction: 'CN-ZJ-HZ-BJ' }),
    ).toThrow(NotCompetentToDecide);
  });

  it('when rejected, then it is closed to approval', () => {
    const state = given(submitted, ...reject(given(submitted), '场地不符合要求', approver));
    expect(state.status).toBe('rejected');
    expect(() => approve(state, license('2026-11-25'), rules, approver)).toThrow(InvalidApplicationState);
  });
});
