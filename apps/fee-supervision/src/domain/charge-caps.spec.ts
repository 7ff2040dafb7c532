import { Money } from '@otr/kernel';
import { checkCharge } from './charge-caps';
import {
  ChargeCapExceeded,
  ChargeTooEarly,
  FeeRuleViolated,
  PaymentChannelRefused,
  GuidedPriceNotSet,
  PriceAboveGuidedPrice,
} from './errors';
import { nationalRules as rules } from './fee-rules.fixture';
import { Charge, OpenOrder } from './order';

const TODAY = '2026-08-02';
const START = '2026-09-01'; // 30 days later

/** A subject-type offline maths course, 20 students: guided base 50 yuan per 45 minutes, at most 55. */
const charge = (over: Partial<Charge> = {}): Charge => ({
  orderId: 'o-new',
  institutionId: 'i-1',
  familyId: 'f-1',
  studentId: 's-1',
  subject: 'maths',
  category: 'subject',
  mode: 'offline',
  classSize: 20,
  hours: 40,
  lessonMinutes: 45,
  amount: Money.yuan('2000'),
  courseStartsOn: START,
  payment: { into: 'supervised-account', method: 'direct' },
  ...over,
});

const open = (over: Partial<OpenOrder> = {}): OpenOrder => ({
  orderId: 'o-old',
  institutionId: 'i-1',
  studentId: 's-1',
  subject: 'maths',
  courseStartsOn: '2026-09-01',
  hoursLeft: 20,
  escrow: Money.yuan('1000'),
  ...over,
});

const refusal = (fn: () => unknown): FeeRuleViolated => {
  try {
    fn();
  } catch (error) {
    return error as FeeRuleViolated;
  }
  throw new Error('expected a refusal');
};

