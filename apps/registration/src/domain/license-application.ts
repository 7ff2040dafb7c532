import { z } from 'zod';
import { ApplicationForm } from './application-form';
import {
  InvalidApplicationState,
  LicensingRuleViolated,
  NotCompetentToDecide,
  SeparationOfDutiesViolated,
} from './errors';
import { assertNotBlacklisted, BlacklistEntry } from './blacklist';
import { assertNameFree, NameInUse } from './institution-name';
import { checkCourse, checkStaffQualification, CourseFiling, StaffMember } from './filings';
import { assertNoneInService, InServiceTeacher } from './in-service-roster';
import { competentDepartment, LicensingRules } from './licensing-rules';

/** What other records say about an applicant: roster matches for its staff, black-list entries, today. */
export interface ApplicantRecord {
  inService: InServiceTeacher[];
  blacklist: BlacklistEntry[];
  today: string;
  /** Other institutions holding the form's name (licensed or applying). */
  namesInUse?: NameInUse[];
}

/** The materials an application carries (DOMAIN.md, Licensing). */
export const DOCUMENT_KINDS = [
  'venue-lease',
  'fire-safety-acceptance',
  'legal-person-registration',
  'legal-representative-id',
  'staff-certificate',
  'course-outline',
  'fee-standard',
  'other',
] as const;

export const ApplicationStatus = z
  .enum(['submitted', 'returned', 'approved', 'rejected'])
  .describe('submitted 审查中, returned 退回补正, approved 准予许可, rejected 不予许可');
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** A department's opinion in the joint review (联合审查): pending until given, due by a working day. */
export const Opinion = z.object({
  dueBy: z.iso.date().describe('The working day the opinion is due by (征求意见期限).'),
  agrees: z.boolean().optional().describe('Absent while the opinion is pending.'),
  reasons: z.string().optional(),
});
export type Opinion = z.infer<typeof Opinion>;

/** A document filed with the application (申请材料), kept by content hash. */
export const ApplicationDocument = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(DOCUMENT_KINDS),
  filename: z.string().optional(),
  contentType: z.string(),
  size: z.number().int().nonnegative().describe('Bytes.'),
});
export type ApplicationDocument = z.infer<typeof ApplicationDocument>;

/** The approver's site visit (实地核查): what was found, and whether the venue conforms. */
export const SiteVisit = z.object({
  visitedOn: z.iso.date(),
  findings: z.string(),
  conforms: z.boolean(),
  by: z.string().describe('The user id of the approver who recorded it.'),
});
export type SiteVisit = z.infer<typeof SiteVisit>;

/** One item of a return for correction: the field concerned and why. */
export const CorrectionItem = z.object({ field: z.string(), reason: z.string() });
export type CorrectionItem = z.infer<typeof CorrectionItem>;

/** An application for a school-running license (办学许可申请) as the service keeps it. */
export const ApplicationState = z.object({
  id: z.uuid(),
  institutionId: z.string(),
  status: ApplicationStatus,
  form: ApplicationForm,
  competentDepartment: z
    .string()
    .describe('The department that decides: education, sports, culture, science.'),
  opinions: z
    .record(z.string(), Opinion)
    .describe('Joint-review opinions (联合审查意见) by department: fire, public-security, …'),
  documents: z.array(ApplicationDocument),
  siteVisits: z.array(SiteVisit),
  /** The items of the last return for correction (补正事项), until the operator resubmits. */
  corrections: z.array(CorrectionItem).describe('补正事项 of the last return, until resubmission.'),
  /** Every user who submitted or resubmitted it (from its action log): none of them decides it. */
  filedBy: z
    .array(z.string())
    .optional()
    .describe('The users who submitted it: none of them decides it (职责分离).'),
  version: z.number().int().nonnegative(),
});
export type ApplicationState = z.infer<typeof ApplicationState>;

