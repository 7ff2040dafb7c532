import { DomainError } from './domain-error';

export class InvalidMoney extends DomainError {
  readonly code = 'kernel.InvalidMoney';
}

const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Half up at the fen, symmetric for negatives (half away from zero), on exact integers. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

function wholeNumber(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new InvalidMoney(`${what} must be a whole number: ${value}`);
  return BigInt(value);
}

/**
 * An amount in integer fen (分), never a float: families' money must add up to the fen.
 * Arithmetic may produce negative amounts (ledger differences); parsing yuan text refuses them
 * unless the caller asks, because user input is where a stray minus sign comes from.
 */
export class Money {
  private constructor(readonly fen: number) {}

  static fen(fen: number): Money {
    if (!Number.isSafeInteger(fen)) throw new InvalidMoney(`not a whole number of fen: ${fen}`);
    return new Money(fen === 0 ? 0 : fen); // no -0
  }

  static zero(): Money {
    return new Money(0);
  }

  /** Parses yuan exactly from text ('5000.01'): digits, at most two decimals, no exponent. */
  static yuan(text: string, options: { allowNegative?: boolean } = {}): Money {
    const m = YUAN.exec(text.trim());
    if (!m)
      throw new InvalidMoney(`not an amount in yuan: ${text}`, { rule: 'digits with at most 2 decimals' });
    if (m[1] && !options.allowNegative) throw new InvalidMoney(`negative amount not allowed here: ${text}`);
    const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
    return Money.fromBigInt(m[1] ? -fen : fen);
  }

  static sum(amounts: readonly Money[]): Money {
    return amounts.reduce((a, b) => a.add(b), Money.zero());
  }

  private static fromBigInt(fen: bigint): Money {
    if (fen > MAX || fen < -MAX) throw new InvalidMoney(`amount out of range: ${fen} fen`);
    return Money.fen(Number(fen));
  }

  add(other: Money): Money {
    return Money.fen(this.fen + other.fen);
  }

  subtract(other: Money): Money {
    return Money.fen(this.fen - other.fen);
  }

  multiply(factor: number): Money {
    return Money.fromBigInt(BigInt(this.fen) * wholeNumber(factor, 'factor'));
  }

  /**
   * this × numerator ÷ denominator, rounded half up at the fen (escrow ÷ total hours × hours
   * taught). Two prorated parts need not add up to the whole: derive the complement by
   * subtraction, or prorate cumulative totals and take differences, so that sums come back exact.
   */
  prorate(numerator: number, denominator: number): Money {
    const n = wholeNumber(numerator, 'numerator');
    const d = wholeNumber(denominator, 'denominator');
    if (n < 0n || d <= 0n) throw new InvalidMoney(`invalid proportion ${numerator}/${denominator}`);
    return Money.fromBigInt(divideHalfUp(BigInt(this.fen) * n, d));
  }

  /**
   * Splits by whole-number ratios so that the parts add up to this amount exactly (largest
   * remainder: each part gets its floor share, the fen left over go one each to the parts with
   * the largest remainders, earlier parts first on ties). A zero ratio gets nothing.
   */
  allocate(ratios: readonly number[]): Money[] {
    const weights = ratios.map((r) => wholeNumber(r, 'ratio'));
    const total = weights.reduce((a, b) => a + b, 0n);
    if (!weights.length || total <= 0n || weights.some((w) => w < 0n)) {
      throw new InvalidMoney(`invalid ratios: ${ratios.join(':')}`);
    }
    const sign = this.fen < 0 ? -1n : 1n;
    const amount = BigInt(this.fen) * sign;
    const shares = weights.map((w, index) => ({
      index,
      floor: (amount * w) / total,
      rest: (amount * w) % total,
    }));
    let left = amount - shares.reduce((a, s) => a + s.floor, 0n);
    const byRemainder = [...shares].sort((a, b) =>
      a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1,
    );
    for (const share of byRemainder) {
      if (left === 0n) break;
      share.floor += 1n;
      left -= 1n;
    }
    return shares.map((s) => Money.fromBigInt(s.floor * sign));
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.fen < other.fen ? -1 : this.fen > other.fen ? 1 : 0;
  }
  equals(other: Money): boolean {
    return this.fen === other.fen;
  }
  lessThan(other: Money): boolean {
    return this.fen < other.fen;
  }
  lessThanOrEqual(other: Money): boolean {
    return this.fen <= other.fen;
  }
  greaterThan(other: Money): boolean {
    return this.fen > other.fen;
  }
  greaterThanOrEqual(other: Money): boolean {
    return this.fen >= other.fen;
  }
  isZero(): boolean {
    return this.fen === 0;
  }
  isNegative(): boolean {
    return this.fen < 0;
  }

  /** '5000.01', '-12.50': always two decimals, no grouping, for display and exports. */
  toYuanString(): string {
    const abs = Math.abs(this.fen);
    return `${this.fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  }

  toJSON(): number {
    return this.fen;
  }
}
