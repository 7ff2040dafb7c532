import {
  contracts,
  Envelope,
  FundsReleased,
  InServiceTeacherDetected,
  PayloadOf,
  RefundPaid,
  RepeatComplaintsFlagged,
  RiskAlertRaised,
  SYSTEM_ACTOR,
  TrainingTimeViolationDetected,
  UnlicensedOperatorReported,
} from '@otr/contracts';
import { newId } from '@otr/kernel';
import { Outbox } from '@otr/messaging';
import { evolveInspection, InspectionState, InspectionTrigger } from '../../domain/inspection';
import { Subject } from '../../domain/official';
import { InspectionTx } from '../../infrastructure/inspection-prisma';
import { writeChanges } from '../../infrastructure/prisma-inspection.store';
import { change } from '../ports';

/**
 * The institution a lead is about, from the local pool. A license the pool never saw (another
 * environment's, or one closed before this service started) gives no lead rather than a dead letter.
 */
async function licensedSubject(tx: InspectionTx, licenseId: string): Promise<Subject | undefined> {
  const row = await tx.institution.findUnique({ where: { licenseId } });
  if (!row) return undefined;
  return {
    institutionId: row.institutionId,
    licenseId: row.licenseId,
    name: row.name,
    district: row.district,
    address: row.address,
  };
}

/**
 * Opens an inspection to schedule (a lead) unless one for the same institution and reason is
 * already open: fifty late lessons make one visit, not fifty.
 */
async function openLead(
  tx: InspectionTx,
  event: Envelope,
  subject: Subject | undefined,
  trigger: InspectionTrigger,
) {
  if (!subject) return;
  const open = await tx.inspection.count({
    where: {
      institutionId: subject.institutionId,
      triggerKind: trigger.kind,
      status: { in: ['to-schedule', 'scheduled'] },
    },
  });
  if (open > 0) return;
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
  await writeChanges(
    tx,
    new Outbox('inspection', contracts),
    [change('inspection', events.reduce(evolveInspection, lead), events)],
    {
      actor: SYSTEM_ACTOR,
      correlationId: event.correlationId,
      causationId: event.id,
    },
  );
}

export async function onRepeatComplaints(event: Envelope, tx: InspectionTx): Promise<void> {
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
}

/** Complaints keys an unlicensed operator by what was reported, so a second tip finds the open lead. */
export async function onUnlicensedOperatorTip(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof UnlicensedOperatorReported>;
  await openLead(
    tx,
    event,
    { institutionId: event.institutionId, name: p.operatorName, district: p.district, address: p.address },
    { kind: 'unlicensed-tip', complaintId: p.complaintId, detail: `${p.trackingNumber}：${p.activity}` },
  );
}

export async function onRiskAlert(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof RiskAlertRaised>;
  await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
    kind: 'risk-alert',
    alertId: p.alertId,
    detail: `${p.rule}（${p.severity}）：${p.detail}`,
  });
}

export async function onTrainingTimeViolation(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof TrainingTimeViolationDetected>;
  await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
    kind: 'training-time',
    lessonId: p.lessonId,
    detail: `${p.startsAt} ${p.rule}（${p.source}）`,
  });
}

export async function onInServiceTeacher(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof InServiceTeacherDetected>;
  // Detected on an application: registration refuses it there; only licensed institutions get a visit.
  if (!p.licenseId) return;
  await openLead(tx, event, await licensedSubject(tx, p.licenseId), {
    kind: 'in-service-teacher',
    detail: `${p.staffName}（${p.school}）`,
  });
}

/** Released fees and refunds per license: the basis of illegal income for a fine. */
export async function onFundsReleased(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof FundsReleased>;
  await tx.incomeLedger.upsert({
    where: { licenseId: p.licenseId },
    create: { licenseId: p.licenseId, releasedFen: BigInt(p.amountFen) },
    update: { releasedFen: { increment: BigInt(p.amountFen) } },
  });
}

export async function onRefundPaid(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof RefundPaid>;
  await tx.incomeLedger.upsert({
    where: { licenseId: p.licenseId },
    create: { licenseId: p.licenseId, refundedFen: BigInt(p.amountFen) },
    update: { refundedFen: { increment: BigInt(p.amountFen) } },
  });
}
