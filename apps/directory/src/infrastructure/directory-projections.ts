import type { ConsumerSpec } from '@otr/runtime';
import { DirectoryProjections } from '../application/ports';
import { directoryConsumers as consumersOf } from '../application/projections/directory-consumers';
import { DirectoryTx } from './directory-prisma';
import { onAnnualReportGraded } from './projections/annual-grade-projection';
import {
  onComplaintClosed,
  onComplaintFiled,
  onComplaintMerged,
  onComplaintRated,
  onComplaintReopened,
} from './projections/complaint-projection';
import {
  onOrderRated,
  onReserveStandingChanged,
  onSupervisedAccountOpened,
} from './projections/fees-projection';
import { onCourseFiled, onStaffFiled, onStaffRemoved } from './projections/filing-projection';
import { onRegistrationFact } from './projections/institution-projection';
import {
  onBlacklistEntryAdded,
  onBlacklistEntryRemoved,
  onPenaltyDecided,
} from './projections/sanction-projection';
import { recordTimelineEvent } from './projections/timeline-projection';

/** The read model's projections, in SQL on the consumer's Prisma transaction. */
export const sqlDirectoryProjections: DirectoryProjections<DirectoryTx> = {
  registrationFact: onRegistrationFact,
  courseFiled: onCourseFiled,
  staffFiled: onStaffFiled,
  staffRemoved: onStaffRemoved,
  penaltyDecided: onPenaltyDecided,
  blacklistEntryAdded: onBlacklistEntryAdded,
  blacklistEntryRemoved: onBlacklistEntryRemoved,
  annualReportGraded: onAnnualReportGraded,
  orderRated: onOrderRated,
  supervisedAccountOpened: onSupervisedAccountOpened,
  reserveStandingChanged: onReserveStandingChanged,
  complaintFiled: onComplaintFiled,
  complaintClosed: onComplaintClosed,
  complaintReopened: onComplaintReopened,
  complaintRated: onComplaintRated,
  complaintMerged: onComplaintMerged,
  timelineEvent: recordTimelineEvent,
};

/** The directory's consumers writing through these projections: the live service and a rebuild run the same. */
export const directoryConsumers = (): ConsumerSpec<DirectoryTx>[] => consumersOf(sqlDirectoryProjections);

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
