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
  ReserveStandingChanged,
  StaffFiled,
  StaffRemoved,
  SupervisedAccountOpened,
  Topics,
} from '@otr/contracts';
import type { SqlClient } from '@otr/messaging';
import type { ConsumerSpec } from '@otr/runtime';
import { ENTRY_FACT_TYPES } from '../../domain/institution-entry';
import { DirectoryProjections } from '../ports';

/**
 * The directory's consumers: the live service and a rebuild run the same ones. Fee supervision's
 * risk alerts and account numbers, and complaints' contents, have no public projection on purpose
 * (they reach only the officials' timeline).
 */
export const directoryConsumers = <Tx extends SqlClient>(p: DirectoryProjections<Tx>): ConsumerSpec<Tx>[] => [
  {
    name: 'directory.institutions',
    topics: [Topics.registration],
    handlers: {
      ...Object.fromEntries(ENTRY_FACT_TYPES.map((t) => [t, p.registrationFact])),
      [CourseFiled.type]: p.courseFiled,
      [StaffFiled.type]: p.staffFiled,
      [StaffRemoved.type]: p.staffRemoved,
    },
  },
  {
    name: 'directory.sanctions',
    topics: [Topics.inspection],
    handlers: {
      [PenaltyDecided.type]: p.penaltyDecided,
      [BlacklistEntryAdded.type]: p.blacklistEntryAdded,
      [BlacklistEntryRemoved.type]: p.blacklistEntryRemoved,
      [AnnualReportGraded.type]: p.annualReportGraded,
    },
  },
  {
    name: 'directory.fees',
    topics: [Topics.fees],
    handlers: {
      [OrderRated.type]: p.orderRated,
      [SupervisedAccountOpened.type]: p.supervisedAccountOpened,
      [ReserveStandingChanged.type]: p.reserveStandingChanged,
    },
  },
  {
    name: 'directory.complaints',
    topics: [Topics.complaints],
    handlers: {
      [ComplaintFiled.type]: p.complaintFiled,
      [ComplaintClosed.type]: p.complaintClosed,
      [ComplaintReopened.type]: p.complaintReopened,
      [ComplaintRated.type]: p.complaintRated,
      [ComplaintMerged.type]: p.complaintMerged,
    },
  },
  {
    // The timeline records every known event type, whatever service published it.
    name: 'directory.timeline',
    topics: ALL_TOPICS.filter((t) => t !== Topics.directory),
    handlers: Object.fromEntries(contracts.all().map((d) => [d.type, p.timelineEvent])),
  },
];
