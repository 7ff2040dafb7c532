export { registrationService } from './registration.module';
export { ApplicationForm } from './domain/application-form';
export { SubmitApplicationCommand } from './application/submit-application/submit-application.command';
export { ApproveApplicationCommand } from './application/approve-application/approve-application.command';
export { CountApplicationsQuery } from './application/count-applications/count-applications.query';
export { competentDepartment } from './domain/licensing-rules';
export * from './application/review/review.commands';
export { toStaffMember, StaffFiling, CourseFiling } from './domain/filings';
export { idNumberPepper } from './application/id-number-pepper';
export { FileCourseCommand, FileStaffCommand, RemoveStaffCommand } from './application/filings/filings';
export {
  FileLicenseRequestCommand,
  DecideLicenseRequestCommand,
} from './application/license-requests/license-requests';
export { ImportRosterCommand } from './application/roster/import-roster';
export { AttachDocumentCommand, RecordSiteVisitCommand } from './application/materials/materials';
