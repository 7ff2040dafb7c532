import {
  ALL_TOPICS,
  AnnualReportGraded,
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  ComplaintClosed,
  ComplaintFiled,
  ComplaintMerged,
  ComplaintRated,
  ComplaintReopened,
  contracts,
  CourseFiled,
  OrderRated,
  PenaltyDecided,
  StaffFiled,
  StaffRemoved,
  SupervisedAccountOpened,
  Topics,
} from '@otr/contracts';
import type { ConsumerSpec } from '@otr/runtime';
import { ENTRY_FACT_TYPES } from '../../domain/institution-entry';
import { DirectoryTx } from '../../infrastructure/directory-prisma';
import { recordTimelineEvent } from '../timeline/record-timeline-event';
import { onAnnualReportGraded } from './annual-grade-projection';
import {
  onComplaintClosed,
  onComplaintFiled,
  onComplaintMerged,
  onComplaintRated,
  onComplaintReopened,
} from './complaint-projection';
import { onOrderRated, onSupervisedAccountOpened } from './fees-projection';
import { onCourseFiled, onStaffFiled, onStaffRemoved } from './filing-projection';
import { onRegistrationFact } from './institution-projection';
import { onBlacklistEntryAdded, onBlacklistEntryRemoved, onPenaltyDecided } from './sanction-projection';

/**
 * The directory's consumers: the live service and a rebuild run the same ones. Fee supervision's
 * risk alerts and account numbers, and complaints' contents, have no public projection on purpose
 * (they reach only the officials' timeline).
 */
export const directoryConsumers = (): ConsumerSpec<DirectoryTx>[] => [
  {
    name: 'directory.institutions',
    topics: [Topics.registration],
    handlers: {
      ...Object.fromEntries(ENTRY_FACT_TYPES.map((t) => [t, onRegistrationFact])),
      [CourseFiled.type]: onCourseFiled,
      [StaffFiled.type]: onStaffFiled,
      [StaffRemoved.type]: onStaffRemoved,
    },
  },
  {
    name: 'directory.sanctions',
    topics: [Topics.inspection],
    handlers: {
      [PenaltyDecided.type]: onPenaltyDecided,
      [BlacklistEntryAdded.type]: onBlacklistEntryAdded,
      [BlacklistEntryRemoved.type]: onBlacklistEntryRemoved,
      [AnnualReportGraded.type]: onAnnualReportGraded,
    },
  },
  {
    name: 'directory.fees',
    topics: [Topics.fees],
    handlers: {
      [OrderRated.type]: onOrderRated,
      [SupervisedAccountOpened.type]: onSupervisedAccountOpened,
    },
  },
  {
    name: 'directory.complaints',
    topics: [Topics.complaints],
    handlers: {
      [ComplaintFiled.type]: onComplaintFiled,
      [ComplaintClosed.type]: onComplaintClosed,
      [ComplaintReopened.type]: onComplaintReopened,
      [ComplaintRated.type]: onComplaintRated,
      [ComplaintMerged.type]: onComplaintMerged,
    },
  },
  {
    // The timeline records every known event type, whatever service published it.
    name: 'directory.timeline',
    topics: ALL_TOPICS.filter((t) => t !== Topics.directory),
    handlers: Object.fromEntries(contracts.all().map((d) => [d.type, recordTimelineEvent])),
  },
];

/** Every table of the read model, emptied before a rebuild (the outbox is not part of it). */
export const READ_MODEL_TABLES = [
  'institution',
  'institution_fact',
  'course',
  'staff',
  'penalty',
  'blacklist_entry',
  'annual_grade',
  'rating',
  'fee_supervision',
  'complaint',
  'timeline_event',
  'inbox',
];