/** Departments an approver may ask: fire, public security, market regulation or civil affairs (legal person), health. */
export const OPINION_DEPARTMENTS = [
  'fire',
  'public-security',
  'market-regulation',
  'civil-affairs',
  'health',
] as const;

/**
 * The commands on an application: the approver's review (批准, 不予许可, 退回补正, 征求意见, 实地核查),
 * the asked department's opinion, the applicant's resubmission, and materials.
 */
export const ApplicationCommand = z
  .enum([
    'approve',
    'reject',
    'return',
    'requestOpinion',
    'giveOpinion',
    'recordSiteVisit',
    'attachDocument',
    'resubmit',
  ])
  .describe(
    'A command on an application: approve, reject, return, requestOpinion, giveOpinion, recordSiteVisit, attachDocument, resubmit.',
  );
export type ApplicationCommand = z.infer<typeof ApplicationCommand>;

/** Which commands each status allows, as the decide functions below rule (license-application.spec.ts ties them). */
const OFFERED: Record<ApplicationStatus, readonly ApplicationCommand[]> = {
  submitted: [
    'approve',
    'reject',
    'return',
    'requestOpinion',
    'giveOpinion',
    'recordSiteVisit',
    'attachDocument',
  ],
  returned: ['resubmit', 'attachDocument', 'giveOpinion'],
  approved: [],
  rejected: [],
};

/** A department answers only while its opinion is awaited. */
const awaitsOpinion = (s: Pick<ApplicationState, 'opinions'>) =>
  Object.values(s.opinions).some((o) => o.agrees === undefined);

/** The commands an application in this state accepts (for anyone allowed to run them). */
export const applicationCommandsOffered = (
  s: Pick<ApplicationState, 'status' | 'opinions'>,
): ApplicationCommand[] => OFFERED[s.status].filter((c) => c !== 'giveOpinion' || awaitsOpinion(s));

/** What happened to an application, in the domain's words; the application layer publishes them. */
export type ApplicationEvent =
  | { type: 'ApplicationSubmitted'; form: ApplicationForm; competentDepartment: string }
  | { type: 'ApplicationReturned'; items: CorrectionItem[] }
  | { type: 'OpinionRequested'; department: string; dueBy: string }
  | { type: 'OpinionGiven'; department: string; agrees: boolean; reasons: string }
  | { type: 'ApplicationRejected'; reasons: string }
  | { type: 'ApplicationApproved'; licenseId: string }
  | {
      type: 'LicenseIssued';
      licenseId: string;
      licenseNumber: string;
      validFrom: string;
      validUntil: string;
    }
  | { type: 'DocumentAttached'; document: ApplicationDocument }
  | { type: 'SiteVisitRecorded'; visit: SiteVisit }
  | { type: 'CourseFiled'; licenseId: string; courseId: string; course: CourseFiling }
  | { type: 'StaffFiled'; licenseId: string; staffId: string; staff: StaffMember };

const DOUBLE_REDUCTION = '中办发〔2021〕40号 (双减)';

/** Checks the licensing rules of DOMAIN.md; throws the first rule the form breaks. */
export function checkLicensingRules(form: ApplicationForm, rules: LicensingRules): void {
  if (form.ageGroups.includes('preschool')) {
    throw new LicensingRuleViolated('no off-campus training institutions for preschool children', {
      field: 'ageGroups',
      rule: 'no preschool training',
      source: DOUBLE_REDUCTION,
    });
  }
  if (form.category === 'subject' && form.legalForm !== 'non-profit') {
    throw new LicensingRuleViolated('subject-type institutions must be non-profit', {
      field: 'legalForm',
      rule: 'subject-type must be non-profit',
      source: DOUBLE_REDUCTION,
    });
  }
  if (form.category === 'subject' && !rules.newSubjectApprovalsAllowed.value) {
    throw new LicensingRuleViolated('no new subject-type institutions are approved in this jurisdiction', {
      field: 'category',
      rule: 'new subject-type approvals not allowed',
      source: rules.newSubjectApprovalsAllowed.source,
    });
  }
  const required = rules.minAreaPerStudent.value * form.venue.maxClassSize;
  if (form.venue.area < required) {
    throw new LicensingRuleViolated(
      `venue of ${form.venue.area} m² is below ${required} m² for ${form.venue.maxClassSize} students`,
      {
        field: 'venue.area',
        rule: `at least ${rules.minAreaPerStudent.value} m² per student in the same session`,
        source: rules.minAreaPerStudent.source,
      },
    );
  }
  if (form.scopes.includes('offline') && !form.venue.fireSafetyAccepted) {
    throw new LicensingRuleViolated('offline training needs fire-safety acceptance', {
      field: 'venue.fireSafetyAccepted',
      rule: 'fire-safety acceptance required',
      source: '消防法 / 国办发〔2018〕80号',
    });
  }
}

