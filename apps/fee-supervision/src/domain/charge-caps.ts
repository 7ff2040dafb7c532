import { Money } from '@otr/kernel';
import { daysBetween } from './dates';
import {
  ChargeCapExceeded,
  ChargeTooEarly,
  GuidedPriceNotSet,
  PaymentChannelRefused,
  PriceAboveGuidedPrice,
} from './errors';
import { FeeRules } from './fee-rules';
import { Charge, classSizeBand, OpenOrder } from './order';

export type ChargeRules = Pick<
  FeeRules,
  | 'maxHoursPerCharge'
  | 'maxMonthsPerCharge'
  | 'nonSubjectMaxPerCharge'
  | 'earliestChargeDaysBeforeStart'
  | 'chargeWhenHoursRemain'
  | 'guidedBasePrice'
  | 'guidedPriceMaxMarkupPercent'
>;

const PREPAID_SOURCE = '教监管函〔2021〕2号 (预收费监管)';
const LOAN_SOURCE = '中办发〔2021〕40号 (双减)；教监管函〔2021〕2号：不得使用培训贷方式缴纳培训费用';

/**
 * A renewal (续费): the family has a course with this institution in this subject already running
 * (started on or before today, hours left) and together those running orders have at most
 * chargeWhenHoursRemain hours left (gift hours included). Only then may the next course be charged
 * earlier than a month before it starts, and only then are the running orders' last hours left out
 * of the caps, so a renewal may reach the cap on top of the tail the rule lets the family keep.
 * A family with nothing running, or with more hours left, is not renewing.
 */
export function renewal(
  running: readonly OpenOrder[],
  rules: Pick<FeeRules, 'chargeWhenHoursRemain'>,
  today: string,
): { renewing: boolean; hoursLeft: number } {
  const started = running.filter((o) => o.courseStartsOn <= today && o.hoursLeft > 0);
  const hoursLeft = started.reduce((n, o) => n + o.hoursLeft, 0);
  return { renewing: started.length > 0 && hoursLeft <= rules.chargeWhenHoursRemain.value, hoursLeft };
}

/**
 * decide: whether the institution may take this charge today. Throws the first rule it breaks.
 * The caps (收费上限) bound what the family has prepaid and not yet been taught with this
 * institution in this subject once this charge is paid: this charge's paid and gift hours plus
 * every open order's untaught hours (and months, and for non-subject institutions yuan), so that
 * splitting an order or adding gift hours cannot dodge them; a renewal leaves out the running tail.
 */
export function checkCharge(
  charge: Charge,
  openOrders: readonly OpenOrder[],
  rules: ChargeRules,
  today: string,
): void {
  checkPaymentChannel(charge);
  const others = openOrders.filter(
    (o) =>
      o.orderId !== charge.orderId &&
      o.institutionId === charge.institutionId &&
      o.studentId === charge.studentId &&
      o.subject === charge.subject,
  );
  const renew = renewal(others, rules, today);
  const counted = renew.renewing ? others.filter((o) => o.courseStartsOn > today) : others;
  checkCaps(charge, counted, rules);
  checkTiming(charge, renew, rules, today);
  if (charge.category === 'subject') checkGuidedPrice(charge, rules);
}

function checkPaymentChannel(charge: Charge): void {
  if (charge.payment.method === 'training-loan') {
    throw new PaymentChannelRefused('training fees may not be paid with a training loan (培训贷)', {
      field: 'payment.method',
      rule: 'no training loans',
      source: LOAN_SOURCE,
    });
  }
  if (charge.payment.into !== 'supervised-account') {
    throw new PaymentChannelRefused('prepaid fees go in full into the supervised account', {
      field: 'payment.into',
      rule: 'every prepayment into the institution’s one supervised account, in full',
      source: PREPAID_SOURCE,
    });
  }
}

