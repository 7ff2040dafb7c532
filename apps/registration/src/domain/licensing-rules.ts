/** The rulebook values licensing needs, resolved for the application's district and date. */
export interface LicensingRules {
  minAreaPerStudent: { value: number; source: string };
  newSubjectApprovalsAllowed: { value: boolean; source: string };
  licenseValidityYears: { value: number; source: string };
  onlineLessonMaxMinutes: { value: number; source: string };
  /** What an application of each category must carry before approval (licensing.approvalRequirements). */
  approvalRequirements: { value: Partial<Record<string, ApprovalRequirement>>; source: string };
}

/** The documents, site visit and opinions one category needs before approval. */
export interface ApprovalRequirement {
  documents: string[];
  offline: { documents: string[]; siteVisit: boolean };
  opinions: string[];
}

/** The department competent for a category (DOMAIN.md, Licensing): education acts where none is assigned. */
export const competentDepartment = (category: string): string =>
  ({ subject: 'education', sports: 'sports', arts: 'culture-tourism', 'science-tech': 'science' })[
    category
  ] ?? 'education';
