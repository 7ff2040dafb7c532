import {
  Envelope,
  InServiceTeacherDetected,
  PayloadOf,
  RepeatComplaintsFlagged,
  RiskAlertRaised,
  SYSTEM_ACTOR,
  TrainingTimeViolationDetected,
  UnlicensedOperatorReported,
} from '@otr/contracts';
import { newId } from '@otr/kernel';
import { evolveInspection, InspectionState, InspectionTrigger } from '../../domain/inspection';
import { Subject } from '../../domain/official';
import { change, LeadStore } from '../ports';

type Handler<Tx> = (event: Envelope, tx: Tx) => Promise<void>;

/**
 * The consumers that open inspections to schedule (leads) from other contexts' facts, writing
 * through the lead store in the consumer's transaction.
 */
export function leadHandlers<Tx>(store: LeadStore<Tx>): Record<string, Handler<Tx>> {
  /**
   * The institution a lead is about, from the local pool. A license the pool never saw (another
   * environment's, or one closed before this service started) gives no lead rather than a dead letter.
   */
  const licensedSubject = (tx: Tx, licenseId: string) => store.licensedSubject(tx, licenseId);

  /**
   * Opens an inspection to schedule (a lead) unless one for the same institution and reason is
   * already open: fifty late lessons make one visit, not fifty.
   */
  async function openLead(tx: Tx, event: Envelope, subject: Subject | undefined, trigger: InspectionTrigger) {
    if (!subject) return;
    if ((await store.openLeads(tx, subject.institutionId, trigger.kind)) > 0) return;
    const lead: InspectionState = {
      id: newId(),
      subject,
      trigger,
      status: 'to-schedule',
      inspectors: [],
      checklist: [],
      violationIds: [],
      version: 0,
    };
    const events = [{ type: 'LeadOpened' as const }];
    await store.commit(tx, [change('inspection', events.reduce(evolveInspection, lead), events)], {
      actor: SYSTEM_ACTOR,
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }

  const onRepeatComplaints: Handler<Tx> = async (event, tx) => {
    const p = event.payload as PayloadOf<typeof RepeatComplaintsFlagged>;
    // A tip about an unlicensed operator has no license: the lead names the subject as reported.
    const subject = p.licenseId
      ? await licensedSubject(tx, p.licenseId)
      : { institutionId: event.institutionId, name: p.subjectName, district: p.district };
    await openLead(tx, event, subject, {
      kind: 'repeat-complaints',
      complaintIds: p.complaintIds,
      detail: `${p.withinDays}日内被投诉${p.count}次`,
    });
  };

  /** Complaints keys an unlicensed operator by what was reported, so a second tip finds the open lead. */
  const onUnlicensedOperatorTip: Handler<Tx> = async (event, tx) => {
    const p = event.payload as PayloadOf<typeof UnlicensedOperatorReported>;
    await openLead(
      tx,
      event,
      { institutionId: event.institutionId, name: p.operatorName, district: p.district, address: p.address },
      { kind: 'unlicensed-tip', complaintId: p.complaintId, detail: `${p.trackingNumber}：${p.activity}` },
    );
  };

  const onRiskAlert: Handler<Tx> = async (event, tx) => {
    const p = event.payload as PayloadOf<typeof RiskAlertRaised>;
    await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
      kind: 'risk-alert',
      alertId: p.alertId,
      detail: `${p.rule}（${p.severity}）：${p.detail}`,
    });
  };

  const onTrainingTimeViolation: Handler<Tx> = async (event, tx) => {
    const p = event.payload as PayloadOf<typeof TrainingTimeViolationDetected>;
    await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
      kind: 'training-time',
      lessonId: p.lessonId,
      detail: `${p.startsAt} ${p.rule}（${p.source}）`,
    });
  };

  const onInServiceTeacher: Handler<Tx> = async (event, tx) => {
    const p = event.payload as PayloadOf<typeof InServiceTeacherDetected>;
    // Detected on an application: registration refuses it there; only licensed institutions get a visit.
    if (!p.licenseId) return;
    await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
      kind: 'in-service-teacher',
      detail: `${p.staffName}（${p.school}）`,
    });
  };

  return {
    [InServiceTeacherDetected.type]: onInServiceTeacher,
    [TrainingTimeViolationDetected.type]: onTrainingTimeViolation,
    [RiskAlertRaised.type]: onRiskAlert,
    [RepeatComplaintsFlagged.type]: onRepeatComplaints,
    [UnlicensedOperatorReported.type]: onUnlicensedOperatorTip,
  };
}
