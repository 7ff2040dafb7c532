import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { addMonths, BlacklistEntryState, listOnBlacklist, removeFromBlacklist } from '../domain/blacklist';
import { InvalidState } from '../domain/errors';
import { FineBasis, fineRange, illegalIncome } from '../domain/fine';
import { assertJurisdiction, Subject } from '../domain/official';
import {
  assertMayDecide,
  decidePenalty,
  PENALTY_TYPES,
  PenaltyState,
  PenaltyType,
  proposePenalty,
  rejectPenalty,
} from '../domain/penalty';
import { InspectionRulesSource, InspectionStore, RULES, STORE } from './ports';
import { applyEvents, Ctx, decideOn, licensedSubject, violationsOfOneSubject } from './support';
import { CLOCK_TOKEN } from './tokens';

export interface PenaltyProposal {
  violationIds: string[];
  type: PenaltyType;
  reasons: string;
  /** The article on the facts (e.g. 第十七条), added to the type's own article. */
  factsArticle?: string;
  fineFen?: number;
  fineBasis?: FineBasis;
  /** Illegal income the inspector established; the fee ledger's figure wins when it has one. */
  declaredIllegalIncomeFen?: number;
}

/** An inspector proposes a penalty on logged violations. */
export class ProposePenaltyCommand extends Command<PenaltyState> {
  constructor(
    readonly proposal: PenaltyProposal,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** Another official decides (or rejects) it: the two-person rule. */
export class DecidePenaltyCommand extends Command<PenaltyState> {
  constructor(
    readonly penaltyId: string,
    readonly decision: { decide: true } | { decide: false; reason: string },
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export type BlacklistRequest = {
  reason: string;
  /** Defaults to listing day + the rulebook's 'blacklist.defaultRemovalMonths'. */
  removableOn?: string;
  creditCode?: string;
  legalRepresentative?: string;
  trainingBan: boolean;
} & ({ penaltyId: string } | { institutionId: string; decisionNumber: string });

export class AddToBlacklistCommand extends Command<BlacklistEntryState> {
  constructor(
    readonly request: BlacklistRequest,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** Credit repair (信用修复): off the list from the removal date. */
export class RemoveFromBlacklistCommand extends Command<BlacklistEntryState> {
  constructor(
    readonly entryId: string,
    readonly reason: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

@CommandHandler(ProposePenaltyCommand)
export class ProposePenaltyHandler implements ICommandHandler<ProposePenaltyCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ proposal: p, ctx }: ProposePenaltyCommand) {
    const [{ subject }] = await violationsOfOneSubject(this.store, p.violationIds, ctx.by, 'penalty');
    const now = this.clock.now();
    const ledger = subject.licenseId ? await this.store.ledger(subject.licenseId) : undefined;
    const income = illegalIncome(ledger, p.declaredIllegalIncomeFen);
    const range = p.fineBasis
      ? fineRange(p.fineBasis, income?.fen, this.rules.forDistrict(subject.district, now).fines)
      : undefined;
    const state: PenaltyState = {
      id: newId(),
      subject,
      violationIds: p.violationIds,
      type: p.type,
      legalBasis: [PENALTY_TYPES[p.type].article, p.factsArticle ?? range?.source].filter(Boolean).join('；'),
      reasons: p.reasons,
      ...(p.fineFen !== undefined ? { fineFen: p.fineFen } : {}),
      ...(p.fineBasis ? { fineBasis: p.fineBasis } : {}),
      ...(income ? { illegalIncome: income } : {}),
      proposedBy: { userId: ctx.by.userId, ...(ctx.by.department ? { department: ctx.by.department } : {}) },
      proposedOn: chinaDate(now),
      status: 'proposed',
      version: 0,
    };
    const { change, next } = applyEvents('penalty', state, proposePenalty(state, range));
    await this.store.commit([change], ctx.origin);
    return next;
  }
}

@CommandHandler(DecidePenaltyCommand)
export class DecidePenaltyHandler implements ICommandHandler<DecidePenaltyCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ penaltyId, decision, ctx }: DecidePenaltyCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(this.store, 'penalty', penaltyId, ctx, async (s) => {
      // Checked before a number is taken, so a refused decision leaves no gap in the numbering.
      assertMayDecide(s, ctx.by);
      if (!decision.decide) return rejectPenalty(s, ctx.by, decision.reason, today);
      const year = Number(today.slice(0, 4));
      const number = await this.store.nextDecisionNumber('penalty', s.subject.district, year);
      return decidePenalty(s, ctx.by, number, today);
    });
  }
}

@CommandHandler(AddToBlacklistCommand)
export class AddToBlacklistHandler implements ICommandHandler<AddToBlacklistCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ request: r, ctx }: AddToBlacklistCommand) {
    const { subject, decisionNumber, source } = await this.basis(r);
    assertJurisdiction(ctx.by, subject.district);
    const now = this.clock.now();
    const today = chinaDate(now);
    const removal = this.rules.forDistrict(subject.district, now).blacklistRemovalMonths;
    const entry: BlacklistEntryState = {
      id: newId(),
      subject,
      ...(r.creditCode ? { creditCode: r.creditCode } : {}),
      ...(r.legalRepresentative ? { legalRepresentative: r.legalRepresentative } : {}),
      reason: r.reason,
      source,
      decisionNumber,
      listedOn: today,
      removableOn: r.removableOn ?? addMonths(today, removal.months),
      trainingBan: r.trainingBan,
      status: 'listed',
      version: 0,
    };
    const { change, next } = applyEvents('blacklist', entry, listOnBlacklist(entry, removal.source));
    await this.store.commit([change], ctx.origin);
    return next;
  }

  private async basis(r: BlacklistRequest): Promise<{
    subject: Subject;
    decisionNumber: string;
    source: BlacklistEntryState['source'];
  }> {
    if ('penaltyId' in r) {
      const penalty = await this.store.load('penalty', r.penaltyId);
      if (penalty.status !== 'decided' || !penalty.decision)
        throw new InvalidState('black-list on a penalty', penalty.status, {
          rule: 'an entry rests on a decided penalty',
        });
      return {
        subject: penalty.subject,
        decisionNumber: penalty.decision.number,
        source: { kind: 'penalty', penaltyId: penalty.id },
      };
    }
    return {
      subject: await licensedSubject(this.store, r.institutionId),
      decisionNumber: r.decisionNumber,
      source: { kind: 'decision' },
    };
  }
}

@CommandHandler(RemoveFromBlacklistCommand)
export class RemoveFromBlacklistHandler implements ICommandHandler<RemoveFromBlacklistCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ entryId, reason, ctx }: RemoveFromBlacklistCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(this.store, 'blacklist', entryId, ctx, (s) =>
      removeFromBlacklist(s, ctx.by, reason, today),
    );
  }
}

export const penaltyHandlers = [
  ProposePenaltyHandler,
  DecidePenaltyHandler,
  AddToBlacklistHandler,
  RemoveFromBlacklistHandler,
];
