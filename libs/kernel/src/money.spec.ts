import { Money } from './money';

describe('Money in integer fen', () => {
  it('parses yuan exactly, without float drift', () => {
    expect(Money.yuan('0.1').add(Money.yuan('0.2')).equals(Money.yuan('0.3'))).toBe(true);
    expect(Money.yuan('5000.01').fen).toBe(500001);
    expect(Money.yuan('-12.5').toYuanString()).toBe('-12.50');
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => Money.yuan('1.001')).toThrow('not an amount in yuan');
    expect(() => Money.fen(0.5)).toThrow('not a whole number of fen');
  });

  it('compares at the 5,000-yuan cap boundary', () => {
    const cap = Money.yuan('5000.00');
    expect(Money.yuan('5000.00').greaterThan(cap)).toBe(false);
    expect(Money.yuan('5000.01').greaterThan(cap)).toBe(true);
  });

  it('prorates half up at the fen: 1,000.00 yuan ÷ 3 hours × 1 hour = 333.33', () => {
    expect(Money.yuan('1000').prorate(1, 3).toYuanString()).toBe('333.33');
    expect(Money.fen(5).prorate(1, 2).fen).toBe(3);
  });

  it('allocates without losing a fen', () => {
    const parts = Money.yuan('100').allocate([1, 1, 1]);
    expect(parts.map((p) => p.fen)).toEqual([3334, 3333, 3333]);
    expect(Money.sum(parts).equals(Money.yuan('100'))).toBe(true);
  });

  it('serialises as a number of fen', () => {
    expect(JSON.stringify({ amount: Money.yuan('12.34') })).toBe('{"amount":1234}');
  });
});
