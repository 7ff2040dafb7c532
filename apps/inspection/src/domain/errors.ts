import { DomainError, RuleCitation } from '@otr/kernel';

export class NotFound extends DomainError {
  readonly code = 'inspection.NotFound';
  override readonly kind = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
  }
}

/** The record is not in a state that allows the action (or someone changed it first). */
export class InvalidState extends DomainError {
  readonly code = 'inspection.InvalidState';
  override readonly kind = 'conflict';
  constructor(action: string, status: string, citation: RuleCitation = {}) {
    super(`cannot ${action} when ${status}`, {
      field: 'status',
      rule: `not allowed when ${status}`,
      ...citation,
    });
  }
}

/** A rule of DOMAIN.md refused the input; the citation names the field, the rule and its source. */
export class InspectionRuleViolated extends DomainError {
  readonly code = 'inspection.RuleViolated';
}

/** The caller may not act on this record: outside their jurisdiction, department or assignment. */
export class NotAllowed extends DomainError {
  readonly code = 'inspection.NotAllowed';
  override readonly kind = 'forbidden';
}

/** 两人原则: whoever proposed a penalty cannot decide it. */
export class TwoPersonRuleViolated extends DomainError {
  readonly code = 'inspection.TwoPersonRule';
  override readonly kind = 'forbidden';
  constructor() {
    super('the official who proposed a penalty cannot decide it', {
      field: 'decidedBy',
      rule: 'the proposer cannot decide (two-person rule)',
      source: '《中华人民共和国行政处罚法》（2021年修订）第五十七条、第五十八条：调查与决定分离，法制审核',
    });
  }
}
