import {
  AnnualReportGraded,
  AnnualReportSubmitted,
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  createEvent,
  Envelope,
  EventOrigin,
  InspectionClosed,
  InspectionScheduled,
  JointCaseClosed,
  JointCaseOpened,
  JointCaseTaskCompleted,
  PenaltyDecided,
  PenaltyProposed,
  RectificationOrdered,
  RectificationOverdue,
  RectificationReported,
  RectificationVerified,
  SpotCheckDrawn,
  SpotCheckPublished,
  ViolationRecorded,
} from '@otr/contracts';
import { Subject } from '../domain/official';
import { licenseActionOf } from '../domain/penalty';
import { Change } from './ports';

const subjectOf = (s: Subject) => ({
  ...(s.licenseId ? { licenseId: s.licenseId } : {}),
  subjectName: s.name,
  district: s.district,
});

/** Translates one change's domain events into the published language of libs/contracts. */
export function toIntegrationEvents(c: Change, origin: EventOrigin): Envelope[] {
  const at = (institutionId: string) => ({ aggregateId: c.state.id, institutionId, ...origin });
  switch (c.kind) {
    case 'annual-report': {
      const s = c.state;
      const base = { ...at(s.subject.institutionId) };
      const head = { reportId: s.id, ...subjectOf(s.subject), licenseId: s.subject.licenseId, year: s.year };
      return c.events.map((e): Envelope =>
        e.type === 'AnnualReportSubmitted'
          ? createEvent(AnnualReportSubmitted, { ...base, payload: head })
          : createEvent(AnnualReportGraded, {
              ...base,
              payload: {
                ...head,
                total: e.total,
                grade: e.grade,
                vetoes: e.vetoes,
                ...(e.exemptFromSpotChecksUntil
                  ? { exemptFromSpotChecksUntil: e.exemptFromSpotChecksUntil }
                  : {}),
                rectificationOrdered: e.rectification,
                revocationProposed: e.proposeRevocation,
              },
            }),
      );
    }
    case 'inspection': {
      const s = c.state;
      const base = at(s.subject.institutionId);
      return c.events.flatMap((e): Envelope[] => {
        if (e.type === 'InspectionScheduled')
          return [
            createEvent(InspectionScheduled, {
              ...base,
              payload: {
                inspectionId: s.id,
                ...subjectOf(s.subject),
                trigger: s.trigger.kind,
                ...(s.trigger.kind === 'spot-check' ? { spotCheckId: s.trigger.spotCheckId } : {}),
                inspectors: e.inspectors,
                scheduledFor: e.scheduledFor,
              },
            }),
          ];
        if (e.type === 'InspectionClosed')
          return [
            createEvent(InspectionClosed, {
              ...base,
              payload: {
                inspectionId: s.id,
                ...subjectOf(s.subject),
                result: e.result,
                findings: e.findings,
                closedOn: e.on,
              },
            }),
          ];
        return [];
      });
    }
    case 'violation': {
      const s = c.state;
      return c.events.map(() =>
        createEvent(ViolationRecorded, {
          ...at(s.subject.institutionId),
          payload: {
            violationId: s.id,
            ...(s.inspectionId ? { inspectionId: s.inspectionId } : {}),
            ...subjectOf(s.subject),
            code: s.code,
            severity: s.severity,
            description: s.description,
            evidence: s.evidence.map((x) => ({ sha256: x.sha256, takenAt: x.takenAt })),
          },
        }),
      );
    }
    case 'rectification': {
      const s = c.state;
      const base = at(s.subject.institutionId);
      return c.events.map((e): Envelope => {
        switch (e.type) {
          case 'RectificationOrdered':
            return createEvent(RectificationOrdered, {
              ...base,
              payload: {
                rectificationId: s.id,
                ...subjectOf(s.subject),
                basis: s.basis.kind,
                requirements: s.requirements,
                dueBy: e.dueBy,
              },
            });
          case 'RectificationReported':
            return createEvent(RectificationReported, {
              ...base,
              payload: { rectificationId: s.id, reportedOn: e.on, evidenceCount: e.evidence.length },
            });
          case 'RectificationVerified':
            return createEvent(RectificationVerified, {
              ...base,
              payload: { rectificationId: s.id, passed: e.passed, verifiedOn: e.on },
            });
          case 'RectificationOverdue':
            return createEvent(RectificationOverdue, {
              ...base,
              payload: {
                rectificationId: s.id,
                ...subjectOf(s.subject),
                dueBy: e.dueBy,
                trainingBan: true,
                // 培训禁令: training stops while the institution is on the black list.
                licenseAction: s.subject.licenseId ? 'suspend' : 'none',
                blacklistEntryId: e.blacklistEntryId,
              },
            });
        }
      });
    }
    case 'penalty': {
      const s = c.state;
      const base = at(s.subject.institutionId);
      return c.events.flatMap((e): Envelope[] => {
        if (e.type === 'PenaltyProposed')
          return [
            createEvent(PenaltyProposed, {
              ...base,
              payload: {
                penaltyId: s.id,
                ...subjectOf(s.subject),
                penaltyType: s.type,
                legalBasis: s.legalBasis,
                ...(s.fineFen !== undefined ? { fineFen: s.fineFen } : {}),
                proposedBy: s.proposedBy.userId,
              },
            }),
          ];
        if (e.type === 'PenaltyDecided')
          return [
            createEvent(PenaltyDecided, {
              ...base,
              payload: {
                penaltyId: s.id,
                decisionNumber: e.decisionNumber,
                ...(s.subject.licenseId ? { licenseId: s.subject.licenseId } : {}),
                subjectName: s.subject.name,
                penaltyType: s.type,
                legalBasis: s.legalBasis,
                ...(s.fineFen !== undefined ? { fineFen: s.fineFen } : {}),
                licenseAction: licenseActionOf(s.type),
                reasons: s.reasons,
                decidedOn: e.on,
              },
            }),
          ];
        return [];
      });
    }
    case 'blacklist': {
      const s = c.state;
      const base = at(s.subject.institutionId);
      return c.events.map((e): Envelope =>
        e.type === 'BlacklistEntryAdded'
          ? createEvent(BlacklistEntryAdded, {
              ...base,
              payload: {
                entryId: s.id,
                subjectName: s.subject.name,
                ...(s.subject.licenseId ? { licenseId: s.subject.licenseId } : {}),
                ...(s.creditCode ? { creditCode: s.creditCode } : {}),
                ...(s.legalRepresentative ? { legalRepresentative: s.legalRepresentative } : {}),
                reason: s.reason,
                decisionNumber: s.decisionNumber,
                listedOn: s.listedOn,
                removableOn: s.removableOn,
              },
            })
          : createEvent(BlacklistEntryRemoved, {
              ...base,
              payload: { entryId: s.id, reason: e.reason, removedOn: e.on },
            }),
      );
    }
    case 'spot-check': {
      const s = c.state;
      // A draw concerns many institutions; its own id keys it so its events stay in order.
      const base = at(s.id);
      const inspectionOf = new Map(s.inspections.map((i) => [i.institutionId, i.inspectionId]));
      return c.events.map((e): Envelope =>
        e.type === 'SpotCheckDrawn'
          ? createEvent(SpotCheckDrawn, {
              ...base,
              payload: {
                spotCheckId: s.id,
                name: s.name,
                jurisdiction: s.jurisdiction,
                seed: s.draw.seed,
                algorithm: s.draw.algorithm,
                inputDigest: s.draw.inputDigest,
                eligibleCount: s.draw.eligibleCount,
                drawn: s.draw.picks.map((p) => ({ ...p, inspectionId: inspectionOf.get(p.institutionId)! })),
              },
            })
          : createEvent(SpotCheckPublished, {
              ...base,
              payload: { spotCheckId: s.id, name: s.name, publishedOn: e.on, results: e.results },
            }),
      );
    }
    case 'joint-case': {
      const s = c.state;
      const base = at(s.subject.institutionId);
      return c.events.map((e): Envelope => {
        switch (e.type) {
          case 'JointCaseOpened':
            return createEvent(JointCaseOpened, {
              ...base,
              payload: {
                caseId: s.id,
                ...subjectOf(s.subject),
                ...(s.subject.address ? { address: s.subject.address } : {}),
                summary: s.summary,
                tasks: s.tasks.map((t) => ({
                  taskId: t.id,
                  department: t.department,
                  legalBasis: t.legalBasis,
                  dueBy: t.dueBy,
                })),
              },
            });
          case 'JointCaseTaskCompleted':
            return createEvent(JointCaseTaskCompleted, {
              ...base,
              payload: {
                caseId: s.id,
                taskId: e.taskId,
                department: s.tasks.find((t) => t.id === e.taskId)!.department,
                findings: e.findings,
                completedOn: e.on,
              },
            });
          case 'JointCaseClosed':
            return createEvent(JointCaseClosed, {
              ...base,
              payload: { caseId: s.id, conclusion: e.conclusion, closedOn: e.on },
            });
        }
      });
    }
  }
}
