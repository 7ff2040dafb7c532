import {
  ComplaintAnswered,
  ComplaintClosed,
  ComplaintEscalated,
  ComplaintExtended,
  ComplaintFiled,
  ComplaintMerged,
  ComplaintRated,
  ComplaintReopened,
  ComplaintRouted,
  ComplaintSigned,
  ComplaintTransferred,
  createEvent,
  Envelope,
  EventOrigin,
  SlaBreached,
  UnlicensedOperatorReported,
} from '@otr/contracts';
import { ComplaintEvent, ComplaintState, evolve } from '../domain/complaint';
import { HandlingUnit } from '../domain/vocabulary';

/** The partition key: the institution, or the complaint itself for an unlicensed operator. */
export const institutionKey = (s: ComplaintState): string =>
  s.subject.kind === 'licensed' ? s.subject.institutionId : `unlicensed:${s.id}`;

const unit = (u: HandlingUnit) => ({ department: u.department, ...(u.role ? { role: u.role } : {}) });

/**
 * Translates domain events into the published language of libs/contracts. Nothing the
 * complainant wrote or is known by crosses this line: only ids, categories, dates and departments.
 */
export function toIntegrationEvents(
  before: ComplaintState,
  events: ComplaintEvent[],
  origin: EventOrigin,
): Envelope[] {
  const out: Envelope[] = [];
  let s = before;
  for (const e of events) {
    const prev = s;
    s = evolve(s, e);
    const base = {
      aggregateId: s.id,
      institutionId: institutionKey(s),
      occurredAt: new Date(e.at),
      ...origin,
    };
    const ref = { complaintId: s.id, trackingNumber: s.trackingNumber };
    const lead = s.responsibility?.lead;
    switch (e.type) {
      case 'ComplaintAccepted': {
        const subject = s.subject;
        out.push(
          createEvent(ComplaintFiled, {
            ...base,
            payload: {
              ...ref,
              kind: s.kind,
              category: s.category,
              channel: s.channel,
              subject: {
                kind: subject.kind,
                ...(subject.kind === 'licensed' ? { licenseId: subject.licenseId } : {}),
                name: subject.name,
                district: subject.district,
              },
              anonymous: s.complainant.anonymous,
              answerBy: e.answerBy,
            },
          }),
        );
        if (subject.kind === 'unlicensed')
          out.push(
            createEvent(UnlicensedOperatorReported, {
              ...base,
              payload: {
                ...ref,
                operatorName: subject.name,
                address: subject.address,
                activity: subject.activity,
                district: subject.district,
              },
            }),
          );
        break;
      }
      case 'ComplaintRouted':
        out.push(
          createEvent(ComplaintRouted, {
            ...base,
            payload: {
              ...ref,
              district: e.responsibility.district,
              lead: unit(e.responsibility.lead),
              coHandlers: e.responsibility.coHandlers.map(unit),
              signBy: e.signBy,
            },
          }),
        );
        break;
      case 'WorkOrderSigned':
        out.push(
          createEvent(ComplaintSigned, { ...base, payload: { ...ref, department: lead!.department } }),
        );
        break;
      case 'TransferAccepted':
        out.push(
          createEvent(ComplaintTransferred, {
            ...base,
            payload: { ...ref, from: unit(prev.responsibility!.lead), to: unit(e.to) },
          }),
        );
        break;
      case 'ReplyGiven':
        out.push(
          createEvent(ComplaintAnswered, {
            ...base,
            payload: { ...ref, department: lead!.department, round: s.round },
          }),
        );
        break;
      case 'ReplyApproved':
        out.push(createEvent(ComplaintClosed, { ...base, payload: { ...ref, round: s.round } }));
        break;
      case 'ComplaintRated':
        out.push(
          createEvent(ComplaintRated, {
            ...base,
            payload: { ...ref, satisfied: e.satisfied, round: prev.round },
          }),
        );
        break;
      case 'ComplaintReopened':
        out.push(
          createEvent(ComplaintReopened, {
            ...base,
            payload: { ...ref, signBy: e.signBy, answerBy: e.answerBy },
          }),
        );
        break;
      case 'ExtensionGranted':
        out.push(
          createEvent(ComplaintExtended, {
            ...base,
            payload: { ...ref, workingDays: e.grantedWorkingDays, answerBy: e.answerBy },
          }),
        );
        break;
      case 'DeadlineMissed':
        out.push(
          createEvent(SlaBreached, {
            ...base,
            payload: {
              ...ref,
              stage: e.missed,
              deadline: e.deadline,
              district: s.subject.district,
              ...(lead ? { lead: unit(lead) } : {}),
            },
          }),
        );
        break;
      case 'ComplaintEscalated':
        out.push(
          createEvent(ComplaintEscalated, {
            ...base,
            payload: { ...ref, to: e.to, stage: e.missed, deadline: e.deadline },
          }),
        );
        break;
      case 'MergedAsDuplicate':
        out.push(createEvent(ComplaintMerged, { ...base, payload: { ...ref, into: e.into } }));
        break;
    }
  }
  return out;
}
