import {
  ApplicationApproved,
  ApplicationRejected,
  ApplicationReturned,
  ApplicationSubmitted,
  createEvent,
  DocumentAttached,
  SiteVisitRecorded,
  Envelope,
  EventOrigin,
  LicenseIssued,
  OpinionGiven,
  OpinionRequested,
} from '@otr/contracts';
import { ApplicationEvent, ApplicationState } from '../domain/license-application';
import { courseFiledEvent, staffFiledEvent } from './filing-events';

/** Translates domain events into the published language of libs/contracts. */
export function toIntegrationEvents(
  state: ApplicationState,
  events: ApplicationEvent[],
  origin: EventOrigin,
): Envelope[] {
  const base = { aggregateId: state.id, institutionId: state.institutionId, ...origin };
  const f = state.form;
  return events.map((e) => {
    switch (e.type) {
      case 'ApplicationSubmitted':
        return createEvent(ApplicationSubmitted, {
          ...base,
          payload: {
            applicationId: state.id,
            institutionName: f.institutionName,
            category: f.category,
            scopes: f.scopes,
            district: f.district,
            competentDepartment: e.competentDepartment,
          },
        });
      case 'ApplicationReturned':
        return createEvent(ApplicationReturned, {
          ...base,
          payload: { applicationId: state.id, items: e.items },
        });
      case 'OpinionRequested':
        return createEvent(OpinionRequested, {
          ...base,
          payload: {
            applicationId: state.id,
            department: e.department,
            dueBy: e.dueBy,
            district: f.district,
          },
        });
      case 'OpinionGiven':
        return createEvent(OpinionGiven, {
          ...base,
          payload: {
            applicationId: state.id,
            department: e.department,
            agrees: e.agrees,
            reasons: e.reasons,
          },
        });
      case 'ApplicationRejected':
        return createEvent(ApplicationRejected, {
          ...base,
          payload: { applicationId: state.id, reasons: e.reasons },
        });
      case 'ApplicationApproved':
        return createEvent(ApplicationApproved, {
          ...base,
          payload: { applicationId: state.id, licenseId: e.licenseId },
        });
      case 'LicenseIssued':
        return createEvent(LicenseIssued, {
          ...base,
          aggregateId: e.licenseId,
          payload: {
            licenseId: e.licenseId,
            licenseNumber: e.licenseNumber,
            institutionName: f.institutionName,
            legalForm: f.legalForm,
            category: f.category,
            scopes: f.scopes,
            district: f.district,
            address: f.address,
            ...(f.location ? { location: f.location } : {}),
            validFrom: e.validFrom,
            validUntil: e.validUntil,
          },
        });
      case 'DocumentAttached': {
        const { filename: _private, ...document } = e.document;
        return createEvent(DocumentAttached, { ...base, payload: { applicationId: state.id, ...document } });
      }
      case 'SiteVisitRecorded':
        return createEvent(SiteVisitRecorded, {
          ...base,
          payload: {
            applicationId: state.id,
            visitedOn: e.visit.visitedOn,
            conforms: e.visit.conforms,
            findings: e.visit.findings,
          },
        });
      case 'CourseFiled':
        return courseFiledEvent(base, { ...e, category: f.category });
      case 'StaffFiled':
        return staffFiledEvent(base, e);
    }
  });
}
