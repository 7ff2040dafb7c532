import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { canRead, Principal } from '@otr/auth';
import { Clock } from '@otr/kernel';
import { ComplaintState, currentDeadline, slaColour } from '../../domain/complaint';
import { NotResponsible } from '../../domain/errors';
import { complainantFor, institutionView } from '../../domain/privacy';
import { actorOf } from '../actor';
import { COMPLAINT_RULES, COMPLAINTS, CLOCK_TOKEN } from '../tokens';
import { ComplaintRepository, ComplaintRulesSource } from '../ports';

/**
 * The officials' view of a complaint (its log, its evidence) is for officials over its district,
 * never for an operator account (linked or not): a photo or a receipt can show who complained.
 */
export function assertOfficialOver(principal: Principal, state: ComplaintState): void {
  if (!canRead(principal, 'complaint-evidence', { district: state.subject.district })) {
    throw new NotResponsible('a complaint outside your jurisdiction', { field: 'id' });
  }
}

/** One complaint as the caller may see it: officials in its jurisdiction, or the institution it is about. */
export class ComplaintDetailsQuery extends Query<object> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ComplaintDetailsQuery)
export class ComplaintDetailsHandler implements IQueryHandler<ComplaintDetailsQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ id, principal }: ComplaintDetailsQuery) {
    const { state } = await this.complaints.load(id);
    const actor = actorOf(principal);
    const subject = state.subject;
    if (actor.kind === 'institution') {
      if (subject.kind === 'licensed' && subject.institutionId === actor.institutionId)
        return institutionView(state);
      throw new NotResponsible('a complaint about another institution', { field: 'id' });
    }
    assertOfficialOver(principal, state);
    const now = this.clock.now();
    const { clock } = this.rules.forDistrict(subject.district, now);
    const { accessCodeHash: _secret, complainant: _identity, ...rest } = state;
    const who = complainantFor(actor, state);
    return {
      ...rest,
      // The reference stays inside: the clear identity has its own audited route.
      complainant:
        who.visibility === 'clear' ? { visibility: 'clear', name: who.name, phone: who.phone } : who,
      deadline: currentDeadline(state) ?? null,
      colour: slaColour(state, now, clock) ?? null,
      outcomes: await this.complaints.outcomesOf(state.id),
    };
  }
}

/**
 * The complainant's clear name and phone, for the handling officer and their supervisor only
 * (mayRevealIdentity); every look is recorded with who, when and the reason given.
 */
export class RevealComplainantQuery extends Query<{ name: string; phone: string }> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly reason: string,
  ) {
    super();
  }
}
