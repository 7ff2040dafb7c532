/** Time comes from an injected clock, so rules about deadlines are testable at their boundaries. */
export interface Clock {
  now(): Date;
}

/** Injection token for the Clock. */
export const CLOCK = 'otr.clock';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock for tests: stands still until set or advanced. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(at: Date | string) {
    this.current = new Date(at);
  }

  /** A copy, so a caller mutating the Date cannot move the clock. */
  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
