import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';
import { Fen, IsoDate } from './common';

const topic = Topics.inspection;

/**
 * What a decided penalty does to the license, if anything: stop enrolling (责令停止招生),
 * suspend (暂停办学) or revoke (吊销办学许可证). Registration acts on it; fee supervision freezes.
 */
export const LicenseAction = z.enum(['none', 'stop-enrolling', 'suspend', 'revoke']);

/** A penalty decided under 教育部令第53号, by someone other than its proposer. */
export const PenaltyDecided = defineEvent({
  type: 'inspection.PenaltyDecided',
  version: 1,
  topic,
  payload: z.object({
    penaltyId: z.string(),
    decisionNumber: z.string().min(1),
    /** The license it concerns; absent for an unlicensed operator. */
    licenseId: z.string().optional(),
    subjectName: z.string().min(1),
    penaltyType: z.enum([
      'warning',
      'fine',
      'confiscate-illegal-income',
      'stop-enrolling',
      'suspend',
      'revoke-license',
      'ban',
    ]),
    /** The article it rests on, e.g. '教育部令第53号 第十九条'. */
    legalBasis: z.string().min(1),
    fineFen: Fen.optional(),
    licenseAction: LicenseAction,
    reasons: z.string().min(1),
    decidedOn: IsoDate,
  }),
});

/** Entry on the black list (黑名单), published with its decision and a removal date for credit repair. */
export const BlacklistEntryAdded = defineEvent({
  type: 'inspection.BlacklistEntryAdded',
  version: 1,
  topic,
  payload: z.object({
    entryId: z.string(),
    subjectName: z.string().min(1),
    licenseId: z.string().optional(),
    /** Unified social credit code or the legal representative's name, whichever the entry is about. */
    creditCode: z.string().optional(),
    legalRepresentative: z.string().optional(),
    reason: z.string().min(1),
    decisionNumber: z.string().min(1),
    listedOn: IsoDate,
    removableOn: IsoDate,
  }),
});

export const BlacklistEntryRemoved = defineEvent({
  type: 'inspection.BlacklistEntryRemoved',
  version: 1,
  topic,
  payload: z.object({ entryId: z.string(), reason: z.string().min(1), removedOn: IsoDate }),
});

/** inspection integration events; add each new one here. */
export const inspectionEvents: EventDefinition[] = [
  PenaltyDecided,
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
];
