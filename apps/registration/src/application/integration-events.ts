import { ApplicationApproved, ApplicationSubmitted, createEvent, Envelope, EventOrigin, LicenseIssued } from '@otr/contracts';
import { ApplicationEvent, ApplicationState } from '../domain/license-application';

/** Translates domain events into the published language of libs/contracts. */
export function toIntegrationEvents(state: ApplicationState, events: ApplicationEvent[], origin: EventOrigin): Envelope[] {
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
      case 'ApplicationApproved':
        return createEvent(ApplicationApproved, { ...base, payload: { applicationId: state.id, licenseId: e.licenseId } });
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
    }
  });
}
