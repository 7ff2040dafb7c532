import { DomainError, RuleCitation } from '@otr/kernel';

/** An act the complaint's current step does not allow (e.g. replying before signing). */
export class InvalidComplaintState extends DomainError {
  readonly code = 'complaints.InvalidComplaintState';
  override readonly kind = 'conflict';
  constructor(action: string, status: string, citation: RuleCitation = {}) {
    super(`cannot ${action} a complaint that is ${status}`, {
      field: 'status',
      rule: `not allowed when ${status}`,
      ...citation,
    });
  }
}

/** The actor is not the one the closed loop puts in charge of this step. */
export class NotResponsible extends DomainError {
  readonly code = 'complaints.NotResponsible';
  override readonly kind = 'forbidden';
}

/** Input the complaint rules refuse: a missing reason, a non-positive extension, a bad subject. */
export class ComplaintRuleViolated extends DomainError {
  readonly code = 'complaints.ComplaintRuleViolated';
}

/** A transfer (转办) that breaks the no-passing-the-buck rules: one at a time, to someone else. */
export class InvalidTransfer extends DomainError {
  readonly code = 'complaints.InvalidTransfer';
  override readonly kind = 'conflict';
}

/** An extension (延期) asked for or decided in a state that does not allow it. */
export class InvalidExtension extends DomainError {
  readonly code = 'complaints.InvalidExtension';
  override readonly kind = 'conflict';
}

/** No routing entry matches the category anywhere up the jurisdiction chain. */
export class NoRouteFound extends DomainError {
  readonly code = 'complaints.NoRouteFound';
  override readonly kind = 'not-found';
}

export class ComplaintNotFound extends DomainError {
  readonly code = 'complaints.ComplaintNotFound';
  override readonly kind = 'not-found';
  constructor(id: string) {
    super(`no complaint ${id}`, { field: 'id' });
  }
}

/** A wrong tracking number or access code: one answer for both, so neither can be probed. */
export class TrackingAccessDenied extends DomainError {
  readonly code = 'complaints.TrackingAccessDenied';
  override readonly kind = 'forbidden';
  constructor() {
    super('tracking number or access code not valid', {
      field: 'x-access-code',
      rule: 'the access code given on filing is required to follow a complaint',
    });
  }
}

/** The licenseId names no institution in the register (or one no longer operating). */
export class UnknownInstitution extends DomainError {
  readonly code = 'complaints.UnknownInstitution';
  constructor(by: { licenseId: string } | { institutionId: string }) {
    const [field, value] = Object.entries(by)[0];
    super(`no licensed institution with ${field} ${value}`, {
      field: `subject.${field}`,
      rule: 'a licensed subject is one the register knows; describe an unlicensed operator otherwise',
    });
  }
}

/** The same Idempotency-Key sent again with a different complaint. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'complaints.IdempotencyKeyReused';
  override readonly kind = 'conflict';
  constructor() {
    super('this Idempotency-Key was used for a different complaint', {
      field: 'Idempotency-Key',
      rule: 'one key, one submission',
    });
  }
}