/** Staff and courses filed with the application are held to the same rules as later filings. */
function checkStaffAndCourses(form: ApplicationForm, rules: LicensingRules): void {
  form.staff.forEach((s, i) => checkStaffQualification(form.category, s, `staff.${i}`));
  const profile = { ...form, maxClassSize: form.venue.maxClassSize };
  form.courses.forEach((c, i) => checkCourse(profile, c, rules.onlineLessonMaxMinutes, `courses.${i}`));
}

/** decide: submitting a form that passes every licensing rule, from an applicant not barred elsewhere. */
export function submit(
  form: ApplicationForm,
  rules: LicensingRules,
  record: ApplicantRecord,
  self?: string,
): ApplicationEvent[] {
  checkLicensingRules(form, rules);
  checkStaffAndCourses(form, rules);
  assertNameFree(form.institutionName, record.namesInUse, self);
  assertNotBlacklisted(form, record.blacklist, record.today);
  assertNoneInService(form.staff, record.inService);
  return [{ type: 'ApplicationSubmitted', form, competentDepartment: competentDepartment(form.category) }];
}

/** Who decides: an approver's department and jurisdiction, and who they are (职责分离). */
export interface Decider {
  userId?: string;
  department?: string;
  jurisdiction: string;
  /** Set when the account acts for an institution: it never decides that institution's cases. */
  institutionId?: string;
}

const SEPARATION_OF_DUTIES =
  '《中华人民共和国行政许可法》第三十四条、第四十八条（审查与决定分离）；内部控制职责分离';

/** 职责分离: the filer of a case, or an account of the institution it concerns, never decides it. */
export function assertNotOwnCase(
  on: { filedBy: readonly string[]; institutionId: string },
  by: Decider,
): void {
  if (by.userId && on.filedBy.includes(by.userId))
    throw new SeparationOfDutiesViolated('whoever filed this decides nothing on it', {
      field: 'filedBy',
      rule: 'the filer of an application or request never decides it',
      source: SEPARATION_OF_DUTIES,
    });
  if (by.institutionId && by.institutionId === on.institutionId)
    throw new SeparationOfDutiesViolated(
      'an account of the applicant institution decides nothing on its cases',
      {
        field: 'institutionId',
        rule: 'the applicant never decides its own case',
        source: SEPARATION_OF_DUTIES,
      },
    );
}

/**
 * A decision on an issued license (暂停招生, 恢复, 吊销, 延续): the competent department within its
 * jurisdiction, and never an account acting for the licensed institution (职责分离).
 */
export function assertMayDecideOnLicense(
  license: { competentDepartment: string; district: string; institutionId: string },
  by: Decider,
): void {
  assertCompetent(license, by);
  assertNotOwnCase({ filedBy: [], institutionId: license.institutionId }, by);
}

function checkCompetence(state: ApplicationState, by: Decider): void {
  assertCompetent({ competentDepartment: state.competentDepartment, district: state.form.district }, by);
  assertNotOwnCase({ filedBy: state.filedBy ?? [], institutionId: state.institutionId }, by);
}

