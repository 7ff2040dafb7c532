import { Money } from '@otr/kernel';
import { decideReserveStanding, reserveStanding } from './reserve-standing';

const yuan = (t: string) => Money.yuan(t);
const required = yuan('100000');

describe('risk reserve standing (风险保证金)', () => {
  it('is funded at or above the required amount, partly funded below it, unfunded at nothing', () => {
    expect(reserveStanding(required, yuan('100000'))).toBe('funded');
    expect(reserveStanding(required, yuan('99999.99'))).toBe('partly-funded');
    expect(reserveStanding(required, yuan('0'))).toBe('unfunded');
  });

  it('given nothing published, when the reserve is empty, then "unfunded" is published with its figures', () => {
    expect(decideReserveStanding(null, required, yuan('0'))).toEqual({
      requiredFen: 10_000_000,
      heldFen: 0,
      standing: 'unfunded',
    });
  });

  it('given "partly-funded" published, when another deposit leaves it short, then nothing is published', () => {
    expect(decideReserveStanding('partly-funded', required, yuan('60000'))).toBeNull();
  });

  it('given "partly-funded" published, when the deposit completes it, then "funded" is published', () => {
    expect(decideReserveStanding('partly-funded', required, yuan('100000'))?.standing).toBe('funded');
  });
});
