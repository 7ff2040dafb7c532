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

  async execute({ id, principal }: RevealComplainantQuery) {
    const { state } = await this.complaints.load(id);
    const view = complainantFor(actorOf(principal), state);
    if (view.visibility !== 'clear') {
      throw new NotResponsible('only the assigned handlers see who complained', {
        field: 'complainant',
        rule: 'the identity is shown to the handling departments only',
      });
    }
    const sealed = await this.complaints.revealIdentity(state.id, view.identityRef, principal.userId);
    return this.vault.open<{ name: string; phone: string }>(sealed);
  }
}