/** Whether a district lies within a jurisdiction (CN-ZJ-HZ contains CN-ZJ-HZ-XH). */
const within = (district: string, jurisdiction: string) =>
  district === jurisdiction || district.startsWith(`${jurisdiction}-`);

/** Only the department competent for the category, within its jurisdiction, decides on an institution. */
export function assertCompetent(on: { competentDepartment: string; district: string }, by: Decider): void {
  const district = on.district;
  if (by.department !== on.competentDepartment) {
    throw new NotCompetentToDecide(`only the ${on.competentDepartment} department decides here`, {
      field: 'department',
      rule: 'the category decides the competent department',
      source: '中办发〔2021〕40号；教监管〔2022〕1号',
    });
  }
  if (!within(district, by.jurisdiction)) {
    throw new NotCompetentToDecide(`${district} is outside your jurisdiction ${by.jurisdiction}`, {
      field: 'district',
      rule: 'an approver decides within their jurisdiction',
    });
  }
}

/**
 * A staff member on resubmission: filed anew (identity number keyed-hashed at the interface), or
 * kept from the returned application by the masked number the application shows (the hash never
 * leaves the service).
 */
export type ResubmittedStaff = StaffMember | Omit<StaffMember, 'idNumberHash'>;
export type ResubmittedForm = Omit<ApplicationForm, 'staff'> & { staff: ResubmittedStaff[] };

/**
 * Staff kept by their masked number take the hash they were filed with. The mask must name exactly
 * one staff member of the returned application (by name too when two share a mask); otherwise the
 * number itself is needed.
 */
export function restoreKeptStaff(state: ApplicationState, staff: ResubmittedStaff[]): StaffMember[] {
  return staff.map((s, i) => {
    if ('idNumberHash' in s) return s;
    const sameMask = state.form.staff.filter((f) => f.idNumberMasked === s.idNumberMasked);
    const filed = sameMask.length > 1 ? sameMask.filter((f) => f.name === s.name) : sameMask;
    if (filed.length !== 1)
      throw new LicensingRuleViolated(
        'a staff member not on the returned application needs an identity number',
        {
          field: `staff.${i}.idNumber`,
          rule: 'new staff are filed with their identity number; filed staff are kept by the masked number shown',
        },
      );
    return { ...s, idNumberHash: filed[0].idNumberHash };
  });
}

/** decide: the applicant corrects a returned application and submits it again, under the same rules. */
export function resubmit(
  state: ApplicationState,
  form: ResubmittedForm,
  rules: LicensingRules,
  record: ApplicantRecord,
  applicant: string | undefined,
): ApplicationEvent[] {
  if (applicant !== state.institutionId)
    throw new NotCompetentToDecide('only the applicant corrects and resubmits its application', {
      field: 'institutionId',
      rule: 'the applicant resubmits',
    });
  if (state.status !== 'returned') throw new InvalidApplicationState('resubmit', state.status);
  return submit({ ...form, staff: restoreKeptStaff(state, form.staff) }, rules, record, state.institutionId);
}

/** decide: return for correction (补正), naming each item and why. */
export function returnForCorrection(
  state: ApplicationState,
  items: CorrectionItem[],
  by: Decider,
): ApplicationEvent[] {
  if (state.status !== 'submitted') throw new InvalidApplicationState('return', state.status);
  checkCompetence(state, by);
  return [{ type: 'ApplicationReturned', items }];
}

/** decide: ask another department for its opinion by a deadline (working days from the rulebook). */
export function requestOpinion(
  state: ApplicationState,
  department: string,
  dueBy: string,
  by: Decider,
): ApplicationEvent[] {
  if (state.status !== 'submitted') throw new InvalidApplicationState('request an opinion on', state.status);
  checkCompetence(state, by);
  const existing = state.opinions[department];
  if (existing && existing.agrees === undefined) {
    throw new InvalidApplicationState(
      `ask ${department} again while its opinion is pending on`,
      state.status,
    );
  }
  return [{ type: 'OpinionRequested', department, dueBy }];
}

