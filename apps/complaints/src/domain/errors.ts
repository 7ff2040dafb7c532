import { DomainError, DomainErrorKind, RuleCitation } from '@otr/kernel';

/** The base of each complaint refusal: its stable code, and its kind, which decides the HTTP status. */
const refusal = (name: string, kind: DomainErrorKind = 'invalid') =>
  class extends DomainError {
    readonly code = `complaints.${name}`;
    override readonly kind = kind;
  };

/** An act the complaint's current step does not allow (e.g. replying before signing). */
export class InvalidComplaintState extends refusal('InvalidComplaintState', 'conflict') {
  constructor(action: string, status: string, citation: RuleCitation = {}) {
    super(`cannot ${action} a complaint that is ${status}`, {
      field: 'status',
      rule: `not allowed when ${status}`,
      ...citation,
    });
  }
}

/** The actor is not the one the closed loop puts in charge of this step. */
export class NotResponsible extends refusal('NotResponsible', 'forbidden') {}

/** Input the complaint rules refuse: a missing reason, a non-positive extension, a bad subject. */
export class ComplaintRuleViolated extends refusal('ComplaintRuleViolated') {}

/** A transfer (转办) that breaks the no-passing-the-buck rules: one at a time, to someone else. */
export class InvalidTransfer extends refusal('InvalidTransfer', 'conflict') {}

/** An extension (延期) asked for or decided in a state that does not allow it. */
export class InvalidExtension extends refusal('InvalidExtension', 'conflict') {}

/** No routing entry matches the category anywhere up the jurisdiction chain. */
export class NoRouteFound extends refusal('NoRouteFound', 'not-found') {}

export class ComplaintNotFound extends refusal('ComplaintNotFound', 'not-found') {
  constructor(id: string) {
    super(`no complaint ${id}`, { field: 'id' });
  }
}

/** A wrong tracking number or access code: one answer for both, so neither can be probed. */
export class TrackingAccessDenied extends refusal('TrackingAccessDenied', 'forbidden') {
  constructor() {
    super('tracking number or access code not valid', {
      field: 'x-access-code',
      rule: 'the access code given on filing is required to follow a complaint',
    });
  }
}

/** The licenseId names no institution in the register (or one no longer operating). */
export class UnknownInstitution extends refusal('UnknownInstitution') {
  constructor(by: { licenseId: string } | { institutionId: string }) {
    const [field, value] = Object.entries(by)[0];
    super(`no licensed institution with ${field} ${value}`, {
      field: `subject.${field}`,
      rule: 'a licensed subject is one the register knows; describe an unlicensed operator otherwise',
    });
  }
}

/** The same Idempotency-Key sent again with a different complaint. */
export class IdempotencyKeyReused extends refusal('IdempotencyKeyReused', 'conflict') {
  constructor() {
    super('this Idempotency-Key was used for a different complaint', {
      field: 'Idempotency-Key',
      rule: 'one key, one submission',
    });
  }
}
