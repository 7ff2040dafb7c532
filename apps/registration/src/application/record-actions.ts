import { canRead, coversJurisdiction, hasRole, Principal, Role } from '@otr/auth';
import { LicenseCommand, licenseCommandsOffered, LicenseStatus } from '../domain/license';
import {
  ApplicationCommand,
  applicationCommandsOffered,
  ApplicationState,
  assertCompetent,
  assertMayDecideOnLicense,
  assertNotOwnCase,
} from '../domain/license-application';
import {
  LicenseRequestCommand,
  LicenseRequestState,
  requestCommandsOffered,
} from '../domain/license-request';

/**
 * What a caller may do with a record now (the answers' `actions`): the commands its state offers
 * (the domain's tables), narrowed to those this caller's roles run (the controllers' @Roles) and
 * that separation of duties and jurisdiction leave them. The service still decides on each request.
 */

const allows = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/** An operator acts for its own institution only (assertOwnInstitution in filings.ts). */
const ownInstitution = (p: Principal, institutionId: string) =>
  hasRole(p, 'institution-operator') && p.institutionId === institutionId;

/** A license as the lists show it: what the decisions on it depend on. */
export interface LicenseOnRecord {
  status: LicenseStatus;
  institutionId: string;
  district: string;
  competentDepartment: string;
}

const APPROVER_DECISIONS: readonly LicenseCommand[] = ['suspend', 'reinstate', 'revoke', 'renew'];

/** The approver's decisions for the competent department in its jurisdiction; filings and requests for the operator. */
export function licenseActions(license: LicenseOnRecord, p: Principal): LicenseCommand[] {
  const decides = hasRole(p, 'approver') && allows(() => assertMayDecideOnLicense(license, p));
  const files = ownInstitution(p, license.institutionId);
  return licenseCommandsOffered(license).filter((c) => (APPROVER_DECISIONS.includes(c) ? decides : files));
}

/** A request as the queue shows it, with the license it concerns. */
export interface LicenseRequestOnRecord {
  status: LicenseRequestState['status'];
  filedBy?: string;
  institutionId: string;
  district: string;
  competentDepartment: string;
}

/** The competent department decides, never the filer nor an account of the institution (职责分离). */
export function requestActions(request: LicenseRequestOnRecord, p: Principal): LicenseRequestCommand[] {
  const decides =
    hasRole(p, 'approver') &&
    allows(() => {
      assertCompetent(request, p);
      assertNotOwnCase(
        { filedBy: request.filedBy ? [request.filedBy] : [], institutionId: request.institutionId },
        p,
      );
    });
  return decides ? requestCommandsOffered(request) : [];
}

/** Who runs each command on an application (the controllers' @Roles). */
const APPLICATION_ROLES: Record<ApplicationCommand, readonly Role[]> = {
  approve: ['approver'],
  reject: ['approver'],
  return: ['approver'],
  requestOpinion: ['approver'],
  recordSiteVisit: ['approver'],
  giveOpinion: ['task-force-officer'],
  attachDocument: ['institution-operator', 'approver'],
  resubmit: ['institution-operator'],
};

/**
 * The review is the competent department's within its jurisdiction and never the filer's; an
 * opinion is the asked department's; materials are added by whoever may see the application, and
 * the applicant alone resubmits.
 */
export function applicationActions(application: ApplicationState, p: Principal): ApplicationCommand[] {
  const on = { filedBy: application.filedBy ?? [], institutionId: application.institutionId };
  const reviews = allows(() => {
    assertCompetent(
      { competentDepartment: application.competentDepartment, district: application.form.district },
      p,
    );
    assertNotOwnCase(on, p);
  });
  const asked = p.department ? application.opinions[p.department] : undefined;
  const answers =
    asked !== undefined &&
    asked.agrees === undefined &&
    coversJurisdiction(p, application.form.district) &&
    allows(() => assertNotOwnCase(on, p));
  const sees = canRead(p, 'application', {
    institutionId: application.institutionId,
    district: application.form.district,
  });
  const mayRun: Record<ApplicationCommand, boolean> = {
    approve: reviews,
    reject: reviews,
    return: reviews,
    requestOpinion: reviews,
    recordSiteVisit: reviews,
    giveOpinion: answers,
    attachDocument: sees,
    resubmit: ownInstitution(p, application.institutionId),
  };
  return applicationCommandsOffered(application).filter(
    (c) => hasRole(p, ...APPLICATION_ROLES[c]) && mayRun[c],
  );
}
