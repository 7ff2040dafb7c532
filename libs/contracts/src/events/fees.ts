import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';
import { Fen, IsoDate } from './common';

const topic = Topics.fees;

/** Escrowed money released to the institution for lessons taught and confirmed (一课一消). */
export const FundsReleased = defineEvent({
  type: 'fees.FundsReleased',
  version: 1,
  topic,
  payload: z.object({
    orderId: z.string(),
    licenseId: z.string(),
    lessonId: z.string(),
    amountFen: Fen,
    releasedOn: IsoDate,
  }),
});

/** A refund paid back to the family's original account. */
export const RefundPaid = defineEvent({
  type: 'fees.RefundPaid',
  version: 1,
  topic,
  payload: z.object({
    refundId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    amountFen: Fen,
    paidOn: IsoDate,
  }),
});

/** A lesson outside the training-time rules (培训时间): inspection acts on it. */
export const TrainingTimeViolationDetected = defineEvent({
  type: 'fees.TrainingTimeViolationDetected',
  version: 1,
  topic,
  payload: z.object({
    lessonId: z.string(),
    licenseId: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    rule: z.string().min(1),
    source: z.string().min(1),
  }),
});

/** A risk rule fired on an institution's supervised account. */
export const RiskAlertRaised = defineEvent({
  type: 'fees.RiskAlertRaised',
  version: 1,
  topic,
  payload: z.object({
    alertId: z.string(),
    licenseId: z.string(),
    rule: z.string().min(1),
    detail: z.string().min(1),
    severity: z.enum(['low', 'medium', 'high']),
  }),
});

/** fee-supervision integration events; add each new one here. */
export const feesEvents: EventDefinition[] = [
  FundsReleased,
  RefundPaid,
  TrainingTimeViolationDetected,
  RiskAlertRaised,
];