function checkCaps(charge: Charge, others: readonly OpenOrder[], rules: ChargeRules): void {
  const newHours = (charge.hours ?? 0) + (charge.giftHours ?? 0);
  if (charge.hours !== undefined || charge.giftHours) {
    const hours = newHours + others.reduce((n, o) => n + o.hoursLeft, 0);
    const max = rules.maxHoursPerCharge;
    if (hours > max.value) {
      throw new ChargeCapExceeded(
        `${hours} class hours prepaid in ${charge.subject} (gift and open orders included), above ${max.value}`,
        {
          field: 'hours',
          rule: `at most ${max.value} class hours per subject per charge, gift hours and open orders included`,
          source: max.source,
        },
      );
    }
  }
  if (charge.months !== undefined) {
    const months = charge.months + others.reduce((n, o) => n + (o.monthsLeft ?? 0), 0);
    const max = rules.maxMonthsPerCharge;
    if (months > max.value) {
      throw new ChargeCapExceeded(`${months} months prepaid in ${charge.subject}, above ${max.value}`, {
        field: 'months',
        rule: `at most ${max.value} months per charge, open orders included`,
        source: max.source,
      });
    }
  }
  if (charge.category === 'non-subject') {
    const total = charge.amount.add(Money.sum(others.map((o) => o.escrow)));
    const max = Money.fen(rules.nonSubjectMaxPerCharge.value);
    if (total.greaterThan(max)) {
      throw new ChargeCapExceeded(
        `${total.toYuanString()} yuan prepaid in ${charge.subject}, above ${max.toYuanString()}`,
        {
          field: 'amount',
          rule: `non-subject institutions at most ${max.toYuanString()} yuan per charge, open orders included`,
          source: rules.nonSubjectMaxPerCharge.source,
        },
      );
    }
  }
}

function checkTiming(
  charge: Charge,
  renew: { renewing: boolean; hoursLeft: number },
  rules: ChargeRules,
  today: string,
): void {
  const daysBefore = daysBetween(today, charge.courseStartsOn);
  const earliest = rules.earliestChargeDaysBeforeStart;
  if (daysBefore <= earliest.value || renew.renewing) return;
  throw new ChargeTooEarly(
    `charged ${daysBefore} days before the course starts on ${charge.courseStartsOn}` +
      (renew.hoursLeft ? `, with ${renew.hoursLeft} hours of the running course left` : ''),
    {
      field: 'courseStartsOn',
      rule: `no earlier than ${earliest.value} days before the course starts, or a renewal with at most ${rules.chargeWhenHoursRemain.value} hours left`,
      source: `${earliest.source}；${rules.chargeWhenHoursRemain.source}`,
    },
  );
}

/**
 * 政府指导价: the price per class hour actually charged (amount ÷ paid hours, gift hours free),
 * scaled to the standard lesson, at most base × (1 + markup). Compared in integers
 * (fen × minutes × basis points) so "exactly 10 % above" passes and one fen more does not.
 */
function checkGuidedPrice(charge: Charge, rules: ChargeRules): void {
  const { guidedBasePrice } = rules;
  if (!guidedBasePrice) {
    throw new GuidedPriceNotSet('no government-guided price is in force for the institution’s jurisdiction', {
      field: 'amount',
      rule: 'a subject-type charge is priced against the guided base price of the institution’s jurisdiction (rulebook fees.guidedBasePrice), and none is set there',
      source: rules.guidedPriceMaxMarkupPercent.source,
    });
  }
  const table = guidedBasePrice.value[charge.mode];
  const band = classSizeBand(charge.classSize);
  const base = table[band];
  const markupBp = Math.round(rules.guidedPriceMaxMarkupPercent.value * 100);
  const citation = {
    field: 'amount',
    rule: `at most ${rules.guidedPriceMaxMarkupPercent.value} % above the guided base price of ${Money.fen(base).toYuanString()} yuan per ${table.lessonMinutes}-minute ${charge.mode} lesson, class size ${band}`,
    source: `${guidedBasePrice.source}；${rules.guidedPriceMaxMarkupPercent.source}`,
  };
  if (!charge.hours) {
    throw new PriceAboveGuidedPrice(
      'a subject-type charge states its paid class hours, so its price can be checked',
      {
        ...citation,
        field: 'hours',
      },
    );
  }
  const charged = BigInt(charge.amount.fen) * BigInt(table.lessonMinutes) * 10_000n;
  const allowed =
    BigInt(base) * BigInt(charge.lessonMinutes) * BigInt(10_000 + markupBp) * BigInt(charge.hours);
  if (charged > allowed) {
    throw new PriceAboveGuidedPrice(
      `${charge.amount.toYuanString()} yuan for ${charge.hours} hours of ${charge.lessonMinutes} minutes is above the guided price`,
      citation,
    );
  }
}
