import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotResponsible } from '../../domain/errors';
import { complainantFor } from '../../domain/privacy';
import { actorOf } from '../actor';
import { ComplaintRepository, IdentitySealer } from '../ports';
import { COMPLAINTS, VAULT } from '../tokens';
import { RevealComplainantQuery } from './complaint-details';

@QueryHandler(RevealComplainantQuery)
export class RevealComplainantHandler implements IQueryHandler<RevealComplainantQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(VAULT) private readonly vault: IdentitySealer,
  ) {}

  async execute({ id, principal, reason }: RevealComplainantQuery) {
    const { state } = await this.complaints.load(id);
    const view = complainantFor(actorOf(principal), state);
    if (view.visibility !== 'clear') {
      throw new NotResponsible('only the handling officer and their supervisor see who complained', {
        field: 'complainant',
        rule: 'the identity is revealed to the officer who signed the work order and the lead department’s approver in its district',
        source: '个人信息保护法 第6条；国办发〔2020〕53号',
      });
    }
    const sealed = await this.complaints.revealIdentity(state.id, view.identityRef, principal.userId, reason);
    return this.vault.open<{ name: string; phone: string }>(sealed);
  }
}