describe('checking a charge against the caps (收费上限)', () => {
  describe('class hours per subject', () => {
    it('accepts exactly 60 hours', () => {
      expect(() =>
        checkCharge(charge({ hours: 60, amount: Money.yuan('3000') }), [], rules, TODAY),
      ).not.toThrow();
    });

    it('refuses 61 hours, citing field, rule and source', () => {
      const e = refusal(() =>
        checkCharge(charge({ hours: 61, amount: Money.yuan('3000') }), [], rules, TODAY),
      );
      expect(e).toBeInstanceOf(ChargeCapExceeded);
      expect(e.citation).toMatchObject({ field: 'hours', source: '教监管函〔2021〕2号' });
    });

    it('counts gift hours (赠送课时): 58 paid + 3 free is refused', () => {
      const e = refusal(() => checkCharge(charge({ hours: 58, giftHours: 3 }), [], rules, TODAY));
      expect(e).toBeInstanceOf(ChargeCapExceeded);
    });

    it('sums the family’s open orders for the subject, so a split order is refused', () => {
      const first = open({ hoursLeft: 40, courseStartsOn: START });
      expect(refusal(() => checkCharge(charge({ hours: 21 }), [first], rules, TODAY))).toBeInstanceOf(
        ChargeCapExceeded,
      );
      expect(() =>
        checkCharge(charge({ hours: 20, amount: Money.yuan('1000') }), [first], rules, TODAY),
      ).not.toThrow();
    });

    it('ignores orders in other subjects, for other students or with other institutions', () => {
      const elsewhere = [
        open({ subject: 'english', hoursLeft: 60 }),
        open({ studentId: 's-2', hoursLeft: 60 }),
        open({ institutionId: 'i-2', hoursLeft: 60 }),
      ];
      expect(() =>
        checkCharge(charge({ hours: 60, amount: Money.yuan('3000') }), elsewhere, rules, TODAY),
      ).not.toThrow();
    });
  });

  describe('months when charging by period', () => {
    const period = (months: number, others: OpenOrder[] = []) =>
      checkCharge(
        charge({ category: 'non-subject', months, hours: undefined, amount: Money.yuan('3000') }),
        others,
        rules,
        TODAY,
      );

    it('accepts 3 months and refuses 4', () => {
      expect(() => period(3)).not.toThrow();
      expect(refusal(() => period(4)).citation.field).toBe('months');
    });

    it('applies the shorter cap when both apply: 3 months but 61 hours is refused on hours', () => {
      const e = refusal(() =>
        checkCharge(
          charge({ category: 'non-subject', months: 3, hours: 61, amount: Money.yuan('3000') }),
          [],
          rules,
          TODAY,
        ),
      );
      expect(e.citation.field).toBe('hours');
    });

    it('adds the months left on open orders', () => {
      expect(
        refusal(() => period(2, [open({ monthsLeft: 2, hoursLeft: 0, escrow: Money.zero() })])).citation
          .field,
      ).toBe('months');
    });
  });

  describe('the 5,000-yuan cap for non-subject institutions (非学科类)', () => {
    const art = (amount: string, others: OpenOrder[] = []) =>
      checkCharge(
        charge({ category: 'non-subject', subject: 'art', amount: Money.yuan(amount) }),
        others,
        rules,
        TODAY,
      );

    it('accepts 5,000.00 yuan and refuses 5,000.01', () => {
      expect(() => art('5000.00')).not.toThrow();
      const e = refusal(() => art('5000.01'));
      expect(e).toBeInstanceOf(ChargeCapExceeded);
      expect(e.citation).toMatchObject({ field: 'amount', source: '教监管厅函〔2022〕6号' });
    });

    it('counts what open orders still hold, so two charges of 3,000 are refused', () => {
      const first = open({ subject: 'art', hoursLeft: 10, escrow: Money.yuan('3000') });
      expect(refusal(() => art('3000', [first]))).toBeInstanceOf(ChargeCapExceeded);
      expect(() => art('2000', [first])).not.toThrow();
    });

    it('does not apply to subject-type institutions, whose price is capped instead', () => {
      expect(() =>
        checkCharge(charge({ hours: 60, amount: Money.yuan('3300') }), [], rules, TODAY),
      ).not.toThrow();
    });
  });

  describe('when the charge is taken (开课前一个月内)', () => {
    it('accepts a charge 30 days before the course starts and refuses one 31 days before', () => {
      expect(() => checkCharge(charge(), [], rules, '2026-08-02')).not.toThrow();
      const e = refusal(() => checkCharge(charge(), [], rules, '2026-08-01'));
      expect(e).toBeInstanceOf(ChargeTooEarly);
      expect(e.citation.field).toBe('courseStartsOn');
    });

    it('accepts a charge after the course started', () => {
      expect(() => checkCharge(charge({ courseStartsOn: '2026-07-01' }), [], rules, TODAY)).not.toThrow();
    });

    describe('a renewal (续费)', () => {
      const next = charge({ hours: 60, amount: Money.yuan('3000'), courseStartsOn: '2026-12-01' });
      const running = (hoursLeft: number) =>
        open({ courseStartsOn: '2026-06-01', hoursLeft, escrow: Money.yuan('1000') });

      it('may be charged early once the running course has 20 hours left, and may then reach the cap', () => {
        expect(() => checkCharge(next, [running(20)], rules, TODAY)).not.toThrow();
      });

      it('is too early with 21 hours left (and then those 21 hours count against the cap)', () => {
        const smaller = { ...next, hours: 39, amount: Money.yuan('1950') };
        expect(refusal(() => checkCharge(smaller, [running(21)], rules, TODAY))).toBeInstanceOf(
          ChargeTooEarly,
        );
        expect(refusal(() => checkCharge(next, [running(21)], rules, TODAY))).toBeInstanceOf(
          ChargeCapExceeded,
        );
      });

      it('is not a renewal when the other order has not started yet', () => {
        const notStarted = open({ courseStartsOn: '2026-08-20', hoursLeft: 5 });
        expect(refusal(() => checkCharge(next, [notStarted], rules, TODAY))).toBeInstanceOf(
          ChargeCapExceeded,
        );
      });
    });
  });

  describe('the guided price (政府指导价) for subject-type institutions', () => {
    it('accepts exactly 10 % above the base price and refuses one fen more', () => {
      // 20 students offline: base 50.00 per 45 minutes, at most 55.00; 20 hours at most 1,100.00.
      expect(() =>
        checkCharge(charge({ hours: 20, amount: Money.yuan('1100.00') }), [], rules, TODAY),
      ).not.toThrow();
      const e = refusal(() =>
        checkCharge(charge({ hours: 20, amount: Money.yuan('1100.01') }), [], rules, TODAY),
      );
      expect(e).toBeInstanceOf(PriceAboveGuidedPrice);
      expect(e.citation.source).toContain('发改价格〔2021〕1305号');
    });

    it('scales a 60-minute class hour to the 45-minute standard lesson', () => {
      // 55.00 × 60/45 = 73.333… per hour: 3 hours at most 220.00.
      expect(() =>
        checkCharge(charge({ hours: 3, lessonMinutes: 60, amount: Money.yuan('220.00') }), [], rules, TODAY),
      ).not.toThrow();
      expect(() =>
        checkCharge(charge({ hours: 3, lessonMinutes: 60, amount: Money.yuan('220.01') }), [], rules, TODAY),
      ).toThrow(PriceAboveGuidedPrice);
    });

    it('prices by mode and class size band: online, 9 students, base 40.00 per 30 minutes', () => {
      const online = (students: number, amount: string) =>
        checkCharge(
          charge({
            mode: 'online',
            classSize: students,
            hours: 1,
            lessonMinutes: 30,
            amount: Money.yuan(amount),
          }),
          [],
          rules,
          TODAY,
        );
      expect(() => online(9, '44.00')).not.toThrow();
      expect(() => online(10, '44.00')).toThrow(PriceAboveGuidedPrice); // 10–35: base 25.00
      expect(() => online(35, '27.50')).not.toThrow();
      expect(() => online(36, '27.50')).toThrow(PriceAboveGuidedPrice); // > 35: base 15.00
    });

    it('does not let gift hours lower the price checked: the price is per paid hour', () => {
      expect(() =>
        checkCharge(charge({ hours: 20, giftHours: 10, amount: Money.yuan('1500') }), [], rules, TODAY),
      ).toThrow(PriceAboveGuidedPrice);
    });

    it('refuses a subject-type charge where no guided price is in force, naming the rule and its source', () => {
      const { guidedBasePrice: _, ...unpriced } = rules;
      const e = refusal(() => checkCharge(charge(), [], unpriced, TODAY));
      expect(e).toBeInstanceOf(GuidedPriceNotSet);
      expect(e.citation).toMatchObject({
        field: 'amount',
        rule: expect.stringContaining('fees.guidedBasePrice'),
      });
      expect(e.citation.source).toContain('发改价格〔2021〕1305号');
      // A non-subject charge needs no guided price.
      expect(() => checkCharge(charge({ category: 'non-subject' }), [], unpriced, TODAY)).not.toThrow();
    });
  });

  describe('how the family pays', () => {
    it('refuses a training loan (培训贷)', () => {
      const e = refusal(() =>
        checkCharge(
          charge({ payment: { into: 'supervised-account', method: 'training-loan' } }),
          [],
          rules,
          TODAY,
        ),
      );
      expect(e).toBeInstanceOf(PaymentChannelRefused);
      expect(e.citation.field).toBe('payment.method');
    });

    it('refuses payment into any account but the supervised one', () => {
      const e = refusal(() =>
        checkCharge(charge({ payment: { into: 'other-account', method: 'direct' } }), [], rules, TODAY),
      );
      expect(e.citation.field).toBe('payment.into');
    });
  });
});
