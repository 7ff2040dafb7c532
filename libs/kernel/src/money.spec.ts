import fc from 'fast-check';
import { InvalidMoney, Money } from './money';

const yuan = (text: string) => Money.yuan(text);

describe('Money in integer fen', () => {
  describe('construction', () => {
    it('takes a safe whole number of fen, and nothing else', () => {
      expect(Money.fen(500001).toYuanString()).toBe('5000.01');
      expect(() => Money.fen(0.5)).toThrow(InvalidMoney);
      expect(() => Money.fen(Number.MAX_SAFE_INTEGER + 1)).toThrow('not a whole number of fen');
      expect(() => Money.fen(Number.NaN)).toThrow(InvalidMoney);
    });

    it('parses yuan text exactly, with at most two decimals', () => {
      expect(yuan('5000.01').fen).toBe(500001);
      expect(yuan('12.5').fen).toBe(1250);
      expect(yuan('0.07').fen).toBe(7);
      expect(yuan(' 300 ').fen).toBe(30000);
      for (const bad of ['1.001', '1e3', '.5', '1.', '1,000.00', '+3', '', 'abc']) {
        expect(() => yuan(bad)).toThrow(InvalidMoney);
      }
    });

    it('refuses a negative yuan amount unless the caller explicitly allows it', () => {
      expect(() => yuan('-12.5')).toThrow('negative amount not allowed');
      expect(Money.yuan('-12.5', { allowNegative: true }).toYuanString()).toBe('-12.50');
    });

    it('refuses yuan amounts beyond the safe integer range of fen', () => {
      expect(() => yuan('90071992547409.92')).toThrow('out of range');
      expect(yuan('90071992547409.91').fen).toBe(Number.MAX_SAFE_INTEGER);
    });
  });

  describe('arithmetic', () => {
    it('adds and subtracts without float drift (0.1 + 0.2 = 0.3 yuan)', () => {
      expect(yuan('0.1').add(yuan('0.2')).equals(yuan('0.3'))).toBe(true);
      expect(yuan('1.10').subtract(yuan('0.20')).toYuanString()).toBe('0.90');
      expect(Money.sum([yuan('0.1'), yuan('0.1'), yuan('0.1')]).toYuanString()).toBe('0.30');
    });

    it('multiplies by whole numbers only', () => {
      expect(yuan('19.99').multiply(3).toYuanString()).toBe('59.97');
      expect(() => yuan('1').multiply(1.5)).toThrow(InvalidMoney);
    });

    it('may go negative (a ledger difference) and says so', () => {
      const diff = yuan('100').subtract(yuan('100.01'));
      expect(diff.isNegative()).toBe(true);
      expect(diff.toYuanString()).toBe('-0.01');
      expect(yuan('5').subtract(yuan('5')).isZero()).toBe(true);
    });
  });

  describe('comparison', () => {
    it('tells 5,000.00 yuan (at the non-subject cap) from 5,000.01 (over it)', () => {
      const cap = Money.fen(500000);
      expect(yuan('5000.00').greaterThan(cap)).toBe(false);
      expect(yuan('5000.00').lessThanOrEqual(cap)).toBe(true);
      expect(yuan('5000.01').greaterThan(cap)).toBe(true);
      expect(yuan('4999.99').lessThan(cap)).toBe(true);
      expect(yuan('5000').greaterThanOrEqual(cap)).toBe(true);
      expect([yuan('2'), yuan('1'), yuan('3')].sort((a, b) => a.compare(b)).map((m) => m.fen)).toEqual([
        100, 200, 300,
      ]);
    });
  });

  describe('prorating (release = escrow ÷ total hours × hours taught)', () => {
    it('rounds half up at the fen: 1,000.00 yuan × 1/3 = 333.33; 5 fen × 1/2 = 3 fen', () => {
      expect(yuan('1000').prorate(1, 3).toYuanString()).toBe('333.33');
      expect(yuan('1000').prorate(2, 3).toYuanString()).toBe('666.67');
      expect(Money.fen(5).prorate(1, 2).fen).toBe(3);
      expect(Money.fen(-5).prorate(1, 2).fen).toBe(-3);
    });

    it('sums back exactly when releases are differences of cumulative prorations', () => {
      // 2,999.99 yuan for 7 hours: each lesson releases prorate(k) − prorate(k − 1).
      const escrow = yuan('2999.99');
      const released = Array.from({ length: 7 }, (_, i) =>
        escrow.prorate(i + 1, 7).subtract(escrow.prorate(i, 7)),
      );
      expect(Money.sum(released).equals(escrow)).toBe(true);
    });

    it('stays within half a fen of the exact share, never above the escrow, all of it at the end', () => {
      fc.assert(
        fc.property(
          fc.nat(10_000_000),
          fc.integer({ min: 1, max: 120 }),
          fc.nat(120),
          (fen, total, taught) => {
            const escrow = Money.fen(fen);
            const done = Math.min(taught, total);
            const release = escrow.prorate(done, total);
            expect(Math.abs(2 * (release.fen * total - fen * done))).toBeLessThanOrEqual(total);
            expect(release.lessThanOrEqual(escrow)).toBe(true);
            expect(escrow.prorate(total, total).equals(escrow)).toBe(true);
          },
        ),
      );
    });

    it('refuses a negative or zero-denominator proportion', () => {
      expect(() => yuan('1').prorate(-1, 3)).toThrow(InvalidMoney);
      expect(() => yuan('1').prorate(1, 0)).toThrow(InvalidMoney);
    });
  });

  describe('allocation', () => {
    it('splits 100 yuan three ways without losing a fen', () => {
      const parts = yuan('100').allocate([1, 1, 1]);
      expect(parts.map((p) => p.fen)).toEqual([3334, 3333, 3333]);
      expect(Money.sum(parts).equals(yuan('100'))).toBe(true);
    });

    it('gives the leftover fen to the largest remainders, never to a zero ratio', () => {
      expect(
        Money.fen(5)
          .allocate([1, 0, 1, 1])
          .map((p) => p.fen),
      ).toEqual([2, 0, 2, 1]);
      expect(
        Money.fen(10)
          .allocate([1, 2])
          .map((p) => p.fen),
      ).toEqual([3, 7]);
    });

    it('always sums back exactly, negative amounts included', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -10_000_000, max: 10_000_000 }),
          fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)),
          (fen, ratios) => {
            const parts = Money.fen(fen).allocate(ratios);
            expect(Money.sum(parts).fen).toBe(fen);
            expect(parts.filter((_, i) => ratios[i] === 0).every((p) => p.isZero())).toBe(true);
          },
        ),
      );
    });

    it('refuses ratios that are empty, negative, fractional or all zero', () => {
      for (const bad of [[], [1, -1], [0.5, 1], [0, 0]])
        expect(() => yuan('1').allocate(bad)).toThrow(InvalidMoney);
    });
  });

  it('serialises as a number of fen', () => {
    expect(JSON.stringify({ amount: yuan('12.34') })).toBe('{"amount":1234}');
  });
});
