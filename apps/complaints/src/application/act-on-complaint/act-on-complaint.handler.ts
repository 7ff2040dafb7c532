import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@otr/kernel';
import {
  answerTransfer,
  attachDuplicate,
  callBack,
  ComplaintEvent,
  ComplaintState,
  decideExtension,
  evolve,
  institutionReply,
  markDuplicate,
  rate,
  recordHandling,
  reply,
  requestExtension,
  requestTransfer,
  sign,
  supervise,
} from '../../domain/complaint';
import { Actor } from '../../domain/vocabulary';
import { Change, ComplaintContext, ComplaintRepository, ComplaintRulesSource } from '../ports';
import { CLOCK_TOKEN, COMPLAINT_RULES, COMPLAINTS } from '../tokens';
import { Act, ActOnComplaintCommand } from './act-on-complaint.command';

/** Load, decide, save with events: every act of the loop after intake goes through here. */
@CommandHandler(ActOnComplaintCommand)
export class ActOnComplaintHandler implements ICommandHandler<ActOnComplaintCommand> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ complaintId, act, by, origin, at: given }: ActOnComplaintCommand) {
    const at = given ?? this.clock.now();
    const { state, version } = await this.complaints.load(complaintId);
    const ctx = this.rules.forDistrict(state.subject.district, at);
    const changes: Change[] = [];
    if (act.type === 'merge') {
      const target = await this.complaints.load(act.into);
      const merged = markDuplicate(state, { into: target.state, at, by });
      changes.push({
        before: target.state,
        version: target.version,
        events: attachDuplicate(target.state, { duplicateId: state.id, at, by }),
      });
      changes.unshift({ before: state, version, events: merged });
    } else {
      changes.push({ before: state, version, events: decide(state, act, at, by, ctx) });
    }
    await this.complaints.save(changes, origin);
    return { id: state.id, status: changes[0].events.reduce(evolve, state).status };
  }
}

function decide(
  s: ComplaintState,
  act: Exclude<Act, { type: 'merge' }>,
  at: Date,
  by: Actor,
  ctx: ComplaintContext,
): ComplaintEvent[] {
  switch (act.type) {
    case 'sign':
      return sign(s, { at, by });
    case 'note':
      return recordHandling(s, { note: act.note, at, by });
    case 'transfer':
      return requestTransfer(s, { to: act.to, reason: act.reason, at, by });
    case 'accept-transfer':
      return answerTransfer(s, { accept: true, at, by });
    case 'refuse-transfer':
      return answerTransfer(s, { accept: false, reason: act.reason, at, by });
    case 'reply':
      return reply(s, { reply: act.reply, at, by });
    case 'approve':
      return supervise(s, { approve: true, at, by });
    case 'send-back':
      return supervise(s, { approve: false, reason: act.reason, at, by });
    case 'call-back':
      return callBack(s, { reached: act.reached, note: act.note, at, by });
    case 'rate':
      return rate(s, { satisfied: act.satisfied, comment: act.comment, at, by }, ctx.clock);
    case 'request-extension':
      return requestExtension(s, { workingDays: act.workingDays, reason: act.reason, at, by });
    case 'grant-extension':
      return decideExtension(s, { grantWorkingDays: act.workingDays, at, by }, ctx.clock);
    case 'refuse-extension':
      return decideExtension(s, { refuse: act.reason, at, by }, ctx.clock);
    case 'institution-reply':
      return institutionReply(s, { reply: act.reply, at, by });
  }
}
