import { ApplicationForm } from './application-form';
import { LicensingRuleViolated } from './errors';
import { approve, ApplicationEvent, ApplicationState, evolve, submit } from './license-application';
import { LicensingRules } from './licensing-rules';

const XH = 'CN-ZJ-HZ-XH';
const requirement = {
  documents: ['legal-representative-id'],
  offline: { documents: ['venue-lease', 'fire-safety-acceptance'], siteVisit: true },
  opinions: [] as string[],
};
const rules: LicensingRules = {
  minAreaPerStudent: { value: 3, source: '国办发〔2018〕80号' },
  newSubjectApprovalsAllowed: { value: false, source: '中办发〔2021〕40号' },
  licenseValidityYears: { value: 3, source: 'demo' },
  onlineLessonMaxMinutes: { value: 30, source: 'demo' },
  approvalRequirements: {
    value: { arts: requirement, sports: { ...requirement, opinions: ['fire'] } },
    source: '《中华人民共和国行政许可法》第三十一条、第三十四条',
  },
};
const form = (over: Partial<ApplicationForm> = {}): ApplicationForm => ({
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
  ...over,
});
const approver = { userId: 'approver.culture', department: 'culture-tourism', jurisdiction: XH };
const license = {
  licenseId: 'l-1',
  licenseNumber: '教民XH202600002号',
  today: '2026-11-25',
  newId: () => 'f-1',
};

/** given the application's events after it was filed by its operator. */
const given = (f: ApplicationForm, ...events: ApplicationEvent[]): ApplicationState =>
  [...submit(f, rules, { inService: [], blacklist: [], today: '2026-11-25' }), ...events].reduce(evolve, {
    id: 'a',
    institutionId: 'i',
    status: 'submitted',
    form: f,
    competentDepartment: '',
    opinions: {},
    documents: [],
    siteVisits: [],
    corrections: [],
    filedBy: ['operator.demo'],
    version: 0,
  });
const document = (kind: string): ApplicationEvent => ({
  type: 'DocumentAttached',
  document: { sha256: kind.padEnd(64, '0'), kind: kind as never, contentType: 'application/pdf', size: 10 },
});
const visit = (conforms = true): ApplicationEvent => ({
  type: 'SiteVisitRecorded',
  visit: {
    visitedOn: '2026-11-24',
    findings: conforms ? '' : '消防通道堵塞',
    conforms,
    by: 'approver.culture',
  },
});
const allDocuments = ['legal-representative-id', 'venue-lease', 'fire-safety-acceptance'].map(document);

describe('approval needs what the rulebook says the category needs', () => {
  it('given no documents, no site visit, when approved, then refused naming the documents missing', () => {
    expect(() => approve(given(form()), license, rules, approver)).toThrow(
      expect.objectContaining({
        constructor: LicensingRuleViolated,
        citation: expect.objectContaining({
          field: 'documents',
          source: expect.stringContaining('行政许可法'),
        }),
        message: expect.stringContaining('venue-lease'),
      }),
    );
  });

  it('given every document but no site visit, an application to train on site is refused', () => {
    expect(() => approve(given(form(), ...allDocuments), license, rules, approver)).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'siteVisits' }) }),
    );
  });

  it('given every document and a conforming site visit, it is approved', () => {
    expect(approve(given(form(), ...allDocuments, visit()), license, rules, approver)[0].type).toBe(
      'ApplicationApproved',
    );
  });

  it('training online only needs neither the venue documents nor a site visit', () => {
    const online = form({ scopes: ['online'] });
    expect(() => approve(given(online), license, rules, approver)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('legal-representative-id') }),
    );
    expect(
      approve(given(online, document('legal-representative-id')), license, rules, approver)[0].type,
    ).toBe('ApplicationApproved');
  });

  it('a category whose rules name departments needs their agreeing opinion', () => {
    const sports = form({ category: 'sports' });
    const sportsApprover = { ...approver, department: 'sports' };
    const ready = [...allDocuments, visit()];
    expect(() => approve(given(sports, ...ready), license, rules, sportsApprover)).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'opinions.fire' }) }),
    );
    const agreed: ApplicationEvent[] = [
      { type: 'OpinionRequested', department: 'fire', dueBy: '2026-12-04' },
      { type: 'OpinionGiven', department: 'fire', agrees: true, reasons: '合格' },
    ];
    expect(approve(given(sports, ...ready, ...agreed), license, rules, sportsApprover)[0].type).toBe(
      'ApplicationApproved',
    );
  });
});