/**
 * decide: the asked department answers; only a department that was asked may, through an officer
 * of that department whose jurisdiction covers the application (the same as may read it).
 */
export function giveOpinion(
  state: ApplicationState,
  opinion: { department: string; agrees: boolean; reasons: string },
  by: Decider,
): ApplicationEvent[] {
  if (by.department !== opinion.department)
    throw new NotCompetentToDecide(`only ${opinion.department} answers for ${opinion.department}`, {
      field: 'department',
      rule: 'a department gives only its own opinion',
    });
  if (!within(state.form.district, by.jurisdiction))
    throw new NotCompetentToDecide(`${state.form.district} is outside your jurisdiction ${by.jurisdiction}`, {
      field: 'district',
      rule: 'an opinion is given within the jurisdiction that reads the application',
    });
  assertNotOwnCase({ filedBy: state.filedBy ?? [], institutionId: state.institutionId }, by);
  if (state.status === 'approved' || state.status === 'rejected')
    throw new InvalidApplicationState('give an opinion on', state.status);
  const asked = state.opinions[opinion.department];
  if (!asked || asked.agrees !== undefined) {
    throw new InvalidApplicationState(`give an opinion of ${opinion.department} on`, 'not awaiting one');
  }
  if (!opinion.agrees && !opinion.reasons.trim()) {
    throw new LicensingRuleViolated('a disagreeing opinion states its reasons', {
      field: 'reasons',
      rule: 'reasons required',
    });
  }
  return [{ type: 'OpinionGiven', ...opinion }];
}

/** decide: materials are added while the application is under review or back for correction. */
export function attachDocument(state: ApplicationState, document: ApplicationDocument): ApplicationEvent[] {
  if (state.status !== 'submitted' && state.status !== 'returned') {
    throw new InvalidApplicationState('attach a document to', state.status);
  }
  if (state.documents.some((d) => d.sha256 === document.sha256 && d.kind === document.kind)) return [];
  return [{ type: 'DocumentAttached', document }];
}

/** decide: the competent department records its site visit; a venue that does not conform says why. */
export function recordSiteVisit(state: ApplicationState, visit: SiteVisit, by: Decider): ApplicationEvent[] {
  if (state.status !== 'submitted') throw new InvalidApplicationState('record a site visit on', state.status);
  checkCompetence(state, by);
  if (!visit.conforms && visit.findings.trim().length < 2) {
    throw new LicensingRuleViolated('a site visit that finds the venue wanting says what it found', {
      field: 'findings',
      rule: 'findings required when the venue does not conform',
    });
  }
  return [{ type: 'SiteVisitRecorded', visit }];
}

/** decide: reject with reasons; the applicant may apply again. */
export function reject(state: ApplicationState, reasons: string, by: Decider): ApplicationEvent[] {
  if (state.status !== 'submitted') throw new InvalidApplicationState('reject', state.status);
  checkCompetence(state, by);
  return [{ type: 'ApplicationRejected', reasons }];
}

/** The decision waits for every opinion or its deadline, and a department's objection blocks approval. */
function checkJointReview(state: ApplicationState, today: string): void {
  for (const [department, o] of Object.entries(state.opinions)) {
    if (o.agrees === false) {
      throw new LicensingRuleViolated(`${department} disagrees: ${o.reasons}`, {
        field: `opinions.${department}`,
        rule: 'approval needs no objection from the departments asked',
      });
    }
    if (o.agrees === undefined && today <= o.dueBy) {
      throw new InvalidApplicationState(
        `approve before ${department} answers or its deadline ${o.dueBy} passes,`,
        'awaiting opinions',
      );
    }
  }
}

/**
 * The materials and checks the rulebook says the category needs before approval: its documents
 * (on site also the venue's), a site visit (实地核查) for training on site, the opinions named.
 */
