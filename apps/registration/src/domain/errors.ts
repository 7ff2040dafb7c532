import { DomainError } from '@otr/kernel';

export class ApplicationNotFound extends DomainError {
  readonly code = 'registration.ApplicationNotFound';
  override readonly kind = 'not-found';
  constructor(id: string) {
    super(`application ${id} not found`);
  }
}

export class InvalidApplicationState extends DomainError {
  readonly code = 'registration.InvalidApplicationState';
  override readonly kind = 'conflict';
  constructor(action: string, status: string) {
    super(`cannot ${action} an application that is ${status}`, {
      field: 'status',
      rule: `not allowed when ${status}`,
    });
  }
}

/** A licensing rule of DOMAIN.md refused the application; the citation names the field, rule and source. */
export class LicensingRuleViolated extends DomainError {
  readonly code = 'registration.LicensingRuleViolated';
}

/** Only the competent department, in the institution's jurisdiction, decides (DOMAIN.md, Licensing). */
export class NotCompetentToDecide extends DomainError {
  readonly code = 'registration.NotCompetentToDecide';
  override readonly kind = 'forbidden';
}

/**
 * 职责分离 (separation of duties): whoever filed an application or request, or acts for the
 * applicant institution, never decides it — another official of the competent department does.
 */
export class SeparationOfDutiesViolated extends DomainError {
  readonly code = 'registration.SeparationOfDutiesViolated';
  override readonly kind = 'forbidden';
}

export class LicenseNotFound extends DomainError {
  readonly code = 'registration.LicenseNotFound';
  override readonly kind = 'not-found';
  constructor(id: string) {
    super(`license ${id} not found`);
  }
}
