import { DomainError } from './domain-error';

export class InvalidMoney extends DomainError {
  readonly code = 'kernel.InvalidMoney';
}

/**
 * An amount in integer fen (分), never a float: families' money must add up to the fen.
 * Negative amounts are allowed (ledger differences); callers that need positive ones say so.
 */
export class Money {
  private constructor(readonly fen: number) {}

  static fen(fen: number): Money {
    if (!Number.isSafeInteger(fen)) throw new InvalidMoney(`not a whole number of fen: ${fen}`);
    return new Money(fen === 0 ? 0 : fen);
  }

  static zero(): Money {
    return new Money(0);
  }

  /** Parses yuan exactly from text ('5000.01'); at most two decimals. */
  static yuan(text: string): Money {
    const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
    if (!m) throw new InvalidMoney(`not an amount in yuan: ${text}`, { rule: 'digits with at most 2 decimals' });
    const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
    return Money.fen(m[1] ? -fen : fen);
  }

  static sum(amounts: Money[]): Money {
    return amounts.reduce((a, b) => a.add(b), Money.zero());
  }

  add(other: Money): Money {
    return Money.fen(this.fen + other.fen);
  }

  subtract(other: Money): Money {
    return Money.fen(this.fen - other.fen);
  }

  times(factor: number): Money {
    if (!Number.isInteger(factor)) throw new InvalidMoney(`multiply by a whole number only: ${factor}`);
    return Money.fen(this.fen * factor);
  }

  /**
   * this × numerator ÷ denominator, rounded half up at the fen (escrow ÷ total hours × hours taught).
   * BigInt keeps the intermediate product exact.
   */
  prorate(numerator: number, denominator: number): Money {
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
      throw new InvalidMoney(`invalid proportion ${numerator}/${denominator}`);
    }
    const product = BigInt(this.fen) * BigInt(numerator);
    const d = BigInt(denominator);
    const sign = product < 0n ? -1n : 1n;
    const abs = product * sign;
    return Money.fen(Number(sign * ((abs * 2n + d) / (2n * d))));
  }

  /** Splits by whole-number ratios without losing a fen: remainders go to the first parts. */
  allocate(ratios: number[]): Money[] {
    const total = ratios.reduce((a, b) => a + b, 0);
    if (total <= 0 || ratios.some((r) => !Number.isInteger(r) || r < 0)) throw new InvalidMoney('invalid ratios');
    const parts = ratios.map((r) => Math.floor((this.fen * r) / total));
    let rest = this.fen - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]++;
    return parts.map((p) => Money.fen(p));
  }

  equals(other: Money): boolean {
    return this.fen === other.fen;
  }
  lessThan(other: Money): boolean {
    return this.fen < other.fen;
  }
  greaterThan(other: Money): boolean {
    return this.fen > other.fen;
  }
  isZero(): boolean {
    return this.fen === 0;
  }
  isNegative(): boolean {
    return this.fen < 0;
  }

  toYuanString(): string {
    const abs = Math.abs(this.fen);
    return `${this.fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  }

  toJSON(): number {
    return this.fen;
  }
}
