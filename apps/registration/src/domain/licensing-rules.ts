/** The rulebook values licensing needs, resolved for the application's district and date. */
export interface LicensingRules {
  minAreaPerStudent: { value: number; source: string };
  newSubjectApprovalsAllowed: { value: boolean; source: string };
  licenseValidityYears: { value: number; source: string };
  onlineLessonMaxMinutes: { value: number; source: string };
}

/** The department competent for a category (DOMAIN.md, Licensing): education acts where none is assigned. */
export const competentDepartment = (category: string): string =>
  ({ subject: 'education', sports: 'sports', arts: 'culture-tourism', 'science-tech': 'science' })[
    category
  ] ?? 'education';
