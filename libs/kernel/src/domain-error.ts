/** How a broken rule surfaces to a caller: bad input, a state conflict, a missing record, a refusal. */
export type DomainErrorKind = 'invalid' | 'conflict' | 'not-found' | 'forbidden';

export interface RuleCitation {
  /** The input field the rule is about, e.g. 'venue.area'. */
  field?: string;
  /** The rule in words, e.g. 'at least 3 m² per student'. */
  rule?: string;
  /** The document it rests on, e.g. '国办发〔2018〕80号'. */
  source?: string;
}

/** Base of every typed domain error: a stable code, the kind, and what rule was broken where. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly kind: DomainErrorKind = 'invalid';

  constructor(
    message: string,
    readonly citation: RuleCitation = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The codes of the DomainErrors a module exports, for the tests that hold each code to its catalogue
 * entries: a code is an instance field, so each class is built (with placeholder arguments) to read it.
 */
export function domainErrorCodes(...modules: Record<string, unknown>[]): string[] {
  const codes = new Set<string>();
  for (const value of modules.flatMap((m) => Object.values(m)))
    if (typeof value === 'function' && value.prototype instanceof DomainError) {
      const code = (new (value as new (...args: unknown[]) => DomainError)('x', 'x', 'x') as DomainError)
        .code;
      if (code) codes.add(code); // an abstract base has none
    }
  return [...codes].sort();
}