function checkApprovalRequirements(state: ApplicationState, rules: LicensingRules): void {
  const { value, source } = rules.approvalRequirements;
  const needs = value[state.form.category];
  if (!needs) return;
  const onSite = state.form.scopes.includes('offline');
  const documents = [...needs.documents, ...(onSite ? needs.offline.documents : [])];
  const missing = documents.filter((kind) => !state.documents.some((d) => d.kind === kind));
  if (missing.length)
    throw new LicensingRuleViolated(`approval needs the documents ${missing.join(', ')}`, {
      field: 'documents',
      rule: `an application of this category carries ${documents.join(', ')}`,
      source,
    });
  if (onSite && needs.offline.siteVisit && state.siteVisits.length === 0)
    throw new LicensingRuleViolated('approval of training on site needs a site visit', {
      field: 'siteVisits',
      rule: 'a site visit (实地核查) before approving training on site',
      source,
    });
  for (const department of needs.opinions)
    if (state.opinions[department]?.agrees !== true)
      throw new LicensingRuleViolated(`approval needs the agreeing opinion of ${department}`, {
        field: `opinions.${department}`,
        rule: `the opinion of ${department} is required for this category`,
        source,
      });
}

/** decide: approving issues the license with its number and validity from the rulebook. */
export function approve(
  state: ApplicationState,
  license: { licenseId: string; licenseNumber: string; today: string; newId: () => string },
  rules: LicensingRules,
  by: Decider,
): ApplicationEvent[] {
  if (state.status !== 'submitted') throw new InvalidApplicationState('approve', state.status);
  checkCompetence(state, by);
  checkJointReview(state, license.today);
  const last = state.siteVisits.at(-1);
  if (last && !last.conforms) {
    throw new LicensingRuleViolated(`the last site visit found: ${last.findings}`, {
      field: 'siteVisits',
      rule: 'approval needs the venue to conform at the last site visit',
    });
  }
  checkApprovalRequirements(state, rules);
  return [
    { type: 'ApplicationApproved', licenseId: license.licenseId },
    {
      type: 'LicenseIssued',
      licenseId: license.licenseId,
      licenseNumber: license.licenseNumber,
      validFrom: license.today,
      validUntil: addYears(license.today, rules.licenseValidityYears.value),
    },
    // The staff and courses of the application become the institution's first filings.
    ...state.form.courses.map((course) => ({
      type: 'CourseFiled' as const,
      licenseId: license.licenseId,
      courseId: license.newId(),
      course,
    })),
    ...state.form.staff.map((staff) => ({
      type: 'StaffFiled' as const,
      licenseId: license.licenseId,
      staffId: license.newId(),
      staff,
    })),
  ];
}

/** evolve: the state after an event. */
export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return {
        ...state,
        status: 'submitted',
        form: event.form,
        competentDepartment: event.competentDepartment,
        corrections: [],
      };
    case 'ApplicationReturned':
      return { ...state, status: 'returned', corrections: event.items };
    case 'OpinionRequested':
      return { ...state, opinions: { ...state.opinions, [event.department]: { dueBy: event.dueBy } } };
    case 'OpinionGiven':
      return {
        ...state,
        opinions: {
          ...state.opinions,
          [event.department]: {
            ...state.opinions[event.department],
            agrees: event.agrees,
            reasons: event.reasons,
          },
        },
      };
    case 'ApplicationRejected':
      return { ...state, status: 'rejected' };
    case 'ApplicationApproved':
      return { ...state, status: 'approved' };
    case 'DocumentAttached':
      return { ...state, documents: [...state.documents, event.document] };
    case 'SiteVisitRecorded':
      return { ...state, siteVisits: [...state.siteVisits, event.visit] };
    case 'LicenseIssued':
    case 'CourseFiled':
    case 'StaffFiled':
      return state;
  }
}

/** The day before the same date N years later: a 3-year license from 2026-01-10 runs to 2029-01-09. */
function addYears(isoDate: string, years: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
