import { DomainError, DomainErrorKind } from '@otr/kernel';

/** A prepaid-fee rule (DOMAIN.md, Prepaid fees) refused the act; the citation names field, rule and source. */
export abstract class FeeRuleViolated extends DomainError {}

/** The base of each fee refusal: its stable code, and its kind, which decides the HTTP status. */
const violation = (name: string, kind: DomainErrorKind = 'invalid') =>
  class extends FeeRuleViolated {
    readonly code = `fees.${name}`;
    override readonly kind = kind;
  };

/** More hours, months or yuan in one charge than the caps allow (收费上限). */
export class ChargeCapExceeded extends violation('ChargeCapExceeded') {}

/** Charged more than a month before the course starts, and not a renewal with few hours left. */
export class ChargeTooEarly extends violation('ChargeTooEarly') {}

/** Subject-type price above the government-guided price plus the allowed markup (政府指导价). */
export class PriceAboveGuidedPrice extends violation('PriceAboveGuidedPrice') {}

/** A subject-type charge where no government-guided price is in force: it cannot be priced, so it is refused. */
export class GuidedPriceNotSet extends violation('GuidedPriceNotSet') {}

/** Money not paid into the institution's supervised account, or financed by a training loan (培训贷). */
export class PaymentChannelRefused extends violation('PaymentChannelRefused') {}

/** A ledger transaction whose postings do not add up, or that breaks the ledger's shape. */
export class UnbalancedTransaction extends violation('UnbalancedTransaction') {}

/** Releasing or refunding more than the order still holds in escrow. */
export class InsufficientEscrow extends violation('InsufficientEscrow', 'conflict') {}

/** A lesson released before the family confirmed it (or the deemed-confirmation period ran out). */
export class LessonNotConfirmed extends violation('LessonNotConfirmed', 'conflict') {}

/** A refund acted on in a state that does not allow it. */
export class InvalidRefundState extends violation('InvalidRefundState', 'conflict') {}

/** The ledger breaks its own invariants: nothing may be computed from it until it is reconciled. */
export class LedgerInconsistent extends violation('LedgerInconsistent', 'conflict') {}

/** New orders refused: the license is suspended, revoked or closed, enrolment stopped, or black-listed (冻结). */
export class OrdersFrozen extends violation('OrdersFrozen') {}

/** Money may not move the ordinary way once the closure playbook runs: the families are refunded instead. */
export class ClosureInProgress extends violation('ClosureInProgress', 'conflict') {}

/** A lesson or an answer that does not fit the order (more hours than are left, a second answer). */
export class InvalidLesson extends violation('InvalidLesson') {}

/** A rating out of range, or of an order the family has not paid for. */
export class InvalidRating extends violation('InvalidRating') {}

export class FeeRecordNotFound extends DomainError {
  readonly code = 'fees.NotFound';
  override readonly kind = 'not-found';

  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
  }
}

/** The caller may not act on this record: another family's order, another institution's lesson. */
export class NotYours extends DomainError {
  readonly code = 'fees.NotYours';
  override readonly kind = 'forbidden';

  constructor(what: string) {
    super(`${what} belongs to someone else`);
  }
}

/** A money timestamp outside what the bank can have meant: in the future, or before the order or account existed. */
export class InvalidMoneyTime extends violation('InvalidMoneyTime') {}

/** A lesson dated where it cannot have been taught on the order: before it, outside its period, in the future. */
export class LessonDateRefused extends violation('LessonDateRefused') {}

/** No fee rule is in force for that district on that day (before the rulebook's first entry). */
export class FeeRulesNotInForce extends violation('FeeRulesNotInForce') {}

/** A suspense item (待查明款项) already returned or matched, or matched to an order that cannot take it. */
export class SuspenseNotOpen extends violation('SuspenseNotOpen', 'conflict') {}
